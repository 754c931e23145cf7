import { ChangeDetectionStrategy, Component, Injector, inject, input, signal, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ExamApplication, ExamFeeStatus, ExamResult, ExamSitting } from '@chamber/contracts';
import { EXAM_FEE_STATUSES, EXAM_RESULTS } from '@chamber/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { askToConfirm } from '../../core/confirm.dialog';
import { ExamFormatService } from '../exam-format.service';
import { ExamsDataService } from '../exams-data.service';
import { apiErrorOf, saveDownload } from '../../core/http';
import { ResultsImportComponent } from './results-import.component';
import { ScrollRegionDirective } from '../../core/scroll-region.directive';

interface Draft {
  result: ExamResult | '';
  score: string;
}

/** Staff: a sitting's applicants with fee status, results one by one or from a file, and the lists to download. */
@Component({
  selector: 'cp-exam-applicants-page',
  imports: [
    ScrollRegionDirective,
    MatButtonModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    ResultsImportComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './applicants.page.html',
  styleUrls: ['./staff-tables.scss', './applicants.page.scss'],
})
export class ExamApplicantsPage implements OnInit {
  private readonly data = inject(ExamsDataService);
  private readonly transloco = inject(TranslocoService);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  protected readonly format = inject(ExamFormatService);

  /** route parameter */
  readonly id = input.required<string>();

  protected readonly feeStatuses = EXAM_FEE_STATUSES;
  protected readonly results = EXAM_RESULTS;
  protected readonly sitting = signal<ExamSitting | null>(null);
  protected readonly applicants = signal<ExamApplication[]>([]);
  protected readonly drafts = signal<Record<string, Draft>>({});
  protected readonly loading = signal(true);
  protected readonly busy = signal<string | null>(null);
  protected readonly rowErrors = signal<Record<string, string>>({});
  protected readonly message = signal<string | null>(null);

  ngOnInit(): void {
    void this.load();
  }

  protected draft(a: ExamApplication): Draft {
    return this.drafts()[a.id] ?? { result: a.result ?? '', score: a.score === null ? '' : String(a.score) };
  }

  protected edit(a: ExamApplication, patch: Partial<Draft>): void {
    this.drafts.update((d) => ({ ...d, [a.id]: { ...this.draft(a), ...patch } }));
  }

  protected changed(a: ExamApplication): boolean {
    const d = this.draft(a);
    return d.result !== (a.result ?? '') || d.score !== (a.score === null ? '' : String(a.score));
  }

  protected async saveResult(a: ExamApplication): Promise<void> {
    const d = this.draft(a);
    if (!d.result) return;
    await this.write(a, () =>
      firstValueFrom(
        this.data.recordResult(a.id, {
          result: d.result as ExamResult,
          score: d.score.trim() === '' ? null : Number(d.score),
        }),
      ),
    );
  }

  protected async setFee(a: ExamApplication, feeStatus: string): Promise<void> {
    await this.write(a, () => firstValueFrom(this.data.setFeeStatus(a.id, feeStatus as ExamFeeStatus)));
  }

  protected async cancel(a: ExamApplication): Promise<void> {
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    const ok = await askToConfirm(
      this.dialog,
      {
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
      },
      this.injector,
    );
    if (!ok) return;
    this.busy.set(a.id);
    try {
      await firstValueFrom(this.data.cancel(a.id));
      await this.load();
    } catch (e: unknown) {
      this.rowErrors.update((r) => ({ ...r, [a.id]: apiErrorOf(e)?.message ?? '' }));
    } finally {
      this.busy.set(null);
    }
  }

  protected async download(kind: 'csv-utf8' | 'csv-sjis' | 'xlsx'): Promise<void> {
    try {
      const res = await firstValueFrom(this.data.download(this.id(), kind));
      saveDownload(res, kind === 'xlsx' ? 'applicants.xlsx' : 'applicants.csv');
    } catch {
      this.message.set(this.transloco.translate('exams.errors.unknown'));
    }
  }

  protected reload(): void {
    this.drafts.set({});
    void this.load();
  }

  private async write(a: ExamApplication, call: () => Promise<ExamApplication>): Promise<void> {
    this.busy.set(a.id);
    this.rowErrors.update((r) => ({ ...r, [a.id]: '' }));
    try {
      const updated = await call();
      this.applicants.update((list) => list.map((x) => (x.id === updated.id ? updated : x)));
      this.drafts.update((d) => {
        const next = { ...d };
        delete next[a.id];
        return next;
      });
    } catch (e: unknown) {
      const body = apiErrorOf(e);
      const text: string =
        body?.errors?.map((x) => x.message).join(' ') ||
        body?.message ||
        this.transloco.translate<string>('exams.errors.unknown');
      this.rowErrors.update((r) => ({ ...r, [a.id]: text }));
    } finally {
      this.busy.set(null);
    }
  }

  private async load(): Promise<void> {
    try {
      const [sitting, applicants] = await Promise.all([
        firstValueFrom(this.data.sitting(this.id())),
        firstValueFrom(this.data.applicants(this.id())),
      ]);
      this.sitting.set(sitting);
      this.applicants.set(applicants);
    } catch {
      this.message.set(this.transloco.translate('common.loadError'));
    } finally {
      this.loading.set(false);
    }
  }
}
