import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { KpiReading } from '@chamber/contracts';
import {
  cappedPercent,
  formatAttainment,
  formatCount,
  formatKpiValue,
  formatTarget,
  milestoneOf,
  unitLabel,
} from '../core/kpi-format';
import { LanguageService } from '../core/language.service';
import { STATUS_COLORS } from './kpi-style';

/** One KPI as read for a fiscal year: figure, target, attainment and status. */
@Component({
  selector: 'cp-kpi-card',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    class: 'kpi-card',
    '[class.flash]': 'flash()',
    '[attr.data-kpi-code]': 'kpi().code',
    '[attr.data-kpi-id]': 'kpi().id',
    '[attr.data-status]': 'kpi().status',
  },
  template: `
    @let k = kpi();
    <div class="head">
      <span class="code">{{ k.actionItemCode }}</span>
      <span class="division">{{ division() }}</span>
      <span class="cp-spacer"></span>
      <span class="cp-status {{ k.status }}" data-testid="kpi-status">{{ 'status.' + k.status | transloco }}</span>
    </div>
    <h3 class="label">{{ language.pick(k.label) }}</h3>

    <div class="figure">
      @if (k.kind === 'milestone') {
        <span class="value milestone" data-testid="kpi-value">{{ 'milestone.' + milestone() | transloco }}</span>
      } @else {
        <span class="value" data-testid="kpi-value">{{ value() }}</span>
        @if (unit()) {
          <span class="unit">{{ unit() }}</span>
        }
      }
    </div>

    @if (detail(); as d) {
      <div class="detail cp-muted" data-testid="kpi-detail">{{ d.key | transloco: d.params }}</div>
    }

    <div class="target">
      @if (k.kind === 'milestone') {
        <span>{{ 'kpi.target' | transloco }}: {{ 'milestone.done' | transloco }}</span>
      } @else if (target(); as t) {
        <span>{{ 'kpi.target' | transloco }}: {{ t }}</span>
      } @else {
        <span class="no-target">{{ 'kpi.noTarget' | transloco }}</span>
      }
      <span class="cp-spacer"></span>
      <span class="kind">{{ 'kind.' + k.kind | transloco }}</span>
    </div>

    @if (attainment(); as a) {
      <div class="attainment">
        <mat-progress-bar
          mode="determinate"
          [value]="bar()"
          [attr.aria-label]="('kpi.attainment' | transloco) + ' ' + language.pick(k.label)"
          [style.--mat-progress-bar-active-indicator-color]="color()"
        />
        <span class="pct" data-testid="kpi-attainment">{{ a }}</span>
      </div>
    }

    @if (canEdit()) {
      <div class="actions">
        <button mat-button type="button" (click)="enter.emit(k)" data-testid="kpi-enter">
          <mat-icon svgIcon="edit" />
          {{ 'entry.open' | transloco }}
        </button>
      </div>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 6px;
      padding: 14px 16px 10px;
      border-radius: 12px;
      background: var(--mat-sys-surface);
      border: 1px solid var(--mat-sys-outline-variant);
      transition:
        box-shadow 0.4s,
        border-color 0.4s;
      min-width: 0;
    }
    :host(.flash) {
      border-color: var(--mat-sys-primary);
      box-shadow: 0 0 0 3px color-mix(in srgb, var(--mat-sys-primary) 25%, transparent);
    }
    .head {
      display: flex;
      align-items: center;
      gap: 8px;
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .code {
      flex: none;
      white-space: nowrap;
      color: var(--mat-sys-primary);
      font-weight: 600;
    }
    .division {
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .label {
      margin: 0;
      font: var(--mat-sys-title-small);
      line-height: 1.45;
      min-height: 2.9em;
    }
    .figure {
      display: flex;
      align-items: baseline;
      gap: 4px;
    }
    .value {
      font: var(--mat-sys-headline-medium);
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .value.milestone {
      font: var(--mat-sys-title-large);
    }
    .unit {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .detail,
    .target {
      font: var(--mat-sys-body-small);
    }
    .target {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .no-target {
      color: var(--cp-status-no-target);
    }
    .kind {
      padding: 1px 8px;
      border-radius: 6px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
      white-space: nowrap;
    }
    .attainment {
      display: flex;
      align-items: center;
      gap: 10px;
      margin-top: 2px;
    }
    .attainment mat-progress-bar {
      flex: 1 1 auto;
      --mat-progress-bar-track-height: 6px;
      --mat-progress-bar-active-indicator-height: 6px;
      border-radius: 3px;
    }
    .pct {
      font: var(--mat-sys-label-large);
      font-variant-numeric: tabular-nums;
      min-width: 3.5em;
      text-align: right;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      margin: auto -8px -4px 0;
    }
  `,
})
export class KpiCardComponent {
  protected readonly language = inject(LanguageService);

  readonly kpi = input.required<KpiReading>();
  readonly divisionLabel = input<string | null>(null);
  readonly canEdit = input(false);
  readonly flash = input(false);
  readonly enter = output<KpiReading>();

  protected readonly value = computed(() => formatKpiValue(this.kpi().kind, this.kpi().value, this.language.locale()));
  protected readonly milestone = computed(() => milestoneOf(this.kpi().value, this.kpi().milestone));
  protected readonly unit = computed(() => {
    const k = this.kpi();
    if (k.kind === 'ratio' || k.kind === 'growth_vs_baseline' || k.value === null) return '';
    return unitLabel(k.unit, this.language.lang(), k.value);
  });
  protected readonly division = computed(() => this.divisionLabel() ?? this.kpi().division);
  protected readonly target = computed(() => {
    const k = this.kpi();
    return formatTarget(k.kind, k.target, k.unit, this.language.lang(), this.language.locale());
  });
  protected readonly attainment = computed(() => formatAttainment(this.kpi().attainment, this.language.locale()));
  protected readonly bar = computed(() => cappedPercent(this.kpi().attainment));
  protected readonly color = computed(() => STATUS_COLORS[this.kpi().status]);

  /** The two figures behind a ratio or a growth rate. */
  protected readonly detail = computed(() => {
    const k = this.kpi();
    const locale = this.language.locale();
    const n = formatCount(k.numerator ?? 0, locale);
    const d = k.denominator === null || k.denominator === undefined ? '—' : formatCount(k.denominator, locale);
    if (k.kind === 'ratio') return { key: 'kpi.ratioDetail', params: { numerator: n, denominator: d } };
    if (k.kind === 'growth_vs_baseline') return { key: 'kpi.growthDetail', params: { current: n, baseline: d } };
    return null;
  });
}
