import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { PASSWORD_MIN_LENGTH } from '@chamber/contracts';
import { PasswordApi, passwordProblem } from './password-api';
import { FocusInvalidDirective } from '../core/focus-invalid.directive';
import { submitForm } from '../core/request-state';

/** A signed-in user changes their password; every other session of the account ends. */
@Component({
  selector: 'cp-change-password-page',
  imports: [
    FocusInvalidDirective,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="heading">{{ 'password.change.title' | transloco }}</h1>
    <p class="cp-muted">{{ 'password.change.lead' | transloco }}</p>
    @if (done()) {
      <p class="done" role="status" data-testid="password-changed">{{ 'password.change.done' | transloco }}</p>
    }
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-form-field>
        <mat-label>{{ 'password.currentPassword' | transloco }}</mat-label>
        <input
          matInput
          type="password"
          formControlName="currentPassword"
          autocomplete="current-password"
          data-testid="current-password"
        />
        @if (errors()['currentPassword']; as e) {
          <mat-hint class="error">{{ e }}</mat-hint>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'password.newPassword' | transloco }}</mat-label>
        <input
          matInput
          type="password"
          formControlName="newPassword"
          autocomplete="new-password"
          data-testid="new-password"
        />
        @if (errors()['newPassword']; as e) {
          <mat-hint class="error" data-testid="new-password-error">{{ e }}</mat-hint>
        } @else {
          <mat-hint>{{ 'password.rule' | transloco: { min } }}</mat-hint>
        }
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="busy()" data-testid="change-password">
        {{ 'password.change.submit' | transloco }}
      </button>
    </form>
  `,
  styles: `
    .heading {
      font: var(--mat-sys-title-large);
      margin: 0 0 8px;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 12px;
      max-width: 420px;
    }
    .error {
      color: var(--mat-sys-error);
    }
    .done {
      padding: 10px 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
    }
  `,
})
export class ChangePasswordPage {
  private readonly api = inject(PasswordApi);
  protected readonly min = PASSWORD_MIN_LENGTH;
  protected readonly busy = signal(false);
  protected readonly done = signal(false);
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
  });

  protected submit(): Promise<void> {
    return submitForm(this.form, this.busy, async () => {
      this.done.set(false);
      this.errors.set({});
      try {
        await this.api.change(this.form.getRawValue());
        this.done.set(true);
        this.form.reset();
      } catch (error: unknown) {
        const p = passwordProblem(error);
        this.errors.set(p.message ? { ...p.fields, newPassword: p.message } : p.fields);
      }
    });
  }
}
