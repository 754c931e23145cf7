import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { LineChartModule, type Color, ScaleType } from '@swimlane/ngx-charts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { KpiHistory, KpiKind } from '@chamber/contracts';
import { catchError, map, of, switchMap } from 'rxjs';
import { DisplayPrefsService } from '../core/display-prefs.service';
import {
  formatAttainment,
  formatKpiValue,
  formatTarget,
  isPercentKind,
  milestoneOf,
  unitLabel,
} from '../core/kpi-format';
import { KpiStatusComponent } from '../core/kpi-status.component';
import { LanguageService } from '../core/language.service';
import { ReportDataService } from './report-data.service';
import { historySeries } from './report-view';

/**
 * A KPI's value per fiscal year of its plan so far and, at the pace so far, a linear projection to
 * the period's end with whether it would meet the target.
 */
@Component({
  selector: 'cp-kpi-history-page',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, LineChartModule, TranslocoPipe, KpiStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cp-page">
      <p class="back">
        <a routerLink="/dashboard">← {{ 'history.back' | transloco }}</a>
      </p>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (failed()) {
        <p class="cp-error-list" role="alert">{{ 'history.failed' | transloco }}</p>
      }
      @if (history(); as h) {
        <header class="cp-page-header">
          <div>
            <h1 data-testid="history-title">
              <span class="code">{{ h.kpi.actionItemCode }}</span> {{ language.pick(h.kpi.label) }}
            </h1>
            <p class="cp-subtitle">
              {{
                'history.period'
                  | transloco: { from: prefs.fiscalYear(first()), to: prefs.fiscalYear(h.projection.fiscalYear) }
              }}
              · {{ 'kpi.target' | transloco }} {{ target() }}
            </p>
          </div>
          <cp-kpi-status [status]="h.kpi.status" />
        </header>

        <div class="grid">
          <section class="card" aria-labelledby="history-years">
            <h2 id="history-years">{{ 'history.years' | transloco }}</h2>
            <table data-testid="history-table">
              <thead>
                <tr>
                  <th scope="col">{{ 'dashboard.fiscalYear' | transloco }}</th>
                  <th scope="col" class="num">{{ 'dashboard.col.value' | transloco }}</th>
                  <th scope="col" class="num">{{ 'kpi.attainment' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (y of h.years; track y.fiscalYear) {
                  <tr [attr.data-fiscal-year]="y.fiscalYear">
                    <th scope="row">{{ prefs.fiscalYear(y.fiscalYear) }}</th>
                    <td class="num" data-testid="history-value">{{ valueText(y.value) }}</td>
                    <td class="num">{{ percent(y.attainment) }}</td>
                  </tr>
                }
                <tr class="projection" data-testid="history-projection-row">
                  <th scope="row">
                    {{ prefs.fiscalYear(h.projection.fiscalYear) }} ({{ 'history.projected' | transloco }})
                  </th>
                  <td class="num">{{ valueText(h.projection.value) }}</td>
                  <td class="num">{{ percent(h.projection.attainment) }}</td>
                </tr>
              </tbody>
            </table>
          </section>

          <section class="card verdict" aria-labelledby="history-projection" data-testid="history-projection">
            <h2 id="history-projection">{{ 'history.projection' | transloco }}</h2>
            <p class="method">{{ 'history.linear' | transloco }}</p>
            @if (h.projection.value === null) {
              <p>{{ 'history.noData' | transloco }}</p>
            } @else {
              <p class="figure">
                {{
                  'history.willStand'
                    | transloco
                      : { year: prefs.fiscalYear(h.projection.fiscalYear), value: valueText(h.projection.value) }
                }}
              </p>
              @switch (h.projection.willMeetTarget) {
                @case (true) {
                  <p class="yes" data-testid="history-verdict" data-verdict="meet">
                    ✓ {{ 'history.willMeet' | transloco }}
                  </p>
                }
                @case (false) {
                  <p class="no" data-testid="history-verdict" data-verdict="miss">
                    ! {{ 'history.willMiss' | transloco }}
                  </p>
                }
                @default {
                  <p data-testid="history-verdict" data-verdict="none">{{ 'history.noTargetVerdict' | transloco }}</p>
                }
              }
            }
          </section>
        </div>

        @if (chart().length > 0 && h.kpi.kind !== 'milestone') {
          <section class="card" aria-labelledby="history-chart">
            <h2 id="history-chart">{{ 'history.chart' | transloco }}</h2>
            <div class="chart" role="img" [attr.aria-label]="chartSummary()">
              <ngx-charts-line-chart
                [results]="chart()"
                [scheme]="scheme"
                [xAxis]="true"
                [yAxis]="true"
                [legend]="false"
                [showGridLines]="true"
                [autoScale]="false"
                [yScaleMin]="0"
                [yScaleMax]="yMax()"
                [referenceLines]="refLines()"
                [showRefLines]="refLines().length > 0"
                [showRefLabels]="true"
                [yAxisTickFormatting]="yTick()"
                [animations]="false"
                [tooltipDisabled]="true"
              />
            </div>
            <ul class="legend" aria-hidden="true">
              <li><span class="swatch actual"></span>{{ 'history.actual' | transloco }}</li>
              <li><span class="swatch projected"></span>{{ 'history.projectedLine' | transloco }}</li>
              @if (refLines().length > 0) {
                <li><span class="swatch target"></span>{{ 'kpi.target' | transloco }}</li>
              }
            </ul>
          </section>
        }
      }
    </section>
  `,
  styles: `
    .back {
      margin: 0 0 8px;
    }
    h1 .code {
      color: var(--mat-sys-primary);
    }
    .grid {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      gap: 12px;
    }
    .card {
      padding: 12px 16px;
      margin-bottom: 12px;
      border-radius: 12px;
      background: var(--mat-sys-surface);
      border: 1px solid var(--mat-sys-outline-variant);
      min-width: 0;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      padding: 4px 8px;
      text-align: left;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .projection {
      font-style: italic;
    }
    .method {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .figure {
      font: var(--mat-sys-title-medium);
    }
    .yes {
      color: var(--cp-status-met);
      font-weight: 600;
    }
    .no {
      color: var(--cp-status-behind);
      font-weight: 600;
    }
    .chart {
      height: 280px;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
      font: var(--mat-sys-body-small);
    }
    .swatch {
      display: inline-block;
      width: 18px;
      height: 0;
      margin-right: 6px;
      vertical-align: middle;
      border-top: 3px solid #0a62c9;
    }
    .swatch.projected {
      border-top-color: #c2410c;
    }
    .swatch.target {
      border-top: 2px dashed var(--mat-sys-on-surface-variant);
    }
    @media (max-width: 700px) {
      .grid {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class KpiHistoryPage {
  private readonly route = inject(ActivatedRoute);
  private readonly http = inject(ReportDataService);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageService);
  protected readonly prefs = inject(DisplayPrefsService);

  protected readonly history = signal<KpiHistory | null>(null);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly scheme: Color = {
    name: 'history',
    selectable: false,
    group: ScaleType.Ordinal,
    domain: ['#0a62c9', '#c2410c'],
  };

  protected readonly first = computed(() => this.history()?.years[0]?.fiscalYear ?? 0);
  protected readonly kind = computed<KpiKind>(() => this.history()?.kpi.kind ?? 'cumulative');
  protected readonly target = computed(() => {
    const h = this.history();
    if (!h) return '';
    if (h.kpi.kind === 'milestone') return this.transloco.translate('milestone.done');
    return (
      formatTarget(h.kpi.kind, h.kpi.target, h.kpi.unit, this.language.lang(), this.language.locale()) ??
      this.transloco.translate('kpi.noTarget')
    );
  });
  protected readonly chart = computed(() => {
    const h = this.history();
    if (!h) return [];
    const lang = this.language.lang();
    const names = {
      actual: this.transloco.translate('history.actual'),
      projected: this.transloco.translate('history.projected'),
    };
    return historySeries(h, (fy) => (lang === 'ja' ? `${fy}年度` : `FY${fy}`), names);
  });
  protected readonly refLines = computed(() => {
    const h = this.history();
    if (!h || h.kpi.target === null || h.kpi.kind === 'milestone') return [];
    const value = isPercentKind(h.kpi.kind) ? h.kpi.target * 100 : h.kpi.target;
    return [{ name: this.transloco.translate('kpi.target'), value }];
  });
  /** The scale reaches past both the figures and the target, so the target line is always drawn. */
  protected readonly yMax = computed(() => {
    const values = this.chart().flatMap((s) => s.series.map((p) => p.value));
    const top = Math.max(0, ...values, ...this.refLines().map((r) => r.value));
    return top > 0 ? top * 1.1 : 1;
  });
  protected readonly yTick = computed(() => {
    const locale = this.language.locale();
    const percent = isPercentKind(this.kind());
    return (v: number): string => (percent ? `${v}%` : new Intl.NumberFormat(locale).format(v));
  });
  protected readonly chartSummary = computed(() => {
    const h = this.history();
    if (!h) return '';
    const parts = h.years.map((y) => `${this.prefs.fiscalYear(y.fiscalYear)}: ${this.valueText(y.value)}`);
    parts.push(
      `${this.prefs.fiscalYear(h.projection.fiscalYear)} (${this.transloco.translate('history.projected')}): ${this.valueText(h.projection.value)}`,
    );
    return parts.join(', ');
  });

  constructor() {
    this.route.paramMap
      .pipe(
        map((p) => p.get('id') ?? ''),
        switchMap((id) => {
          this.loading.set(true);
          return this.http.kpiHistory(id).pipe(catchError(() => of(null)));
        }),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((h) => {
        this.loading.set(false);
        this.failed.set(h === null);
        this.history.set(h);
      });
  }

  protected valueText(value: number | null): string {
    const h = this.history();
    if (!h) return '';
    const lang = this.language.lang();
    if (h.kpi.kind === 'milestone')
      return value === null ? '—' : this.transloco.translate(`milestone.${milestoneOf(value)}`);
    const text = formatKpiValue(h.kpi.kind, value, this.language.locale());
    const unit = isPercentKind(h.kpi.kind) || value === null ? '' : unitLabel(h.kpi.unit, lang, value);
    if (!unit) return text;
    return lang === 'ja' ? `${text}${unit}` : `${text} ${unit}`;
  }

  protected percent(attainment: number | null): string {
    return formatAttainment(attainment, this.language.locale()) ?? '—';
  }
}
