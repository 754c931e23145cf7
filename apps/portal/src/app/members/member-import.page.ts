import { HttpErrorResponse, HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { ImportResult, Ward } from '@chamber/contracts';
import { IMPORT_HEADERS_JA } from '@chamber/contracts';
import { lastValueFrom, tap } from 'rxjs';
import { LanguageService } from '../core/language.service';
import { wardLabel } from './member-labels';
import { MembersDataService } from './members-data.service';
import { MembersTabsComponent } from './members-tabs.component';
import { ScrollRegionDirective } from '../core/scroll-region.directive';

type Phase = 'idle' | 'uploading' | 'processing';

/**
 * CSV import of member companies: check first (every row, errors per row, duplicates), then write
 * all rows or none. Upload progress is shown as it happens; the server's work as a running bar.
 */
@Component({
  selector: 'cp-member-import-page',
  imports: [
    ScrollRegionDirective,
    MatButtonModule,
    MatCheckboxModule,
    MatProgressBarModule,
    TranslocoPipe,
    MembersTabsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './members-shared.scss',
  template: `
    <section class="cp-page">
      <header class="cp-page-header">
        <div>
          <h1>{{ 'members.import.title' | transloco }}</h1>
          <p class="cp-subtitle">{{ 'members.import.lead' | transloco }}</p>
        </div>
      </header>
      <cp-members-tabs />

      <section class="card">
        <p>
          {{ 'members.import.header' | transloco }}
          <code>{{ headerJa }}</code>
          <span class="cp-muted">(name,nameKana,corporateNumber,industry,ward,joinedOn)</span>
        </p>
        <div class="pick">
          <label class="file">
            <span>{{ 'members.import.file' | transloco }}</span>
            <input #file type="file" accept=".csv,text/csv" (change)="pick(file.files)" data-testid="import-file" />
          </label>
          <mat-checkbox [checked]="skipInvalid()" (change)="skipInvalid.set($event.checked)" data-testid="import-skip">
            {{ 'members.import.skipInvalid' | transloco }}
          </mat-checkbox>
        </div>
        <div class="actions">
          <button
            mat-stroked-button
            type="button"
            [disabled]="!selected() || phase() !== 'idle'"
            (click)="run(true)"
            data-testid="import-check"
          >
            {{ 'members.import.check' | transloco }}
          </button>
          <button mat-flat-button type="button" [disabled]="!canImport()" (click)="run(false)" data-testid="import-run">
            {{ 'members.import.run' | transloco }}
          </button>
        </div>
        @if (phase() === 'uploading') {
          <p class="cp-muted">{{ 'members.import.uploading' | transloco: { percent: percent() } }}</p>
          <mat-progress-bar
            mode="determinate"
            [value]="percent()"
            [attr.aria-label]="'members.import.file' | transloco"
            data-testid="import-progress"
          />
        } @else if (phase() === 'processing') {
          <p class="cp-muted">{{ 'members.import.processing' | transloco }}</p>
          <mat-progress-bar
            mode="indeterminate"
            [attr.aria-label]="'common.loading' | transloco"
            data-testid="import-progress"
          />
        }
        @if (problem(); as p) {
          <p class="cp-error-list" role="alert">{{ p }}</p>
        }
      </section>

      @if (result(); as r) {
        <section class="card" data-testid="import-result">
          <h2>
            {{
              (r.dryRun
                ? 'members.import.checked'
                : r.imported > 0 || r.errors.length === 0
                  ? 'members.import.done'
                  : 'members.import.refused'
              ) | transloco
            }}
          </h2>
          <dl class="facts">
            <dt>{{ 'members.import.rows' | transloco }}</dt>
            <dd data-testid="import-rows">{{ r.rows }}</dd>
            <dt>{{ 'members.import.valid' | transloco }}</dt>
            <dd>{{ r.valid }}</dd>
            <dt>{{ 'members.import.duplicates' | transloco }}</dt>
            <dd>{{ r.duplicates }}</dd>
            <dt>{{ 'members.import.errorRows' | transloco }}</dt>
            <dd data-testid="import-error-count">{{ errorRows() }}</dd>
            @if (!r.dryRun) {
              <dt>{{ 'members.import.imported' | transloco }}</dt>
              <dd data-testid="import-imported">{{ r.imported }}</dd>
            }
            <dt>{{ 'members.import.encoding' | transloco }}</dt>
            <dd>{{ r.encoding === 'cp932' ? 'Shift_JIS (CP932)' : 'UTF-8' }}</dd>
          </dl>

          @if (r.errors.length > 0) {
            <h3>{{ 'members.import.errors' | transloco }}</h3>
            <div class="table-wrap">
              <table class="table" data-testid="import-errors">
                <thead>
                  <tr>
                    <th>{{ 'members.import.row' | transloco }}</th>
                    <th>{{ 'members.import.field' | transloco }}</th>
                    <th>{{ 'members.import.message' | transloco }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (e of r.errors.slice(0, 500); track $index) {
                    <tr>
                      <td class="num">{{ e.row }}</td>
                      <td>{{ fieldLabel(e.field) }}</td>
                      <td>{{ e.message }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }

          @if (r.preview.length > 0) {
            <h3>{{ 'members.import.preview' | transloco: { count: r.preview.length } }}</h3>
            <div class="table-wrap">
              <table class="table" data-testid="import-preview">
                <thead>
                  <tr>
                    <th>{{ 'members.import.row' | transloco }}</th>
                    <th>{{ 'members.fields.name' | transloco }}</th>
                    <th>{{ 'members.fields.corporateNumber' | transloco }}</th>
                    <th>{{ 'members.fields.industry' | transloco }}</th>
                    <th>{{ 'members.fields.ward' | transloco }}</th>
                    <th>{{ 'members.fields.joinedOn' | transloco }}</th>
                    <th></th>
                  </tr>
                </thead>
                <tbody>
                  @for (p of r.preview; track p.row) {
                    <tr>
                      <td class="num">{{ p.row }}</td>
                      <td>
                        {{ p.name }}<span class="kana">{{ p.nameKana }}</span>
                      </td>
                      <td class="num">{{ p.corporateNumber ?? '—' }}</td>
                      <td>{{ p.industry }}</td>
                      <td>{{ ward(p.ward) }}</td>
                      <td class="num">{{ p.joinedOn }}</td>
                      <td>
                        @if (p.duplicate) {
                          <span class="chip">{{ 'members.import.duplicate' | transloco }}</span>
                        }
                      </td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
        </section>
      }
    </section>
  `,
  styles: `
    .pick {
      display: flex;
      flex-wrap: wrap;
      gap: 12px 24px;
      align-items: center;
      margin: 12px 0;
    }
    code {
      background: var(--mat-sys-surface-container);
      padding: 2px 6px;
      border-radius: 4px;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 8px;
    }
  `,
})
export class MemberImportPage {
  private readonly data = inject(MembersDataService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);

  protected readonly headerJa = Object.values(IMPORT_HEADERS_JA).join(',');
  protected readonly selected = signal<File | null>(null);
  protected readonly skipInvalid = signal(false);
  protected readonly phase = signal<Phase>('idle');
  protected readonly percent = signal(0);
  protected readonly result = signal<ImportResult | null>(null);
  protected readonly problem = signal<string | null>(null);

  protected readonly errorRows = computed(() => new Set(this.result()?.errors.map((e) => e.row) ?? []).size);
  /** Writing is offered once a check passed (or invalid rows are to be left out). */
  protected readonly canImport = computed(() => {
    const r = this.result();
    return (
      !!this.selected() &&
      this.phase() === 'idle' &&
      !!r &&
      r.dryRun &&
      (r.errors.length === 0 || this.skipInvalid()) &&
      r.valid - r.duplicates > 0
    );
  });

  protected pick(files: FileList | null): void {
    this.selected.set(files?.[0] ?? null);
    this.result.set(null);
    this.problem.set(null);
  }

  protected ward(w: Ward): string {
    return wardLabel(w, (t) => this.language.pick(t));
  }

  protected fieldLabel(field: string): string {
    const key = `members.fields.${field}`;
    const label = this.transloco.translate(key);
    return label === key ? field : label;
  }

  protected async run(dryRun: boolean): Promise<void> {
    const file = this.selected();
    if (!file) return;
    this.problem.set(null);
    // the fetch backend reports no upload progress: a running bar until the answer, a measured one if it does
    this.phase.set('processing');
    this.percent.set(0);
    try {
      const events = this.data.importCsv(file, { dryRun, skipInvalid: this.skipInvalid() }).pipe(
        tap((e) => {
          if (e.type === HttpEventType.UploadProgress && e.total) {
            this.percent.set(Math.round((100 * e.loaded) / e.total));
            this.phase.set(e.loaded >= e.total ? 'processing' : 'uploading');
          }
        }),
      );
      const last = await lastValueFrom(events);
      if (last.type === HttpEventType.Response && last.body) this.result.set(last.body);
    } catch (error: unknown) {
      // a refused import answers 400 with the same report as the check
      if (error instanceof HttpErrorResponse && error.status === 400 && isImportResult(error.error)) {
        this.result.set(error.error);
      } else {
        this.problem.set(this.transloco.translate('members.import.failed'));
      }
    } finally {
      this.phase.set('idle');
    }
  }
}

function isImportResult(body: unknown): body is ImportResult {
  return typeof body === 'object' && body !== null && 'rows' in body && 'errors' in body && 'preview' in body;
}
