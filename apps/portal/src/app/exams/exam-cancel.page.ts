import { ChangeDetectionStrategy, Component, type OnInit, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { ExamCancelResponse, PublicExamApplicationLookup } from '@chamber/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { ExamFormatService } from './exam-format.service';
import { ExamsDataService } from './exams-data.service';
import { apiErrorOf } from '../core/http';

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
        @if (found(); as f) {
          <p data-testid="cancel-done-exam">
            {{ 'exams.cancel.doneNamed' | transloco: { exam: format.examName(f.sitting), when: when(f) } }}
          </p>
        }
        <a mat-stroked-button routerLink="/exams">{{ 'exams.calendar.title' | transloco }}</a>
      } @else if (!token()) {
        <p class="cp-error-list" role="alert">{{ 'exams.cancel.noToken' | transloco }}</p>
      } @else {
        @if (found(); as f) {
          <div class="details" data-testid="cancel-details">
            <strong>{{ format.examName(f.sitting) }}</strong>
            <span>{{ when(f) }} ・ {{ f.sitting.venue }}</span>
            <span>{{ f.name }} ・ {{ 'exams.cancel.number' | transloco: { number: f.examineeNumber } }}</span>
          </div>
        }
        @if (found()?.status === 'cancelled') {
          <p data-testid="cancel-already">{{ 'exams.cancel.already' | transloco }}</p>
        } @else {
          <p data-testid="cancel-lead">{{ 'exams.cancel.lead' | transloco }}</p>
          @if (error(); as e) {
            <p class="cp-error-list" role="alert">{{ e }}</p>
          }
          <button mat-flat-button type="button" [disabled]="busy()" (click)="cancel()" data-testid="cancel-confirm">
            {{ 'exams.cancel.confirm' | transloco }}
          </button>
        }
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
    .details {
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding: 12px 14px;
      margin-bottom: 12px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface);
    }
  `,
})
export class ExamCancelPage implements OnInit {
  private readonly data = inject(ExamsDataService);
  private readonly transloco = inject(TranslocoService);

  /** query parameter */
  readonly token = input<string>('');

  protected readonly busy = signal(false);
  protected readonly done = signal<ExamCancelResponse | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly format = inject(ExamFormatService);
  /** the application the link holds, named before confirming (a courtesy: cancelling works without it) */
  protected readonly found = signal<PublicExamApplicationLookup | null>(null);

  ngOnInit(): void {
    const token = this.token();
    if (!token) return;
    this.data.lookupByToken(token).subscribe({ next: (f) => this.found.set(f), error: () => undefined });
  }

  protected when(f: PublicExamApplicationLookup): string {
    return `${this.format.date(f.sitting.startsAt)} ${this.format.timeOf(f.sitting.startsAt)}`;
  }

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
