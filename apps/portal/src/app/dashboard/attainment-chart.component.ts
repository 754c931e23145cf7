import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { BarChartModule, type Color, ScaleType } from '@swimlane/ngx-charts';
import { map } from 'rxjs';
import { TranslocoPipe } from '@jsverse/transloco';
import type { KpiReading, KpiStatus } from '@chamber/contracts';
import { cappedPercent, formatAttainment } from '../core/kpi-format';
import { LanguageService } from '../core/language.service';
import { STATUS_COLORS } from './kpi-style';

interface BarExtra {
  label: string;
  attainment: string;
  status: KpiStatus;
}

interface Bar {
  name: string;
  value: number;
  extra: BarExtra;
}

const ROW_PX = 26;

/**
 * Attainment of a group of KPIs as horizontal bars: capped at 100 % so one runaway figure does not
 * flatten the rest; the tooltip shows the figure as it is. KPIs without a target have no bar.
 */
@Component({
  selector: 'cp-attainment-chart',
  imports: [BarChartModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (bars().length > 0) {
      <div class="chart" [style.height.px]="height()" role="img" [attr.aria-label]="summary()">
        <ngx-charts-bar-horizontal
          [results]="bars()"
          [scheme]="scheme"
          [customColors]="colors()"
          [xAxis]="true"
          [yAxis]="true"
          [showGridLines]="true"
          [xScaleMin]="0"
          [xScaleMax]="100"
          [xAxisTicks]="ticks"
          [xAxisTickFormatting]="percentTick"
          [yAxisTickFormatting]="labelTick()"
          [trimYAxisTicks]="false"
          [barPadding]="6"
          [roundEdges]="false"
          [animations]="false"
          [noBarWhenZero]="false"
        >
          <ng-template #tooltipTemplate let-model="model">
            <div class="tip">
              <div class="tip-label">{{ model.extra.label }}</div>
              <div>
                {{ 'kpi.attainment' | transloco }}: <strong>{{ model.extra.attainment }}</strong> ·
                {{ 'status.' + model.extra.status | transloco }}
              </div>
            </div>
          </ng-template>
        </ngx-charts-bar-horizontal>
      </div>
    } @else {
      <p class="none cp-muted">{{ 'dashboard.noChart' | transloco }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .chart {
      width: 100%;
    }
    .tip {
      padding: 4px 2px;
      text-align: left;
      max-width: 280px;
    }
    .tip-label {
      font-weight: 600;
      margin-bottom: 2px;
    }
    .none {
      margin: 8px 0;
      font: var(--mat-sys-body-small);
    }
  `,
})
export class AttainmentChartComponent {
  private readonly language = inject(LanguageService);
  private readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 600px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  readonly kpis = input.required<KpiReading[]>();

  protected readonly scheme: Color = {
    name: 'status',
    selectable: false,
    group: ScaleType.Ordinal,
    domain: [STATUS_COLORS.on_track],
  };
  protected readonly ticks = [0, 25, 50, 75, 100];
  protected readonly percentTick = (v: number): string => `${v}%`;

  private readonly charted = computed(() =>
    this.kpis().filter((k) => k.attainment !== null && k.status !== 'no_target'),
  );

  protected readonly bars = computed<Bar[]>(() => {
    const locale = this.language.locale();
    return this.charted().map((k) => ({
      name: k.code,
      value: cappedPercent(k.attainment),
      extra: {
        label: `${k.actionItemCode} ${this.language.pick(k.label)}`,
        attainment: formatAttainment(k.attainment, locale) ?? '—',
        status: k.status,
      },
    }));
  });

  protected readonly colors = computed(() =>
    this.charted().map((k) => ({ name: k.code, value: STATUS_COLORS[k.status] })),
  );
  protected readonly height = computed(() => this.bars().length * ROW_PX + 48);
  /** Characters of a label that fit beside the bars (a kanji is about two Latin letters wide). */
  private readonly maxLabel = computed(() => {
    const ja = this.language.lang() === 'ja';
    if (this.narrow()) return ja ? 10 : 18;
    return ja ? 19 : 30;
  });

  /** Axis labels: the action item code and the KPI's label in the current language, shortened. */
  protected readonly labelTick = computed(() => {
    const max = this.maxLabel();
    const labels = new Map(
      this.bars().map((b) => [
        b.name,
        b.extra.label.length > max ? `${b.extra.label.slice(0, max - 1)}…` : b.extra.label,
      ]),
    );
    return (code: string): string => labels.get(code) ?? code;
  });

  protected readonly summary = computed(() =>
    this.bars()
      .map((b) => `${b.extra.label}: ${b.extra.attainment}`)
      .join(', '),
  );
}
