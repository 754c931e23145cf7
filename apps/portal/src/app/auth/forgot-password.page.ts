import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthCardComponent } from './auth-card.component';
import { AUTH_CARD_STYLES } from './auth-card.styles';
import { PasswordApi } from './password-api';
import { FocusInvalidDirective } from '../core/focus-invalid.directive';
import { submitForm } from '../core/request-state';

/** Asks for a reset link by mail; the answer is the same whether or not the address has an account. */
@Component({
  selector: 'cp-forgot-password-page',
  imports: [
    AuthCardComponent,
    FocusInvalidDirective,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <cp-auth-card [heading]="'password.forgot.title' | transloco">
      @if (sent()) {
        <p class="done" role="status" data-testid="reset-sent">{{ 'password.forgot.sent' | transloco }}</p>
      } @else {
        <p class="cp-muted">{{ 'password.forgot.lead' | transloco }}</p>
        @if (failed()) {
          <p class="alert" role="alert">{{ 'password.errors.unavailable' | transloco }}</p>
        }
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-form-field>
            <mat-label>{{ 'login.email' | transloco }}</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="username" data-testid="reset-email" />
          </mat-form-field>
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="reset-request">
            {{ 'password.forgot.submit' | transloco }}
          </button>
        </form>
      }
    </cp-auth-card>
  `,
  styles: AUTH_CARD_STYLES,
})
export class ForgotPasswordPage {
  private readonly api = inject(PasswordApi);
  protected readonly busy = signal(false);
  protected readonly sent = signal(false);
  protected readonly failed = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
  });

  protected submit(): Promise<void> {
    return submitForm(this.form, this.busy, async () => {
      this.failed.set(false);
      try {
        await this.api.requestReset(this.form.getRawValue().email.trim());
        this.sent.set(true);
      } catch {
        this.failed.set(true);
      }
    });
  }
}
