import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { PlanSummary, PlanView } from '@chamber/contracts';
import { currentFiscalYear } from '@chamber/domain';
import { EMPTY, catchError, switchMap, tap } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { DisplayPrefsService } from '../core/display-prefs.service';
import { LanguageService } from '../core/language.service';
import { ActionItemPanelComponent } from './action-item-panel.component';
import { PlanDataService } from './plan-data.service';
import { countPlan, filterPlan, queryTerms } from './plan-filter';

/** The plan in force for this fiscal year, or else the latest one. */
export function defaultPlan(plans: PlanSummary[], fy = currentFiscalYear()): PlanSummary | null {
  const inForce = plans.find((p) => p.startFiscalYear <= fy && fy <= p.endFiscalYear);
  if (inForce) return inForce;
  return [...plans].sort((a, b) => b.startFiscalYear - a.startFiscalYear)[0] ?? null;
}

/** The fiscal year that selects a plan through GET /api/plan. */
function fiscalYearFor(plan: PlanSummary, fy = currentFiscalYear()): number {
  return Math.min(Math.max(fy, plan.startFiscalYear), plan.endFiscalYear);
}

@Component({
  selector: 'cp-plan-browser-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatExpansionModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    ActionItemPanelComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cp-page">
      <header class="cp-page-header">
        <div>
          <h1>{{ 'plan.title' | transloco }}</h1>
          @if (plan(); as p) {
            <p class="cp-subtitle">
              {{
                'common.planPeriod'
                  | transloco: { from: prefs.fiscalYear(p.startFiscalYear), to: prefs.fiscalYear(p.endFiscalYear) }
              }}
            </p>
          }
        </div>
        <div class="actions">
          @if (auth.isChamber()) {
            <a mat-button routerLink="/plan/report" data-testid="plan-open-report">{{
              'dashboard.report' | transloco
            }}</a>
            @if (selectedId(); as id) {
              <a mat-button [routerLink]="['/plan/review', id]" data-testid="plan-open-review">{{
                'review.title' | transloco
              }}</a>
            }
          }
          <button mat-stroked-button type="button" (click)="expandAll.set(!expandAll())">
            {{ (expandAll() ? 'plan.collapseAll' : 'plan.expandAll') | transloco }}
          </button>
        </div>
      </header>

      <div class="cp-filters">
        <mat-form-field class="plan-select">
          <mat-label>{{ 'plan.selectPlan' | transloco }}</mat-label>
          <mat-select [value]="selectedId()" (selectionChange)="selectedId.set($event.value)" data-testid="plan-select">
            @for (p of plans(); track p.id) {
              <mat-option [value]="p.id">
                {{ language.pick(p.name) }}
              </mat-option>
            }
          </mat-select>
        </mat-form-field>

        <mat-form-field class="search">
          <mat-label>{{ 'plan.search' | transloco }}</mat-label>
          <mat-icon matPrefix svgIcon="search" />
          <input
            matInput
            type="search"
            [value]="query()"
            (input)="onQuery($event)"
            [placeholder]="'plan.searchPlaceholder' | transloco"
            data-testid="plan-search"
          />
          @if (query()) {
            <button
              mat-icon-button
              matSuffix
              type="button"
              (click)="query.set('')"
              [attr.aria-label]="'common.clear' | transloco"
            >
              <mat-icon svgIcon="close" />
            </button>
          }
        </mat-form-field>
      </div>

      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (error()) {
        <p class="cp-error-list" role="alert">{{ 'common.loadError' | transloco }}</p>
      }

      @if (plan()) {
        <p class="summary cp-muted" data-testid="plan-summary">
          {{ 'plan.summary' | transloco: counts() }}
          @if (terms().length > 0) {
            <span> — {{ 'plan.matches' | transloco: { count: counts().items } }}</span>
          }
        </p>

        @for (pillar of pillars(); track pillar.code) {
          <section class="pillar" [attr.data-pillar-code]="pillar.code">
            <h2>
              <span class="pillar-code">{{ pillar.code }}</span>
              {{ language.pick(pillar.name) }}
            </h2>
            @for (theme of pillar.themes; track theme.code) {
              <div class="theme">
                <h3>
                  <span class="theme-code">{{ theme.code }}</span>
                  {{ language.pick(theme.name) }}
                </h3>
                <mat-accordion multi displayMode="flat" class="items">
                  @for (item of theme.actionItems; track item.code) {
                    <cp-action-item-panel [item]="item" [expanded]="expandAll() || terms().length > 0" />
                  }
                </mat-accordion>
              </div>
            }
          </section>
        } @empty {
          <p class="empty">{{ 'plan.noMatches' | transloco }}</p>
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
    .plan-select {
      flex: 1 1 320px;
      max-width: 460px;
    }
    .search {
      flex: 2 1 320px;
    }
    .summary {
      margin: 4px 0 16px;
    }
    .pillar {
      margin-bottom: 32px;
    }
    h2 {
      display: flex;
      align-items: center;
      gap: 12px;
      font: var(--mat-sys-title-large);
      margin: 0 0 12px;
      padding-bottom: 8px;
      border-bottom: 2px solid var(--mat-sys-primary);
    }
    .pillar-code {
      display: grid;
      place-items: center;
      width: 32px;
      height: 32px;
      flex: none;
      border-radius: 8px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      font-weight: 700;
    }
    .theme {
      margin: 0 0 20px;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .theme-code {
      color: var(--mat-sys-primary);
      margin-right: 8px;
    }
    .items {
      display: block;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      overflow: hidden;
    }
    .empty {
      padding: 32px;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class PlanBrowserPage {
  private readonly data = inject(PlanDataService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly language = inject(LanguageService);
  protected readonly prefs = inject(DisplayPrefsService);
  protected readonly auth = inject(AuthService);

  protected readonly plans = signal<PlanSummary[]>([]);
  protected readonly selectedId = signal<string | null>(null);
  protected readonly plan = signal<PlanView | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal(false);
  protected readonly query = signal('');
  protected readonly expandAll = signal(false);

  protected readonly terms = computed(() => queryTerms(this.query()));
  protected readonly pillars = computed(() => {
    const plan = this.plan();
    return plan ? filterPlan(plan, this.terms()) : [];
  });
  protected readonly counts = computed(() => countPlan(this.pillars()));

  private readonly selected = computed(() => this.plans().find((p) => p.id === this.selectedId()) ?? null);

  constructor() {
    this.data
      .plans()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (plans) => {
          this.plans.set(plans);
          const chosen = defaultPlan(plans);
          if (chosen) this.selectedId.set(chosen.id);
          else this.loading.set(false);
        },
        error: () => {
          this.error.set(true);
          this.loading.set(false);
        },
      });

    toObservable(this.selected)
      .pipe(
        switchMap((plan) => {
          if (!plan) return EMPTY;
          this.loading.set(true);
          this.error.set(false);
          return this.data.plan(fiscalYearFor(plan)).pipe(
            catchError(() => {
              this.error.set(true);
              this.loading.set(false);
              return EMPTY;
            }),
          );
        }),
        tap(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((plan) => this.plan.set(plan));
  }

  protected onQuery(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
  }
}
