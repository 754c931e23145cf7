import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { ExamCancelResponse } from '@chamber/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { ExamsDataService } from './exams-data.service';
import { apiErrorOf } from './exams-ui';

/** Cancels an application made without an account, from the link in the confirmation mail. */
@Component({
  selector: 'cp-exam-cancel-page',
  imports: [MatButtonModule, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <h1>{{ 'exams.cancel.title' | transloco }}</h1>
      @if (done()) {
        <p role="status" data-testid="cancel-done">{{ 'exams.cancel.done' | transloco }}</p>
        <a mat-stroked-button routerLink="/exams">{{ 'exams.calendar.title' | transloco }}</a>
      } @else if (!token()) {
        <p class="cp-error-list" role="alert">{{ 'exams.cancel.noToken' | transloco }}</p>
      } @else {
        <p>{{ 'exams.cancel.lead' | transloco }}</p>
        @if (error(); as e) {
          <p class="cp-error-list" role="alert">{{ e }}</p>
        }
        <button mat-flat-button type="button" [disabled]="busy()" (click)="cancel()" data-testid="cancel-confirm">
          {{ 'exams.cancel.confirm' | transloco }}
        </button>
      }
    </section>
  `,
  styles: `
    .page {
      max-width: 560px;
      margin: 0 auto;
      padding: 24px 14px;
    }
    h1 {
      font: var(--mat-sys-headline-small);
    }
  `,
})
export class ExamCancelPage {
  private readonly data = inject(ExamsDataService);
  private readonly transloco = inject(TranslocoService);

  /** query parameter */
  readonly token = input<string>('');

  protected readonly busy = signal(false);
  protected readonly done = signal<ExamCancelResponse | null>(null);
  protected readonly error = signal<string | null>(null);

  protected async cancel(): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      this.done.set(await firstValueFrom(this.data.cancelByToken(this.token())));
    } catch (e: unknown) {
      this.error.set(apiErrorOf(e)?.message ?? this.transloco.translate('exams.errors.unknown'));
    } finally {
      this.busy.set(false);
    }
  }
}
