import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { KpiReading } from '@chamber/contracts';
import { formatAttainment, formatKpiValue, formatTarget, milestoneOf, unitLabel } from '../core/kpi-format';
import { KpiStatusComponent } from '../core/kpi-status.component';
import { LanguageService } from '../core/language.service';
import type { DashboardSort } from './dashboard-view';

/** Every KPI shown as one compact table row; the headers that order the list are buttons. */
@Component({
  selector: 'cp-kpi-table',
  imports: [RouterLink, TranslocoPipe, KpiStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="wrap" role="region" tabindex="0" [attr.aria-label]="'dashboard.tableLabel' | transloco">
      <table data-testid="kpi-table">
        <thead>
          <tr>
            <th scope="col" [attr.aria-sort]="ariaSort('plan')">
              <button type="button" (click)="sortBy.emit('plan')">{{ 'dashboard.col.item' | transloco }}</button>
            </th>
            <th scope="col">{{ 'dashboard.col.kpi' | transloco }}</th>
            <th scope="col" [attr.aria-sort]="ariaSort('division')">
              <button type="button" (click)="sortBy.emit('division')">{{ 'dashboard.division' | transloco }}</button>
            </th>
            <th scope="col" class="num">{{ 'dashboard.col.value' | transloco }}</th>
            <th scope="col" class="num">{{ 'kpi.target' | transloco }}</th>
            <th scope="col" class="num" [attr.aria-sort]="ariaSort('attainment')">
              <button type="button" (click)="sortBy.emit('attainment')">{{ 'kpi.attainment' | transloco }}</button>
            </th>
            <th scope="col" [attr.aria-sort]="ariaSort('status')">
              <button type="button" (click)="sortBy.emit('status')">{{ 'dashboard.col.status' | transloco }}</button>
            </th>
          </tr>
        </thead>
        <tbody>
          @for (k of kpis(); track k.id) {
            <tr
              [attr.data-kpi-code]="k.code"
              [attr.data-kpi-id]="k.id"
              [attr.data-status]="k.status"
              [class.flash]="flashed().has(k.id)"
            >
              <td class="code">{{ k.actionItemCode }}</td>
              <td class="label">
                <a [routerLink]="['/plan/kpis', k.id]" data-testid="kpi-history-link">{{ language.pick(k.label) }}</a>
              </td>
              <td>{{ divisionOf()(k.division) }}</td>
              @if (k.kind === 'milestone') {
                <td class="num" data-testid="kpi-value">{{ 'milestone.' + milestoneOf(k) | transloco }}</td>
                <td class="num">{{ 'milestone.done' | transloco }}</td>
              } @else {
                <td class="num" data-testid="kpi-value">{{ valueOf(k) }}</td>
                <td class="num">{{ targetOf(k) }}</td>
              }
              <td class="num" data-testid="kpi-attainment">{{ attainmentOf(k) }}</td>
              <td><cp-kpi-status [status]="k.status" /></td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .wrap {
      position: relative;
      overflow-x: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface);
    }
    .wrap:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    th,
    td {
      padding: 6px 10px;
      text-align: left;
      vertical-align: middle;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    th {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
      white-space: nowrap;
      background: var(--mat-sys-surface-container-low);
    }
    th button {
      font: inherit;
      color: inherit;
      background: none;
      border: 0;
      padding: 0;
      cursor: pointer;
      text-decoration: underline dotted;
    }
    th[aria-sort] button {
      color: var(--mat-sys-primary);
      text-decoration: underline;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .code {
      white-space: nowrap;
      font-weight: 600;
    }
    .label {
      min-width: 14em;
    }
    tr.flash td {
      background: color-mix(in srgb, var(--mat-sys-primary) 10%, transparent);
    }
  `,
})
export class KpiTableComponent {
  protected readonly language = inject(LanguageService);

  readonly kpis = input.required<KpiReading[]>();
  readonly sort = input.required<DashboardSort>();
  readonly flashed = input<ReadonlySet<string>>(new Set());
  readonly divisionOf = input<(division: string) => string>((d) => d);
  readonly sortBy = output<DashboardSort>();

  protected ariaSort(sort: DashboardSort): 'ascending' | null {
    return this.sort() === sort ? 'ascending' : null;
  }

  protected milestoneOf(k: KpiReading): string {
    return milestoneOf(k.value, k.milestone);
  }

  protected valueOf(k: KpiReading): string {
    const locale = this.language.locale();
    const value = formatKpiValue(k.kind, k.value, locale);
    const isPercent = k.kind === 'ratio' || k.kind === 'growth_vs_baseline';
    const unit = isPercent || k.value === null ? '' : unitLabel(k.unit, this.language.lang(), k.value);
    if (!unit) return value;
    return this.language.lang() === 'ja' ? `${value}${unit}` : `${value} ${unit}`;
  }

  protected targetOf(k: KpiReading): string {
    return formatTarget(k.kind, k.target, k.unit, this.language.lang(), this.language.locale()) ?? '—';
  }

  protected attainmentOf(k: KpiReading): string {
    if (k.status === 'no_target') return '—';
    return formatAttainment(k.attainment, this.language.locale()) ?? '—';
  }
}
