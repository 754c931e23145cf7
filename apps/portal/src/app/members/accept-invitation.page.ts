import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { InvitationInfo } from '@chamber/contracts';
import { PASSWORD_MIN_LENGTH } from '@chamber/contracts';
import { firstValueFrom } from 'rxjs';
import { DisplayPrefsService } from '../core/display-prefs.service';
import { MembersDataService } from './members-data.service';
import { readableError } from '../core/http';
import { FocusInvalidDirective } from '../core/focus-invalid.directive';

/** The invitee opens the mailed link, chooses a password and gets a portal account. No sign-in needed. */
@Component({
  selector: 'cp-accept-invitation-page',
  imports: [
    FocusInvalidDirective,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './members-shared.scss',
  template: `
    <section class="cp-page narrow">
      <h1>{{ 'members.accept.title' | transloco }}</h1>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (problem(); as p) {
        <p class="cp-error-list" role="alert" data-testid="accept-problem">{{ p }}</p>
      }
      @if (done()) {
        <div class="card" data-testid="accept-done">
          <p>{{ 'members.accept.done' | transloco }}</p>
          <a mat-flat-button routerLink="/login">{{ 'login.submit' | transloco }}</a>
        </div>
      } @else if (info(); as i) {
        <form class="card" [formGroup]="form" (ngSubmit)="accept()" novalidate data-testid="accept-form">
          <p>{{ 'members.accept.lead' | transloco: { company: i.companyName } }}</p>
          <dl class="facts">
            <dt>{{ 'members.invite.email' | transloco }}</dt>
            <dd>{{ i.email }}</dd>
            <dt>{{ 'members.accept.expires' | transloco }}</dt>
            <dd>{{ prefs.formatDateTime(i.expiresAt) }}</dd>
          </dl>
          <mat-form-field>
            <mat-label>{{ 'members.accept.displayName' | transloco }}</mat-label>
            <input matInput formControlName="displayName" autocomplete="name" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'members.accept.password' | transloco }}</mat-label>
            <input
              matInput
              type="password"
              formControlName="password"
              autocomplete="new-password"
              data-testid="accept-password"
            />
            <mat-hint>{{ 'members.accept.passwordHint' | transloco }}</mat-hint>
            <mat-error>{{ passwordError() ?? ('members.accept.passwordHint' | transloco) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'members.accept.confirm' | transloco }}</mat-label>
            <input matInput type="password" formControlName="confirm" autocomplete="new-password" />
            <mat-error>{{ 'members.accept.mismatch' | transloco }}</mat-error>
          </mat-form-field>
          <div class="actions">
            <button mat-flat-button type="submit" [disabled]="loading()" data-testid="accept-submit">
              {{ 'members.accept.submit' | transloco }}
            </button>
          </div>
        </form>
      }
    </section>
  `,
  styles: `
    .narrow {
      max-width: 560px;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
  `,
})
export class AcceptInvitationPage {
  readonly token = input.required<string>();

  private readonly data = inject(MembersDataService);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly prefs = inject(DisplayPrefsService);

  protected readonly info = signal<InvitationInfo | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly passwordError = signal<string | null>(null);
  protected readonly done = signal(false);

  protected readonly form = this.fb.group({
    displayName: [''],
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(200)]],
    confirm: ['', Validators.required],
  });

  constructor() {
    effect(() => void this.load(this.token()));
  }

  protected async accept(): Promise<void> {
    this.problem.set(null);
    this.passwordError.set(null);
    const v = this.form.getRawValue();
    if (v.confirm && v.confirm !== v.password) this.form.controls.confirm.setErrors({ mismatch: true });
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.loading.set(true);
    try {
      await firstValueFrom(
        this.data.acceptInvitation(this.token(), {
          password: v.password,
          displayName: v.displayName.trim() || undefined,
        }),
      );
      this.done.set(true);
    } catch (error: unknown) {
      const r = readableError(error, ['password'], this.transloco.translate('members.errors.save'));
      if (r.fields['password']) {
        this.passwordError.set(r.fields['password']);
        this.form.controls.password.setErrors({ server: true });
      }
      if (r.general.length) this.problem.set(r.general.join(' '));
    } finally {
      this.loading.set(false);
    }
  }

  private async load(token: string): Promise<void> {
    this.loading.set(true);
    try {
      this.info.set(await firstValueFrom(this.data.invitationInfo(token)));
    } catch (error: unknown) {
      this.problem.set(readableError(error, [], this.transloco.translate('members.accept.invalid')).general.join(' '));
    } finally {
      this.loading.set(false);
    }
  }
}
