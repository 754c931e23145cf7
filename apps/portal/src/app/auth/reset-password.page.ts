import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { PASSWORD_MIN_LENGTH } from '@chamber/contracts';
import { AuthCardComponent } from './auth-card.component';
import { AUTH_CARD_STYLES } from './auth-card.styles';
import { PasswordApi, passwordProblem } from './password-api';
import { FocusInvalidDirective } from '../core/focus-invalid.directive';
import { submitForm } from '../core/request-state';

/** The page of the mailed link: a new password, once, within the hour. */
@Component({
  selector: 'cp-reset-password-page',
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
    <cp-auth-card [heading]="'password.reset.title' | transloco">
      @if (done()) {
        <p class="done" role="status" data-testid="reset-done">{{ 'password.reset.done' | transloco }}</p>
      } @else if (!token()) {
        <p class="alert" role="alert">{{ 'password.reset.noToken' | transloco }}</p>
      } @else {
        @if (problem(); as p) {
          <p class="alert" role="alert" data-testid="reset-error">{{ p }}</p>
        }
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-form-field>
            <mat-label>{{ 'password.newPassword' | transloco }}</mat-label>
            <input
              matInput
              type="password"
              formControlName="newPassword"
              autocomplete="new-password"
              data-testid="reset-password"
            />
            <mat-hint>{{ 'password.rule' | transloco: { min } }}</mat-hint>
          </mat-form-field>
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="reset-confirm">
            {{ 'password.reset.submit' | transloco }}
          </button>
        </form>
      }
    </cp-auth-card>
  `,
  styles: AUTH_CARD_STYLES,
})
export class ResetPasswordPage {
  private readonly api = inject(PasswordApi);
  /** from the link's query string */
  readonly token = input<string>();
  protected readonly min = PASSWORD_MIN_LENGTH;
  protected readonly busy = signal(false);
  protected readonly done = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    newPassword: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
  });

  protected submit(): Promise<void> {
    return submitForm(this.form, this.busy, async () => {
      this.problem.set(null);
      try {
        await this.api.confirmReset({ token: this.token() ?? '', newPassword: this.form.getRawValue().newPassword });
        this.done.set(true);
      } catch (error: unknown) {
        const p = passwordProblem(error);
        this.problem.set(p.fields['token'] ?? p.fields['newPassword'] ?? p.message ?? '—');
      }
    });
  }
}
