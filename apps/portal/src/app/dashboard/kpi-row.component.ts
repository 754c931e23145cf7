import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import type { KpiReading } from '@chamber/contracts';
import { formatAttainment, formatKpiValue, formatTarget, milestoneOf, unitLabel } from '../core/kpi-format';
import { KpiStatusComponent } from '../core/kpi-status.component';
import { LanguageService } from '../core/language.service';
import { barPosition } from './dashboard-view';
import { KpiCardComponent } from './kpi-card.component';
import { STATUS_COLORS } from './kpi-style';

/**
 * One KPI on a line: action item code, the whole label (it wraps), figure against target, the
 * attainment as a bar on a scale to 120 % with the 100 % target line and the percentage on it, the
 * status in words. "Details" opens the full card with manual entry and the link to its history.
 */
@Component({
  selector: 'cp-kpi-row',
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslocoPipe, KpiCardComponent, KpiStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    class: 'kpi-row',
    '[class.flash]': 'flash()',
    '[class.open]': 'open()',
    '[attr.data-kpi-code]': 'kpi().code',
    '[attr.data-kpi-id]': 'kpi().id',
    '[attr.data-status]': 'kpi().status',
  },
  template: `
    @let k = kpi();
    <div class="line">
      <span class="code">{{ k.actionItemCode }}</span>
      <div class="what">
        <span class="label" [id]="labelId()">{{ language.pick(k.label) }}</span>
        <span class="division">{{ division() }}</span>
      </div>
      <div class="figure">
        @if (k.kind === 'milestone') {
          <span class="value" data-testid="kpi-value">{{ 'milestone.' + milestone() | transloco }}</span>
        } @else {
          <span class="value" data-testid="kpi-value">{{ value() }}</span>
          @if (unit()) {
            <span class="unit">{{ unit() }}</span>
          }
        }
        <span class="target">
          @if (k.kind === 'milestone') {
            {{ 'kpi.target' | transloco }} {{ 'milestone.done' | transloco }}
          } @else if (target(); as t) {
            {{ 'kpi.target' | transloco }} {{ t }}
          } @else {
            {{ 'kpi.noTarget' | transloco }}
          }
        </span>
      </div>
      <div class="bar">
        @if (attainment(); as a) {
          <span class="track" aria-hidden="true">
            <span class="fill" [style.width.%]="position()" [style.background]="color()"></span>
            <span class="goal" [style.left.%]="goal"></span>
          </span>
          <span class="pct" data-testid="kpi-attainment">{{ a }}</span>
        } @else {
          <span class="no-bar cp-muted">{{ 'dashboard.noBar' | transloco }}</span>
        }
      </div>
      <cp-kpi-status class="status" [status]="k.status" />
      <button
        mat-icon-button
        type="button"
        class="toggle"
        (click)="open.set(!open())"
        [attr.aria-expanded]="open()"
        [attr.aria-controls]="detailId()"
        [attr.aria-label]="
          (open() ? 'dashboard.hideDetail' : 'dashboard.showDetail') | transloco: { label: language.pick(k.label) }
        "
        data-testid="kpi-toggle"
      >
        <mat-icon [svgIcon]="open() ? 'expand_less' : 'expand_more'" />
      </button>
    </div>
    @if (open()) {
      <div class="detail" [id]="detailId()" data-testid="kpi-detail-panel">
        <cp-kpi-card [kpi]="k" [divisionLabel]="divisionLabel()" [canEdit]="canEdit()" (enter)="enter.emit($event)" />
        <a mat-stroked-button class="history" [routerLink]="['/plan/kpis', k.id]" data-testid="kpi-history-link">
          <mat-icon svgIcon="timeline" />
          {{ 'dashboard.history' | transloco }}
        </a>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      transition: background-color 0.4s;
    }
    :host(.flash) {
      background: color-mix(in srgb, var(--mat-sys-primary) 10%, transparent);
    }
    .line {
      display: grid;
      grid-template-columns: 4.5em minmax(0, 1fr) 11em 13em 7.5em 40px;
      grid-template-areas: 'code what figure bar status toggle';
      align-items: center;
      gap: 4px 12px;
      padding: 6px 4px 6px 8px;
      min-height: 44px;
    }
    .code {
      grid-area: code;
      color: var(--mat-sys-primary);
      font: var(--mat-sys-label-large);
      font-weight: 600;
      white-space: nowrap;
    }
    .what {
      grid-area: what;
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .label {
      font: var(--mat-sys-body-medium);
      line-height: 1.4;
      overflow-wrap: anywhere;
    }
    .division {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .figure {
      grid-area: figure;
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      column-gap: 4px;
      font-variant-numeric: tabular-nums;
    }
    .value {
      font: var(--mat-sys-title-medium);
      font-weight: 600;
    }
    .unit {
      font: var(--mat-sys-body-small);
    }
    .target {
      flex-basis: 100%;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .bar {
      grid-area: bar;
      display: flex;
      align-items: center;
      gap: 6px;
      height: 24px;
    }
    .track {
      position: relative;
      flex: 1 1 auto;
      height: 14px;
      border-radius: 3px;
      background: var(--mat-sys-surface-container-high);
    }
    .fill {
      position: absolute;
      inset: 0 auto 0 0;
      border-radius: 3px;
    }
    .goal {
      position: absolute;
      top: -4px;
      bottom: -4px;
      width: 0;
      border-left: 2px dashed var(--mat-sys-on-surface);
    }
    .pct {
      flex: none;
      min-width: 3.2em;
      text-align: right;
      font: var(--mat-sys-label-large);
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .no-bar {
      font: var(--mat-sys-body-small);
      line-height: 24px;
    }
    .status {
      grid-area: status;
    }
    .toggle {
      grid-area: toggle;
    }
    .detail {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 12px;
      padding: 4px 8px 14px calc(4.5em + 20px);
    }
    .detail cp-kpi-card {
      flex: 1 1 320px;
      max-width: 480px;
    }
    @media (max-width: 760px) {
      .line {
        grid-template-columns: auto minmax(0, 1fr) auto 40px;
        grid-template-areas:
          'code what what toggle'
          'figure figure status status'
          'bar bar bar bar';
      }
      .figure .target {
        flex-basis: auto;
        margin-left: 6px;
      }
      .status {
        justify-self: end;
      }
      .detail {
        padding-left: 8px;
      }
    }
  `,
})
export class KpiRowComponent {
  protected readonly language = inject(LanguageService);

  readonly kpi = input.required<KpiReading>();
  readonly divisionLabel = input<string | null>(null);
  readonly canEdit = input(false);
  readonly flash = input(false);
  readonly enter = output<KpiReading>();

  protected readonly open = signal(false);
  protected readonly goal = barPosition(1);
  protected readonly labelId = computed(() => `kpi-label-${this.kpi().id}`);
  protected readonly detailId = computed(() => `kpi-detail-${this.kpi().id}`);
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
  protected readonly attainment = computed(() =>
    this.kpi().status === 'no_target' ? null : formatAttainment(this.kpi().attainment, this.language.locale()),
  );
  protected readonly position = computed(() => barPosition(this.kpi().attainment));
  protected readonly color = computed(() => STATUS_COLORS[this.kpi().status]);
}
