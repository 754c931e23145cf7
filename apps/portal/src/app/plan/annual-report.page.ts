import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { KPI_STATUSES } from '@chamber/contracts';
import type { AnnualReport, AnnualReportKpi, ReportNarrative } from '@chamber/contracts';
import { Subject, catchError, of, switchMap } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { DisplayPrefsService } from '../core/display-prefs.service';
import {
  formatAttainment,
  formatCount,
  formatKpiValue,
  formatTarget,
  milestoneOf,
  unitLabel,
} from '../core/kpi-format';
import { KpiStatusComponent, STATUS_GLYPHS } from '../core/kpi-status.component';
import { LanguageService } from '../core/language.service';
import { fileNameOf, saveBlob } from '../core/http';
import { NarrativeFormComponent } from './narrative-form.component';
import { ReportChartComponent } from './report-chart.component';
import { ReportDataService } from './report-data.service';
import { activityTotals, defaultReportYear, reportYears } from './report-view';
import { ScrollRegionDirective } from '../core/scroll-region.directive';

/**
 * The annual report (事業報告) of a fiscal year as the API writes it from the ledger: summary, a chart
 * per pillar, every action item with its KPIs, its activity and staff's narrative; xlsx and PDF downloads.
 */
@Component({
  selector: 'cp-annual-report-page',
  imports: [
    ScrollRegionDirective,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    KpiStatusComponent,
    NarrativeFormComponent,
    ReportChartComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cp-page">
      <header class="cp-page-header">
        <div>
          <h1>{{ 'report.title' | transloco }}</h1>
          @if (report(); as r) {
            <p class="cp-subtitle" data-testid="report-year">
              {{ 'report.year' | transloco: { year: prefs.fiscalYear(r.fiscalYear) } }} ·
              {{ language.pick(r.plan.name) }}
            </p>
          }
        </div>
        <div class="actions">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'dashboard.fiscalYear' | transloco }}</mat-label>
            <mat-select [value]="fiscalYear()" (selectionChange)="select($event.value)" data-testid="report-fy">
              @for (fy of years(); track fy) {
                <mat-option [value]="fy">{{ prefs.fiscalYear(fy) }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <button
            mat-stroked-button
            type="button"
            (click)="download('xlsx')"
            data-testid="report-xlsx"
            [disabled]="!report()"
          >
            <mat-icon svgIcon="download" />
            {{ 'report.downloadXlsx' | transloco }}
          </button>
          <button
            mat-stroked-button
            type="button"
            (click)="download('pdf')"
            data-testid="report-pdf"
            [disabled]="!report()"
          >
            <mat-icon svgIcon="download" />
            {{ 'report.downloadPdf' | transloco }}
          </button>
          @if (report(); as r) {
            <a mat-button [routerLink]="['/plan/review', r.plan.id]" data-testid="open-review">{{
              'report.review' | transloco
            }}</a>
          }
        </div>
      </header>

      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (failed()) {
        <p class="cp-error-list" role="alert">{{ 'report.failed' | transloco }}</p>
      }

      @if (report(); as r) {
        <section class="summary" aria-labelledby="report-summary">
          <h2 id="report-summary">{{ 'report.summary' | transloco }}</h2>
          <ul class="tiles">
            @for (s of statuses; track s) {
              <li class="tile {{ s }}" [attr.data-testid]="'report-summary-' + s" [attr.data-count]="r.summary[s]">
                <strong>{{ r.summary[s] }}</strong>
                <span
                  ><span aria-hidden="true">{{ glyphs[s] }}</span> {{ 'status.' + s | transloco }}</span
                >
              </li>
            }
          </ul>
          @if (totals(); as t) {
            <p class="activity-total" data-testid="report-activity">
              {{ 'report.activityTotal' | transloco: t }}
            </p>
          }
        </section>

        @for (pillar of r.pillars; track pillar.code) {
          <section class="pillar" [attr.data-pillar-code]="pillar.code">
            <h2>
              <span class="pillar-code">{{ pillar.code }}</span> {{ language.pick(pillar.name) }}
            </h2>
            <div class="card">
              <h3 class="chart-title">{{ 'report.chartTitle' | transloco }}</h3>
              <cp-report-chart [pillar]="pillar" />
            </div>

            @for (item of pillar.items; track item.code) {
              <article class="card item" [attr.data-item-code]="item.code">
                <h3>
                  <span class="code">{{ item.code }}</span> {{ language.pick(item.title) }}
                  <span class="division cp-muted">{{ item.division }}</span>
                </h3>
                @if (item.kpis.length > 0) {
                  <div
                    class="table-wrap"
                    role="region"
                    tabindex="0"
                    [attr.aria-label]="'report.kpisOf' | transloco: { code: item.code }"
                  >
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">{{ 'dashboard.col.kpi' | transloco }}</th>
                          <th scope="col" class="num">{{ 'kpi.target' | transloco }}</th>
                          <th scope="col" class="num">{{ 'dashboard.col.value' | transloco }}</th>
                          <th scope="col" class="num">{{ 'kpi.attainment' | transloco }}</th>
                          <th scope="col">{{ 'dashboard.col.status' | transloco }}</th>
                        </tr>
                      </thead>
                      <tbody>
                        @for (k of item.kpis; track k.id) {
                          <tr [attr.data-kpi-code]="k.code">
                            <td>
                              <a [routerLink]="['/plan/kpis', k.id]">{{ language.pick(k.label) }}</a>
                            </td>
                            <td class="num" data-testid="report-target">{{ targetOf(k) }}</td>
                            <td class="num" data-testid="report-value">{{ valueOf(k) }}</td>
                            <td class="num" data-testid="report-attainment">{{ attainmentOf(k) }}</td>
                            <td><cp-kpi-status [status]="k.status" /></td>
                          </tr>
                        }
                      </tbody>
                    </table>
                  </div>
                }
                <p class="activity cp-muted" data-testid="item-activity">
                  {{ 'report.activity' | transloco: activityOf(item.activity) }}
                </p>
                <cp-narrative-form
                  [fiscalYear]="r.fiscalYear"
                  [code]="item.code"
                  [narrative]="item.narrative"
                  [canEdit]="auth.canEnterFigures()"
                  (saved)="narrativeSaved(item.code, $event)"
                />
              </article>
            }
          </section>
        }
      }
    </section>
  `,
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .summary h2,
    .pillar > h2 {
      font: var(--mat-sys-title-large);
      margin: 16px 0 8px;
      display: flex;
      align-items: center;
      gap: 10px;
    }
    .tiles {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(5, minmax(0, 1fr));
      gap: 8px;
    }
    .tile {
      display: flex;
      flex-direction: column;
      padding: 8px 12px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-left-width: 6px;
      background: var(--mat-sys-surface);
    }
    .tile strong {
      font: var(--mat-sys-headline-small);
      font-weight: 600;
    }
    .tile.met {
      border-left-color: var(--cp-status-met);
    }
    .tile.on_track {
      border-left-color: var(--cp-status-on-track);
    }
    .tile.behind {
      border-left-color: var(--cp-status-behind);
    }
    .tile.not_started {
      border-left-color: var(--cp-status-not-started);
    }
    .tile.no_target {
      border-left-color: var(--cp-status-no-target);
    }
    .activity-total {
      margin: 8px 0 0;
    }
    .pillar-code {
      display: grid;
      place-items: center;
      width: 28px;
      height: 28px;
      flex: none;
      border-radius: 8px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      font-weight: 700;
    }
    .card {
      padding: 12px 16px;
      margin-bottom: 12px;
      border-radius: 12px;
      background: var(--mat-sys-surface);
      border: 1px solid var(--mat-sys-outline-variant);
      min-width: 0;
    }
    .chart-title,
    .item h3 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-small);
    }
    .item h3 .code {
      color: var(--mat-sys-primary);
      margin-right: 4px;
    }
    .division {
      margin-left: 8px;
      font: var(--mat-sys-body-small);
    }
    .table-wrap {
      position: relative;
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    th,
    td {
      padding: 4px 8px;
      text-align: left;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    th {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
      white-space: nowrap;
    }
    .num {
      text-align: right;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .activity {
      margin: 8px 0;
      font: var(--mat-sys-body-small);
    }
    @media (max-width: 700px) {
      .tiles {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
    }
  `,
})
export class AnnualReportPage {
  private readonly data = inject(ReportDataService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly auth = inject(AuthService);
  protected readonly language = inject(LanguageService);
  protected readonly prefs = inject(DisplayPrefsService);

  protected readonly statuses = KPI_STATUSES;
  protected readonly glyphs = STATUS_GLYPHS;
  protected readonly years = signal<number[]>([]);
  protected readonly fiscalYear = signal<number | null>(null);
  protected readonly report = signal<AnnualReport | null>(null);
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);
  private readonly loads = new Subject<number>();

  protected readonly totals = computed(() => {
    const r = this.report();
    return r ? this.activityOf(activityTotals(r)) : null;
  });

  constructor() {
    this.loads
      .pipe(
        switchMap((fy) => {
          this.loading.set(true);
          return this.data.annual(fy).pipe(catchError(() => of(null)));
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((report) => {
        this.loading.set(false);
        this.failed.set(report === null);
        this.report.set(report);
      });

    const asked = Number(this.route.snapshot.queryParamMap.get('fiscalYear'));
    this.data
      .plans()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (plans) => {
          const years = reportYears(plans);
          this.years.set(years);
          this.open(defaultReportYear(years, Number.isInteger(asked) && asked > 0 ? asked : null));
        },
        error: () => this.failed.set(true),
      });
  }

  protected select(fy: number): void {
    this.open(fy);
    void this.router.navigate([], { relativeTo: this.route, queryParams: { fiscalYear: fy }, replaceUrl: true });
  }

  protected download(format: 'xlsx' | 'pdf'): void {
    const fy = this.fiscalYear();
    if (fy === null) return;
    this.data.download(fy, format).subscribe({
      next: (res) => {
        if (res.body) saveBlob(res.body, fileNameOf(res, `annual-report-FY${fy}.${format}`));
      },
      error: () =>
        this.snackBar.open(this.transloco.translate('report.downloadFailed'), this.transloco.translate('common.close')),
    });
  }

  protected narrativeSaved(code: string, narrative: ReportNarrative): void {
    this.report.update((r) =>
      r
        ? {
            ...r,
            pillars: r.pillars.map((p) => ({
              ...p,
              items: p.items.map((i) => (i.code === code ? { ...i, narrative: { ...i.narrative, ...narrative } } : i)),
            })),
          }
        : r,
    );
  }

  protected valueOf(k: AnnualReportKpi): string {
    const locale = this.language.locale();
    const lang = this.language.lang();
    if (k.kind === 'milestone') return this.transloco.translate(`milestone.${milestoneOf(k.value)}`);
    const value = formatKpiValue(k.kind, k.value, locale);
    const isPercent = k.kind === 'ratio' || k.kind === 'growth_vs_baseline';
    const unit = isPercent || k.value === null ? '' : unitLabel(k.unit, lang, k.value);
    if (!unit) return value;
    return lang === 'ja' ? `${value}${unit}` : `${value} ${unit}`;
  }

  protected targetOf(k: AnnualReportKpi): string {
    const lang = this.language.lang();
    if (k.kind === 'milestone') return this.transloco.translate('milestone.done');
    return formatTarget(k.kind, k.target, k.unit, lang, this.language.locale()) ?? '—';
  }

  protected attainmentOf(k: AnnualReportKpi): string {
    if (k.status === 'no_target') return '—';
    return formatAttainment(k.attainment, this.language.locale()) ?? '—';
  }

  protected activityOf(a: { eventsHeld: number; attendees: number; consultations: number; examinees: number }) {
    const locale = this.language.locale();
    return {
      events: formatCount(a.eventsHeld, locale),
      attendees: formatCount(a.attendees, locale),
      consultations: formatCount(a.consultations, locale),
      examinees: formatCount(a.examinees, locale),
    };
  }

  private open(fy: number): void {
    this.fiscalYear.set(fy);
    this.loads.next(fy);
  }
}
