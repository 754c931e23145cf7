import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ExamImportRowError, ExamResultsImportResponse } from '@chamber/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { ExamsDataService } from '../exams-data.service';
import { apiErrorOf } from '../../core/http';

/** A results file: checked first (every bad row listed), then recorded all at once. */
@Component({
  selector: 'cp-exam-results-import',
  imports: [MatButtonModule, MatProgressBarModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="box">
      <p class="cp-muted">{{ 'exams.import.lead' | transloco }}</p>
      <div class="pick">
        <label class="file">
          <span>{{ 'exams.import.file' | transloco }}</span>
          <input #file type="file" accept=".csv,text/csv" (change)="pick(file.files)" data-testid="import-file" />
        </label>
      </div>
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (message(); as m) {
        <p class="cp-error-list" role="alert">{{ m }}</p>
      }
      @if (errors().length) {
        <table class="errors" data-testid="import-errors">
          <thead>
            <tr>
              <th>{{ 'exams.import.row' | transloco }}</th>
              <th>{{ 'exams.import.field' | transloco }}</th>
              <th>{{ 'exams.import.message' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (e of errors(); track $index) {
              <tr>
                <td>{{ e.row }}</td>
                <td>{{ e.field }}</td>
                <td>{{ e.message }}</td>
              </tr>
            }
          </tbody>
        </table>
      }
      @if (preview(); as p) {
        @if (!p.errors.length) {
          <p role="status" data-testid="import-preview">
            {{
              (p.dryRun ? 'exams.import.ready' : 'exams.import.done') | transloco: { rows: p.rows, changed: p.changed }
            }}
          </p>
          @if (p.dryRun) {
            <button mat-flat-button type="button" [disabled]="busy()" (click)="commit()" data-testid="import-commit">
              {{ 'exams.import.commit' | transloco }}
            </button>
          }
        }
      }
    </div>
  `,
  styles: `
    .file {
      display: inline-flex;
      flex-direction: column;
      gap: 4px;
      max-width: 100%;
      font: var(--mat-sys-label-large);
    }
    .file input {
      max-width: 100%;
    }
    .box {
      padding: 12px 14px;
      border: 1px dashed var(--mat-sys-outline);
      border-radius: 12px;
      display: grid;
      gap: 8px;
    }
    .errors {
      border-collapse: collapse;
      width: 100%;
    }
    .errors th,
    .errors td {
      text-align: left;
      padding: 4px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
  `,
})
export class ResultsImportComponent {
  private readonly data = inject(ExamsDataService);
  private readonly transloco = inject(TranslocoService);

  readonly sittingId = input.required<string>();
  readonly imported = output<void>();

  protected readonly busy = signal(false);
  protected readonly file = signal<File | null>(null);
  protected readonly preview = signal<ExamResultsImportResponse | null>(null);
  protected readonly errors = signal<ExamImportRowError[]>([]);
  protected readonly message = signal<string | null>(null);

  protected pick(files: FileList | null): void {
    const f = files?.[0] ?? null;
    this.file.set(f);
    if (f) void this.run(true);
  }

  protected commit(): void {
    void this.run(false);
  }

  private async run(dryRun: boolean): Promise<void> {
    const f = this.file();
    if (!f) return;
    this.busy.set(true);
    this.message.set(null);
    this.errors.set([]);
    try {
      const answer = await firstValueFrom(this.data.importResults(this.sittingId(), f, dryRun));
      this.preview.set(answer);
      this.errors.set(answer.errors);
      if (!dryRun) this.imported.emit();
    } catch (e: unknown) {
      const body = apiErrorOf(e);
      this.preview.set(null);
      this.message.set(body?.message ?? this.transloco.translate('exams.errors.unknown'));
      // an import's 400 lists its errors with the line of the file
      const rows = (body?.errors ?? []) as Partial<ExamImportRowError>[];
      this.errors.set(rows.filter((x): x is ExamImportRowError => typeof x.row === 'number'));
    } finally {
      this.busy.set(false);
    }
  }
}
