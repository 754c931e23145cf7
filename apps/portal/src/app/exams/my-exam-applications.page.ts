import { ChangeDetectionStrategy, Component, Injector, inject, signal, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ExamApplication } from '@chamber/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { ConfirmDialog, type ConfirmData } from '../core/confirm.dialog';
import { ExamFormatService } from './exam-format.service';
import { ExamsDataService } from './exams-data.service';
import { apiErrorOf } from '../core/http';

/** An employee's own applications, or a company contact's company's: numbers, fee, result, cancel. */
@Component({
  selector: 'cp-my-exam-applications-page',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cp-page">
      <header class="cp-page-header">
        <div>
          <h1>{{ 'exams.mine.title' | transloco }}</h1>
          <p class="cp-subtitle">
            {{ (auth.role() === 'member_admin' ? 'exams.mine.leadCompany' : 'exams.mine.lead') | transloco }}
          </p>
        </div>
        <a mat-stroked-button routerLink="/exams">{{ 'exams.calendar.title' | transloco }}</a>
      </header>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (error(); as e) {
        <p class="cp-error-list" role="alert">{{ e }}</p>
      }
      <ul class="list">
        @for (a of applications(); track a.id) {
          <li [class.cancelled]="a.status === 'cancelled'" data-testid="my-application">
            <div class="top">
              <strong>{{ format.examName(a.sitting) }}</strong>
              <span class="number">{{ a.examineeNumber }}</span>
            </div>
            <div class="cp-muted">
              {{ format.date(a.sitting.startsAt) }} {{ format.timeOf(a.sitting.startsAt) }} ・ {{ a.sitting.venue }}
            </div>
            <div>
              {{ a.name }}（{{ a.nameKana }}）
              <span class="chip">{{ 'exams.status.' + a.status | transloco }}</span>
              <span class="chip">{{ 'exams.fee.' + a.feeStatus | transloco }} {{ format.fee(a.fee) }}</span>
              @if (a.result) {
                <span class="chip result"
                  >{{ 'exams.result.' + a.result | transloco }}
                  @if (a.score !== null) {
                    ({{ a.score }})
                  }
                </span>
              }
            </div>
            @if (a.cancellable) {
              <div class="actions">
                <button
                  mat-stroked-button
                  type="button"
                  [disabled]="busy() === a.id"
                  (click)="cancel(a)"
                  data-testid="my-cancel"
                >
                  {{ 'exams.mine.cancel' | transloco }}
                </button>
              </div>
            }
          </li>
        } @empty {
          @if (!loading()) {
            <li class="empty cp-muted">{{ 'exams.mine.none' | transloco }}</li>
          }
        }
      </ul>
    </section>
  `,
  styles: `
    .list {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 10px;
    }
    li {
      padding: 12px 14px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface);
      display: grid;
      gap: 4px;
    }
    li.cancelled {
      opacity: 0.6;
    }
    .top {
      display: flex;
      justify-content: space-between;
      gap: 8px;
      flex-wrap: wrap;
    }
    .number {
      font-family: ui-monospace, monospace;
      font-weight: 700;
    }
    .chip {
      display: inline-block;
      margin-left: 6px;
      padding: 0 8px;
      border-radius: 999px;
      background: var(--mat-sys-surface-container-high);
      font: var(--mat-sys-label-medium);
    }
    .chip.result {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .actions {
      display: flex;
      justify-content: flex-end;
    }
    .empty {
      text-align: center;
      border-style: dashed;
    }
  `,
})
export class MyExamApplicationsPage implements OnInit {
  private readonly data = inject(ExamsDataService);
  private readonly transloco = inject(TranslocoService);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  protected readonly auth = inject(AuthService);
  protected readonly format = inject(ExamFormatService);

  protected readonly applications = signal<ExamApplication[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal<string | null>(null);

  ngOnInit(): void {
    void this.load();
  }

  protected async cancel(a: ExamApplication): Promise<void> {
    // a Material dialog in the portal's language (the browser's confirm() speaks the browser's), naming
    // the exam, its day and the person
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    const data: ConfirmData = {
      title: t('exams.mine.confirmCancelTitle'),
      message: t('exams.mine.confirmCancelNamed', {
        exam: this.format.examName(a.sitting),
        when: `${this.format.date(a.sitting.startsAt)} ${this.format.timeOf(a.sitting.startsAt)}`,
        name: a.name,
        number: a.examineeNumber,
      }),
      confirm: t('exams.cancel.confirm'),
      cancel: t('common.close'),
      danger: true,
    };
    const ok = await firstValueFrom(
      this.dialog
        .open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, { data, injector: this.injector })
        .afterClosed(),
    );
    if (!ok) return;
    this.busy.set(a.id);
    this.error.set(null);
    try {
      await firstValueFrom(this.data.cancel(a.id));
      await this.load();
    } catch (e: unknown) {
      this.error.set(apiErrorOf(e)?.message ?? this.transloco.translate('exams.errors.unknown'));
    } finally {
      this.busy.set(null);
    }
  }

  private async load(): Promise<void> {
    try {
      this.applications.set(await firstValueFrom(this.data.myApplications()));
    } catch {
      this.error.set(this.transloco.translate('common.loadError'));
    } finally {
      this.loading.set(false);
    }
  }
}
