import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService, LoginError, type LoginFailure } from '../core/auth.service';
import { LanguageToggleComponent } from '../core/language-toggle.component';
import { FocusInvalidDirective } from '../core/focus-invalid.directive';

@Component({
  selector: 'cp-login-page',
  imports: [
    FocusInvalidDirective,
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    LanguageToggleComponent,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <header class="top">
        <div class="brand">
          <span class="logo" aria-hidden="true">商</span>
          <span>{{ 'app.title' | transloco }}</span>
        </div>
        <cp-language-toggle />
      </header>

      <mat-card class="card" appearance="outlined">
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" class="progress" />
        }
        <mat-card-content>
          <h1>{{ 'login.title' | transloco }}</h1>
          <p class="cp-muted lead">{{ 'login.lead' | transloco }}</p>

          @if (failure(); as reason) {
            <div class="alert" role="alert" data-testid="login-error">
              <mat-icon svgIcon="error" />
              <span>{{ 'login.errors.' + reason | transloco }}</span>
            </div>
          }

          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field>
              <mat-label>{{ 'login.email' | transloco }}</mat-label>
              <input
                matInput
                type="email"
                formControlName="email"
                autocomplete="username"
                inputmode="email"
                data-testid="login-email"
              />
              @if (form.controls.email.hasError('required')) {
                <mat-error>{{ 'login.emailRequired' | transloco }}</mat-error>
              } @else if (form.controls.email.hasError('email')) {
                <mat-error>{{ 'login.emailInvalid' | transloco }}</mat-error>
              }
            </mat-form-field>

            <mat-form-field>
              <mat-label>{{ 'login.password' | transloco }}</mat-label>
              <input
                matInput
                [type]="showPassword() ? 'text' : 'password'"
                formControlName="password"
                autocomplete="current-password"
                data-testid="login-password"
              />
              <button
                mat-icon-button
                matSuffix
                type="button"
                (click)="showPassword.set(!showPassword())"
                [attr.aria-label]="(showPassword() ? 'login.hidePassword' : 'login.showPassword') | transloco"
              >
                <mat-icon [svgIcon]="showPassword() ? 'visibility_off' : 'visibility'" />
              </button>
              @if (form.controls.password.hasError('required')) {
                <mat-error>{{ 'login.passwordRequired' | transloco }}</mat-error>
              }
            </mat-form-field>

            @if (askTotp()) {
              <mat-form-field>
                <mat-label>{{ 'login.totp' | transloco }}</mat-label>
                <input
                  matInput
                  formControlName="totp"
                  inputmode="numeric"
                  autocomplete="one-time-code"
                  maxlength="6"
                  data-testid="login-totp"
                />
              </mat-form-field>
            }

            <button mat-flat-button type="submit" class="submit" [disabled]="busy()" data-testid="login-submit">
              {{ 'login.submit' | transloco }}
            </button>
          </form>
        </mat-card-content>
      </mat-card>

      <p class="foot">
        <a routerLink="/login/forgot" data-testid="forgot-password">{{ 'login.forgot' | transloco }}</a>
      </p>
      <p class="foot cp-muted">{{ 'login.footer' | transloco }}</p>
    </div>
  `,
  styles: `
    .page {
      min-height: 100vh;
      display: flex;
      flex-direction: column;
      align-items: center;
      padding: 0 16px 32px;
      background:
        radial-gradient(circle at 20% 0%, var(--mat-sys-primary-container) 0, transparent 45%),
        var(--mat-sys-surface-container-lowest);
    }
    .top {
      width: 100%;
      max-width: 960px;
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      padding: 16px 0 40px;
    }
    .brand {
      display: flex;
      align-items: center;
      gap: 10px;
      font: var(--mat-sys-title-medium);
      font-weight: 700;
    }
    .logo {
      display: grid;
      place-items: center;
      width: 34px;
      height: 34px;
      border-radius: 9px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      font-size: 19px;
    }
    .card {
      width: 100%;
      max-width: 420px;
      position: relative;
      overflow: hidden;
      background: var(--mat-sys-surface);
      padding: 12px 8px;
    }
    .progress {
      position: absolute;
      top: 0;
      left: 0;
      right: 0;
    }
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 8px 0 4px;
    }
    .lead {
      margin: 0 0 20px;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .submit {
      height: 44px;
      margin-top: 8px;
    }
    .alert {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      padding: 10px 12px;
      margin-bottom: 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .alert mat-icon {
      flex: none;
    }
    .foot {
      margin-top: 24px;
      font: var(--mat-sys-body-small);
      text-align: center;
    }
  `,
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);

  /** where the guard sent the visitor from (bound from the query string) */
  readonly returnUrl = input<string>();

  protected readonly busy = signal(false);
  protected readonly failure = signal<LoginFailure | null>(null);
  protected readonly showPassword = signal(false);
  /** the account has a second factor: the API asked for its code */
  protected readonly askTotp = signal(false);
  protected readonly form = this.fb.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
    totp: [''],
  });

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.failure.set(null);
    try {
      const { email, password, totp } = this.form.getRawValue();
      await this.auth.login({ email, password, ...(totp.trim() ? { totp: totp.trim() } : {}) });
      await this.router.navigateByUrl(this.safeReturnUrl() ?? this.auth.homeUrl());
    } catch (error: unknown) {
      const reason = error instanceof LoginError ? error.reason : 'unavailable';
      if (reason === 'totp_required') this.askTotp.set(true);
      this.failure.set(reason);
    } finally {
      this.busy.set(false);
    }
  }

  /** Only same-site paths, never back to the sign-in page itself. */
  private safeReturnUrl(): string | null {
    const url = this.returnUrl();
    if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/login')) return null;
    return url;
  }
}
