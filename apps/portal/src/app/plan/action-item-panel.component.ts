import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatExpansionModule } from '@angular/material/expansion';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ActionItemView, KpiDefinition } from '@chamber/contracts';
import { formatTarget } from '../core/kpi-format';
import { LanguageService } from '../core/language.service';

/** One action item of the plan: its texts and the KPIs that measure it. */
@Component({
  selector: 'cp-action-item-panel',
  imports: [MatExpansionModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let it = item();
    <mat-expansion-panel [expanded]="expanded()" [attr.data-item-code]="it.code">
      <mat-expansion-panel-header>
        <mat-panel-title>
          <span class="code">{{ it.code }}</span>
          <span class="title">{{ language.pick(it.title) }}</span>
        </mat-panel-title>
        <mat-panel-description>
          <span class="division">{{ division(it) }}</span>
          <span class="kpi-count">{{ 'plan.kpiCount' | transloco: { count: it.kpis.length } }}</span>
        </mat-panel-description>
      </mat-expansion-panel-header>

      <div class="texts">
        <section>
          <h4>{{ 'plan.plan2019' | transloco }}</h4>
          <p>{{ language.pick(it.plan2019) || ('plan.none' | transloco) }}</p>
        </section>
        @if (it.plan2020 && language.pick(it.plan2020)) {
          <section>
            <h4>{{ 'plan.plan2020' | transloco }}</h4>
            <p>{{ language.pick(it.plan2020) }}</p>
          </section>
        }
        <section>
          <h4>{{ 'plan.target2021' | transloco }}</h4>
          <p>{{ language.pick(it.target2021) || ('plan.none' | transloco) }}</p>
        </section>
        <section class="mobile-division">
          <h4>{{ 'plan.division' | transloco }}</h4>
          <p>{{ division(it) }}</p>
        </section>
      </div>

      @if (it.kpis.length > 0) {
        <table class="kpis">
          <caption class="cp-visually-hidden">
            {{
              'plan.kpis' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'plan.kpiLabel' | transloco }}</th>
              <th scope="col">{{ 'plan.kpiKind' | transloco }}</th>
              <th scope="col" class="num">{{ 'plan.kpiTarget' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (kpi of it.kpis; track kpi.id) {
              <tr [attr.data-kpi-row]="kpi.code">
                <td>
                  <div>{{ language.pick(kpi.label) }}</div>
                  <div class="kpi-code">{{ kpi.code }}</div>
                </td>
                <td>
                  <span class="kind">{{ 'kind.' + kpi.kind | transloco }}</span>
                </td>
                <td class="num">
                  @if (kpi.kind === 'milestone') {
                    {{ 'milestone.done' | transloco }}
                  } @else {
                    {{ target(kpi) ?? ('kpi.noTarget' | transloco) }}
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      }
    </mat-expansion-panel>
  `,
  styles: `
    mat-panel-title {
      gap: 12px;
      align-items: baseline;
      min-width: 0;
    }
    .code {
      flex: none;
      font: var(--mat-sys-label-large);
      font-variant-numeric: tabular-nums;
      color: var(--mat-sys-primary);
      min-width: 3.5em;
    }
    .title {
      line-height: 1.45;
    }
    mat-panel-description {
      justify-content: flex-end;
      gap: 12px;
      flex: 0 0 auto;
      max-width: 40%;
    }
    .division {
      font: var(--mat-sys-body-small);
      text-align: right;
    }
    .kpi-count {
      font: var(--mat-sys-label-small);
      padding: 2px 8px;
      border-radius: 999px;
      background: var(--mat-sys-surface-container-high);
      white-space: nowrap;
    }
    .texts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(260px, 1fr));
      gap: 8px 24px;
    }
    h4 {
      margin: 0 0 4px;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .texts p {
      margin: 0 0 8px;
      white-space: pre-line;
    }
    .mobile-division {
      display: none;
    }
    .kpis {
      width: 100%;
      border-collapse: collapse;
      margin-top: 12px;
      font: var(--mat-sys-body-medium);
    }
    .kpis th {
      text-align: left;
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      padding: 6px 8px;
    }
    .kpis td {
      padding: 8px;
      border-bottom: 1px solid var(--mat-sys-surface-container-high);
      vertical-align: top;
    }
    .num {
      text-align: right !important;
      white-space: nowrap;
    }
    .kpi-code {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .kind {
      font: var(--mat-sys-label-medium);
      padding: 2px 8px;
      border-radius: 6px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      white-space: nowrap;
    }
    @media (max-width: 640px) {
      mat-panel-description {
        display: none;
      }
      .mobile-division {
        display: block;
      }
      .kpis {
        font: var(--mat-sys-body-small);
      }
    }
  `,
})
export class ActionItemPanelComponent {
  protected readonly language = inject(LanguageService);

  readonly item = input.required<ActionItemView>();
  readonly expanded = input(false);

  protected division(item: ActionItemView): string {
    return this.language.pick(item.divisionLabel) || item.division;
  }

  protected target(kpi: KpiDefinition): string | null {
    return formatTarget(kpi.kind, kpi.target, kpi.unit, this.language.lang(), this.language.locale());
  }
}
