import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { BarChartModule, type Color, ScaleType } from '@swimlane/ngx-charts';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AnnualReportPillar, KpiStatus } from '@chamber/contracts';
import { formatAttainment } from '../core/kpi-format';
import { LanguageService } from '../core/language.service';
import { STATUS_COLORS } from '../dashboard/kpi-style';
import { chartBars } from './report-view';

/**
 * A pillar's KPIs as vertical bars of attainment (to 120 %, the rest clipped), each named by a short
 * code explained in the list under it and carrying its percentage; KPIs without a target have no bar.
 */
@Component({
  selector: 'cp-report-chart',
  imports: [BarChartModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (bars().length > 0) {
      <figure>
        <div class="chart" role="img" [attr.aria-label]="summary()">
          <ngx-charts-bar-vertical
            [results]="results()"
            [scheme]="scheme"
            [customColors]="colors()"
            [xAxis]="true"
            [yAxis]="true"
            [showGridLines]="true"
            [yScaleMax]="120"
            [yAxisTicks]="ticks"
            [yAxisTickFormatting]="percentTick"
            [showDataLabel]="true"
            [dataLabelFormatting]="dataLabel()"
            [barPadding]="10"
            [roundEdges]="false"
            [animations]="false"
            [noBarWhenZero]="false"
            [tooltipDisabled]="true"
          />
        </div>
        <figcaption class="cp-muted">{{ 'report.chartCaption' | transloco }}</figcaption>
        <ol class="keys">
          @for (b of bars(); track b.key) {
            <li>
              <strong>{{ b.key }}</strong> {{ b.label }} — {{ b.attainment }} · {{ 'status.' + b.status | transloco }}
            </li>
          }
        </ol>
      </figure>
    } @else {
      <p class="cp-muted">{{ 'report.noChart' | transloco }}</p>
    }
  `,
  styles: `
    figure {
      margin: 0;
    }
    .chart {
      height: 240px;
      width: 100%;
    }
    figcaption {
      font: var(--mat-sys-body-small);
      margin: 4px 0;
    }
    .keys {
      list-style: none;
      margin: 0;
      padding: 0;
      columns: 2 320px;
      font: var(--mat-sys-body-small);
    }
    .keys li {
      break-inside: avoid;
      margin-bottom: 2px;
    }
  `,
})
export class ReportChartComponent {
  private readonly language = inject(LanguageService);
  readonly pillar = input.required<AnnualReportPillar>();

  protected readonly scheme: Color = {
    name: 'status',
    selectable: false,
    group: ScaleType.Ordinal,
    domain: [STATUS_COLORS.on_track],
  };
  protected readonly ticks = [0, 25, 50, 75, 100, 120];
  protected readonly percentTick = (v: number): string => `${v}%`;

  protected readonly bars = computed(() => {
    const locale = this.language.locale();
    return chartBars(this.pillar()).map((b) => ({
      ...b,
      label: this.language.pick(b.kpi.label),
      attainment: formatAttainment(b.kpi.attainment, locale) ?? '—',
      status: b.kpi.status as KpiStatus,
    }));
  });
  protected readonly results = computed(() => this.bars().map((b) => ({ name: b.key, value: b.value })));
  protected readonly colors = computed(() => this.bars().map((b) => ({ name: b.key, value: STATUS_COLORS[b.status] })));
  /** The data label is the attainment as it is (it may pass the 120 % the bar stops at). */
  protected readonly dataLabel = computed(() => {
    const text = new Map(this.bars().map((b) => [b.value, b.attainment]));
    return (value: number): string => text.get(value) ?? `${Math.round(value)}%`;
  });
  protected readonly summary = computed(() =>
    this.bars()
      .map((b) => `${b.key} ${b.label}: ${b.attainment}`)
      .join(', '),
  );
}
