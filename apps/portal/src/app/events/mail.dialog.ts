import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import type { FollowUpAudience, FollowUpMailResponse } from '@chamber/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { apiErrorOf, placeFieldErrors, statusOf } from '../core/http';
import { EventsDataService } from './events-data.service';
import { FocusInvalidDirective } from '../core/focus-invalid.directive';

export interface MailDialogData {
  eventId: string;
  eventTitle: string;
  attendees: number;
  noShows: number;
}

type Field = 'audience' | 'subject' | 'body';

/** Follow-up mail to the attendees or the no-shows of an event (queued in the outbox). */
@Component({
  selector: 'cp-mail-dialog',
  imports: [
    FocusInvalidDirective,
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'events.mail.title' | transloco }}</h2>
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    <form [formGroup]="form" (ngSubmit)="send()" novalidate>
      <mat-dialog-content class="content">
        <p class="cp-muted">{{ data.eventTitle }}</p>
        @if (errors().length > 0) {
          <ul class="cp-error-list" role="alert">
            @for (m of errors(); track $index) {
              <li>{{ m }}</li>
            }
          </ul>
        }
        <mat-radio-group formControlName="audience" class="audience" data-testid="mail-audience">
          <mat-radio-button value="attendees">
            {{ 'events.mail.attendees' | transloco: { count: data.attendees } }}
          </mat-radio-button>
          <mat-radio-button value="no_shows">
            {{ 'events.mail.noShows' | transloco: { count: data.noShows } }}
          </mat-radio-button>
        </mat-radio-group>
        @if (serverError('audience'); as e) {
          <p class="field-error">{{ e }}</p>
        }
        <mat-form-field class="wide">
          <mat-label>{{ 'events.mail.subject' | transloco }}</mat-label>
          <input matInput formControlName="subject" data-testid="mail-subject" />
          @if (serverError('subject'); as e) {
            <mat-error>{{ e }}</mat-error>
          } @else {
            <mat-error>{{ 'events.validation.required' | transloco }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>{{ 'events.mail.body' | transloco }}</mat-label>
          <textarea matInput formControlName="body" rows="8" data-testid="mail-body"></textarea>
          <mat-hint>{{ 'events.mail.bodyHint' | transloco }}</mat-hint>
          @if (serverError('body'); as e) {
            <mat-error>{{ e }}</mat-error>
          } @else {
            <mat-error>{{ 'events.validation.required' | transloco }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'events.common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="mail-send">
          {{ 'events.mail.send' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .content {
      display: flex;
      flex-direction: column;
      gap: 12px;
      min-width: min(520px, 80vw);
    }
    .audience {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
    }
    .wide {
      width: 100%;
    }
    .field-error {
      margin: 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class MailDialog {
  private readonly api = inject(EventsDataService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly transloco = inject(TranslocoService);
  private readonly ref = inject<MatDialogRef<MailDialog, FollowUpMailResponse>>(MatDialogRef);
  protected readonly data = inject<MailDialogData>(MAT_DIALOG_DATA);

  protected readonly busy = signal(false);
  protected readonly errors = signal<string[]>([]);
  protected readonly form = this.fb.group({
    audience: this.fb.control<FollowUpAudience>('attendees', Validators.required),
    subject: ['', [Validators.required, Validators.maxLength(200)]],
    body: ['', [Validators.required, Validators.maxLength(10000)]],
  });

  protected serverError(field: Field): string | null {
    const message: unknown = this.form.controls[field].errors?.['server'];
    return typeof message === 'string' ? message : null;
  }

  protected async send(): Promise<void> {
    this.errors.set([]);
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    try {
      const v = this.form.getRawValue();
      const answer = await firstValueFrom(
        this.api.mail(this.data.eventId, { audience: v.audience, subject: v.subject.trim(), body: v.body }),
      );
      this.ref.close(answer);
    } catch (error: unknown) {
      const body = apiErrorOf(error);
      if (!body) {
        this.errors.set([
          this.transloco.translate(statusOf(error) === 0 ? 'events.errors.network' : 'events.errors.unknown'),
        ]);
        return;
      }
      this.errors.set(
        placeFieldErrors(body, (field) =>
          field === 'audience' || field === 'subject' || field === 'body' ? this.form.controls[field] : null,
        ),
      );
    } finally {
      this.busy.set(false);
    }
  }
}
