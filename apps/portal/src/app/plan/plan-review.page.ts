import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { KPI_STATUSES } from '@chamber/contracts';
import type { AnnualReport, AnnualReportKpi, PlanSummary } from '@chamber/contracts';
import { catchError, forkJoin, map, of, switchMap } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { DisplayPrefsService } from '../core/display-prefs.service';
import {
  formatAttainment,
  formatKpiValue,
  formatTarget,
  isPercentKind,
  milestoneOf,
  unitLabel,
} from '../core/kpi-format';
import { STATUS_GLYPHS } from '../core/kpi-status.component';
import { LanguageService } from '../core/language.service';
import { ReportDataService } from './report-data.service';
import { reviewRows, reviewYears } from './report-view';

/**
 * The review of a plan at its period's end: the annual report of every year side by side, KPI by
 * KPI, with each year's summary; from here admins continue the plan and staff edit the next one.
 */
@Component({
  selector: 'cp-plan-review-page',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cp-page">
      <header class="cp-page-header">
        <div>
          <h1>{{ 'review.title' | transloco }}</h1>
          @if (plan(); as p) {
            <p class="cp-subtitle">
              {{ language.pick(p.name) }} ·
              {{
                'common.planPeriod'
                  | transloco: { from: prefs.fiscalYear(p.startFiscalYear), to: prefs.fiscalYear(p.endFiscalYear) }
              }}
            </p>
          }
        </div>
        <div class="actions">
          @if (successor(); as s) {
            <a mat-flat-button [routerLink]="['/plan/edit', s.id]" data-testid="edit-next-plan">{{
              'review.editNext' | transloco
            }}</a>
          } @else if (plan() && auth.hasRole(['admin'])) {
            <button
              mat-flat-button
              type="button"
              (click)="continuePlan()"
              [disabled]="busy()"
              data-testid="continue-plan"
            >
              {{ 'review.continue' | transloco }}
            </button>
          }
        </div>
      </header>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (failed()) {
        <p class="cp-error-list" role="alert">{{ 'review.failed' | transloco }}</p>
      }
      @if (reports().length > 0) {
        <div class="wrap" role="region" tabindex="0" [attr.aria-label]="'review.tableLabel' | transloco">
          <table data-testid="review-table">
            <thead>
              <tr>
                <th scope="col">{{ 'dashboard.col.item' | transloco }}</th>
                <th scope="col">{{ 'dashboard.col.kpi' | transloco }}</th>
                <th scope="col" class="num">{{ 'kpi.target' | transloco }}</th>
                @for (r of reports(); track r.fiscalYear) {
                  <th scope="col" class="num">{{ prefs.fiscalYear(r.fiscalYear) }}</th>
                }
              </tr>
              <tr class="summary">
                <th scope="row" colspan="3">{{ 'review.summary' | transloco }}</th>
                @for (r of reports(); track r.fiscalYear) {
                  <td class="num" [attr.data-fiscal-year]="r.fiscalYear">
                    @for (s of statuses; track s) {
                      <span class="count" [title]="'status.' + s | transloco"
                        ><span aria-hidden="true">{{ glyphs[s] }}</span>
                        <span class="cp-visually-hidden">{{ 'status.' + s | transloco }}</span> {{ r.summary[s] }}</span
                      >
                    }
                  </td>
                }
              </tr>
            </thead>
            <tbody>
              @for (row of rows(); track row.kpiCode) {
                <tr [attr.data-kpi-code]="row.kpiCode">
                  <td class="code">{{ row.itemCode }}</td>
                  <td class="label">{{ language.pick(row.label) }}</td>
                  <td class="num">{{ targetOf(row) }}</td>
                  @for (y of row.years; track $index) {
                    <td class="num" [attr.data-status]="y?.status">
                      @if (y) {
                        <span class="value">{{ valueOf(y) }}</span>
                        @if (y.status !== 'no_target') {
                          <span class="att">{{ glyphs[y.status] }} {{ attainmentOf(y) }}</span>
                        }
                      } @else {
                        —
                      }
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
        <p class="cp-muted note">{{ 'review.note' | transloco }}</p>
      }
    </section>
  `,
  styles: `
    .wrap {
      position: relative;
      overflow-x: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface);
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
      vertical-align: top;
    }
    th {
      font: var(--mat-sys-label-large);
      white-space: nowrap;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .num .value,
    .num .att {
      display: block;
    }
    .att {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .summary .count {
      margin-left: 6px;
      font: var(--mat-sys-body-small);
    }
    .label {
      min-width: 12em;
    }
    .code {
      font-weight: 600;
      white-space: nowrap;
    }
    .note {
      font: var(--mat-sys-body-small);
    }
  `,
})
export class PlanReviewPage {
  private readonly data = inject(ReportDataService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly auth = inject(AuthService);
  protected readonly language = inject(LanguageService);
  protected readonly prefs = inject(DisplayPrefsService);

  protected readonly statuses = KPI_STATUSES;
  protected readonly glyphs = STATUS_GLYPHS;
  protected readonly plans = signal<PlanSummary[]>([]);
  protected readonly reports = signal<AnnualReport[]>([]);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly busy = signal(false);
  private readonly planId = signal('');

  protected readonly plan = computed(() => this.plans().find((p) => p.id === this.planId()) ?? null);
  protected readonly successor = computed(() => this.plans().find((p) => p.continuedFromId === this.planId()) ?? null);
  protected readonly rows = computed(() => reviewRows(this.reports()));

  constructor() {
    this.route.paramMap
      .pipe(
        map((p) => p.get('id') ?? ''),
        switchMap((id) => {
          this.planId.set(id);
          this.loading.set(true);
          return this.data.plans().pipe(
            switchMap((plans) => {
              this.plans.set(plans);
              const plan = plans.find((p) => p.id === id);
              if (!plan) return of(null);
              return forkJoin(reviewYears(plan).map((fy) => this.data.annual(fy)));
            }),
            catchError(() => of(null)),
          );
        }),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((reports) => {
        this.loading.set(false);
        this.failed.set(reports === null);
        this.reports.set(reports ?? []);
      });
  }

  protected continuePlan(): void {
    const p = this.plan();
    if (!p) return;
    this.busy.set(true);
    this.data.continuePlan(p.id, p.endFiscalYear + 1).subscribe({
      next: (next) => {
        this.busy.set(false);
        void this.router.navigate(['/plan/edit', next.id]);
      },
      error: () => {
        this.busy.set(false);
        this.snackBar.open(this.transloco.translate('review.continueFailed'), this.transloco.translate('common.close'));
      },
    });
  }

  protected valueOf(k: AnnualReportKpi): string {
    const lang = this.language.lang();
    if (k.kind === 'milestone') return this.transloco.translate(`milestone.${milestoneOf(k.value)}`);
    const value = formatKpiValue(k.kind, k.value, this.language.locale());
    const unit = isPercentKind(k.kind) || k.value === null ? '' : unitLabel(k.unit, lang, k.value);
    if (!unit) return value;
    return lang === 'ja' ? `${value}${unit}` : `${value} ${unit}`;
  }

  protected targetOf(row: { kind: AnnualReportKpi['kind']; target: number | null; unit: string }): string {
    const lang = this.language.lang();
    if (row.kind === 'milestone') return this.transloco.translate('milestone.done');
    return formatTarget(row.kind, row.target, row.unit, lang, this.language.locale()) ?? '—';
  }

  protected attainmentOf(k: AnnualReportKpi): string {
    return formatAttainment(k.attainment, this.language.locale()) ?? '—';
  }
}
