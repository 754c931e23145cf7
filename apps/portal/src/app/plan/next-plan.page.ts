import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { ActionItemView, KpiDefinition, PlanSummary, PlanView } from '@chamber/contracts';
import { type PlanChange, diffPlans } from '@chamber/domain';
import { catchError, forkJoin, map, of, switchMap } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { DisplayPrefsService } from '../core/display-prefs.service';
import { formatTarget } from '../core/kpi-format';
import { LanguageService } from '../core/language.service';
import { ReportDataService } from './report-data.service';
import { diffItemsOf, parseTarget } from './report-view';

const ADD_KINDS = ['per_fiscal_year', 'cumulative', 'level'] as const;
type AddKind = (typeof ADD_KINDS)[number];

interface ItemDraft {
  titleJa: string;
  titleEn: string;
  divisionJa: string;
  divisionEn: string;
}

/**
 * Editing a continued plan: every action item's title and division and every KPI's label and target,
 * with the list of what changed against the plan it continues (libs/domain diffPlans).
 */
@Component({
  selector: 'cp-next-plan-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cp-page">
      <header class="cp-page-header">
        <div>
          <h1>{{ 'nextPlan.title' | transloco }}</h1>
          @if (summary(); as p) {
            <p class="cp-subtitle">
              {{ language.pick(p.name) }} ·
              {{
                'common.planPeriod'
                  | transloco: { from: prefs.fiscalYear(p.startFiscalYear), to: prefs.fiscalYear(p.endFiscalYear) }
              }}
            </p>
          }
        </div>
        @if (previous(); as prev) {
          <a mat-button [routerLink]="['/plan/review', prev.id]">{{ 'nextPlan.review' | transloco }}</a>
        }
      </header>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (failed()) {
        <p class="cp-error-list" role="alert">{{ 'nextPlan.failed' | transloco }}</p>
      }

      @if (plan()) {
        <section class="card changes" aria-labelledby="changes-title" data-testid="plan-changes">
          <h2 id="changes-title">{{ 'nextPlan.changes' | transloco: { count: changes().length } }}</h2>
          @if (!previousView()) {
            <p class="cp-muted">{{ 'nextPlan.noPrevious' | transloco }}</p>
          } @else {
            <ul>
              @for (c of changes(); track $index) {
                <li [attr.data-change]="c.type">{{ describe(c) }}</li>
              } @empty {
                <li class="cp-muted">{{ 'nextPlan.noChanges' | transloco }}</li>
              }
            </ul>
          }
        </section>

        @for (item of items(); track item.code) {
          <article class="card item" [attr.data-item-code]="item.code">
            <h2>
              <span class="code">{{ item.code }}</span> {{ language.pick(item.title) }}
            </h2>
            @if (canEdit()) {
              <form class="grid" (ngSubmit)="saveItem(item)" [attr.data-testid]="'item-form-' + item.code">
                @for (field of itemFields; track field) {
                  <mat-form-field subscriptSizing="dynamic">
                    <mat-label>{{ 'nextPlan.' + field | transloco }}</mat-label>
                    <input matInput [name]="field" required maxlength="200" [(ngModel)]="draftOf(item)[field]" />
                  </mat-form-field>
                }
                <div class="save">
                  <button mat-stroked-button type="submit" [attr.data-testid]="'item-save-' + item.code">
                    {{ 'nextPlan.saveItem' | transloco }}
                  </button>
                </div>
              </form>
            } @else {
              <p class="cp-muted">{{ language.pick(item.divisionLabel) }}</p>
            }
            @for (k of item.kpis; track k.id) {
              <div class="kpi" [attr.data-kpi-code]="k.code">
                <span class="kpi-label">{{ language.pick(k.label) }}</span>
                @if (canEdit()) {
                  <form class="kpi-form" (ngSubmit)="saveKpi(k, target.value)">
                    <mat-form-field subscriptSizing="dynamic">
                      <mat-label>{{ 'kpi.target' | transloco }}{{ isPercent(k) ? ' (%)' : '' }}</mat-label>
                      <input
                        #target
                        matInput
                        inputmode="decimal"
                        [value]="targetInput(k)"
                        [attr.data-testid]="'kpi-target-' + k.code"
                      />
                    </mat-form-field>
                    <button mat-stroked-button type="submit" [attr.data-testid]="'kpi-save-' + k.code">
                      {{ 'nextPlan.saveTarget' | transloco }}
                    </button>
                  </form>
                } @else {
                  <span>{{ 'kpi.target' | transloco }} {{ targetText(k) }}</span>
                }
              </div>
            }
            @if (canEdit()) {
              @if (adding() === item.code) {
                <form class="grid add" (ngSubmit)="addKpi(item)" [attr.data-testid]="'kpi-add-form-' + item.code">
                  <mat-form-field subscriptSizing="dynamic">
                    <mat-label>{{ 'nextPlan.add.code' | transloco }}</mat-label>
                    <span matTextPrefix>{{ item.code }}-</span>
                    <input
                      matInput
                      name="suffix"
                      required
                      maxlength="40"
                      [(ngModel)]="newKpi.suffix"
                      data-testid="kpi-add-code"
                    />
                  </mat-form-field>
                  @for (label of addLabels; track label.name) {
                    <mat-form-field subscriptSizing="dynamic">
                      <mat-label>{{ 'nextPlan.add.' + label.name | transloco }}</mat-label>
                      <input
                        matInput
                        [name]="label.name"
                        required
                        maxlength="200"
                        [(ngModel)]="newKpi[label.name]"
                        [attr.data-testid]="label.testId"
                      />
                    </mat-form-field>
                  }
                  @for (choice of addChoices; track choice.name) {
                    <mat-form-field subscriptSizing="dynamic">
                      <mat-label>{{ 'nextPlan.add.' + choice.name | transloco }}</mat-label>
                      <mat-select [name]="choice.name" [(ngModel)]="newKpi[choice.name]">
                        @for (option of choice.options; track option) {
                          <mat-option [value]="option">{{ choice.optionKey + option | transloco }}</mat-option>
                        }
                      </mat-select>
                    </mat-form-field>
                  }
                  <mat-form-field subscriptSizing="dynamic">
                    <mat-label>{{ 'kpi.target' | transloco }}</mat-label>
                    <input
                      matInput
                      name="target"
                      inputmode="decimal"
                      [(ngModel)]="newKpi.target"
                      data-testid="kpi-add-target"
                    />
                  </mat-form-field>
                  <div class="save">
                    <button mat-button type="button" (click)="adding.set(null)">
                      {{ 'common.cancel' | transloco }}
                    </button>
                    <button mat-flat-button type="submit" data-testid="kpi-add-save">
                      {{ 'nextPlan.add.save' | transloco }}
                    </button>
                  </div>
                </form>
              } @else {
                <button
                  mat-button
                  type="button"
                  class="add-open"
                  (click)="openAdd(item)"
                  [attr.data-testid]="'kpi-add-' + item.code"
                >
                  + {{ 'nextPlan.add.open' | transloco }}
                </button>
              }
            }
          </article>
        }
      }
    </section>
  `,
  styles: `
    .card {
      padding: 12px 16px;
      margin-bottom: 12px;
      border-radius: 12px;
      background: var(--mat-sys-surface);
      border: 1px solid var(--mat-sys-outline-variant);
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
    .code {
      color: var(--mat-sys-primary);
    }
    .changes ul {
      margin: 0;
      padding-left: 1.2em;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
      gap: 8px 12px;
      align-items: center;
    }
    .kpi {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      padding: 8px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
      margin-top: 8px;
    }
    .kpi-label {
      flex: 1 1 240px;
    }
    .kpi-form {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .kpi-form mat-form-field {
      width: 160px;
    }
    .add {
      margin-top: 8px;
      padding-top: 8px;
      border-top: 1px dashed var(--mat-sys-outline-variant);
    }
    .add-open {
      margin-top: 4px;
    }
  `,
})
export class NextPlanPage {
  private readonly data = inject(ReportDataService);
  private readonly route = inject(ActivatedRoute);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly auth = inject(AuthService);
  protected readonly language = inject(LanguageService);
  protected readonly prefs = inject(DisplayPrefsService);

  protected readonly plans = signal<PlanSummary[]>([]);
  protected readonly plan = signal<PlanView | null>(null);
  protected readonly previousView = signal<PlanView | null>(null);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly canEdit = this.auth.canEnterFigures;
  private readonly planId = signal('');
  protected readonly adding = signal<string | null>(null);
  /** the action item's fields staff edit, each one input (label `nextPlan.<field>`) */
  protected readonly itemFields = ['titleJa', 'titleEn', 'divisionJa', 'divisionEn'] as const;
  /** the new KPI's names, each one input (label `nextPlan.add.<name>`) */
  protected readonly addLabels = [
    { name: 'labelJa', testId: 'kpi-add-label-ja' },
    { name: 'labelEn', testId: 'kpi-add-label-en' },
  ] as const;
  /** the new KPI's choices, each one select (label `nextPlan.add.<name>`, options `<optionKey><option>`) */
  protected readonly addChoices = [
    { name: 'kind', optionKey: 'kind.', options: ADD_KINDS },
    {
      name: 'measure',
      optionKey: 'nextPlan.measures.',
      options: ['attendance', 'events_held', 'exam_examinees', 'members_joined', 'manual'],
    },
    { name: 'unit', optionKey: 'nextPlan.units.', options: ['persons', 'events', 'companies', 'cases', 'count'] },
  ] as const;
  protected newKpi = this.blankKpi();
  private readonly drafts = new Map<string, ItemDraft>();

  protected readonly summary = computed(() => this.plans().find((p) => p.id === this.planId()) ?? null);
  protected readonly previous = computed(() => {
    const from = this.summary()?.continuedFromId;
    return from ? (this.plans().find((p) => p.id === from) ?? null) : null;
  });
  protected readonly items = computed<ActionItemView[]>(
    () => this.plan()?.pillars.flatMap((p) => p.themes.flatMap((t) => t.actionItems)) ?? [],
  );
  protected readonly changes = computed(() => diffPlans(diffItemsOf(this.previousView()), diffItemsOf(this.plan())));

  constructor() {
    this.route.paramMap
      .pipe(
        map((p) => p.get('id') ?? ''),
        switchMap((id) => {
          this.planId.set(id);
          return this.data.plans().pipe(
            switchMap((plans) => {
              this.plans.set(plans);
              const plan = plans.find((p) => p.id === id);
              if (!plan) return of(null);
              const prev = plans.find((p) => p.id === plan.continuedFromId);
              return forkJoin({
                plan: this.data.planView(plan.startFiscalYear),
                previous: prev ? this.data.planView(prev.startFiscalYear) : of(null),
              });
            }),
            catchError(() => of(null)),
          );
        }),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((answer) => {
        this.loading.set(false);
        this.failed.set(answer === null);
        this.drafts.clear();
        this.plan.set(answer?.plan ?? null);
        this.previousView.set(answer?.previous ?? null);
      });
  }

  protected draftOf(item: ActionItemView): ItemDraft {
    let d = this.drafts.get(item.code);
    if (!d) {
      d = {
        titleJa: item.title.ja,
        titleEn: item.title.en,
        divisionJa: item.divisionLabel.ja,
        divisionEn: item.divisionLabel.en,
      };
      this.drafts.set(item.code, d);
    }
    return d;
  }

  protected isPercent(k: KpiDefinition): boolean {
    return k.kind === 'ratio' || k.kind === 'growth_vs_baseline';
  }

  protected targetInput(k: KpiDefinition): string {
    if (k.target === null) return '';
    return String(this.isPercent(k) ? Math.round(k.target * 1e6) / 1e4 : k.target);
  }

  protected targetText(k: KpiDefinition): string {
    return formatTarget(k.kind, k.target, k.unit, this.language.lang(), this.language.locale()) ?? '—';
  }

  protected saveItem(item: ActionItemView): void {
    const plan = this.plan();
    const d = this.draftOf(item);
    if (!plan) return;
    const body = {
      title: { ja: d.titleJa.trim(), en: d.titleEn.trim() },
      division: { ja: d.divisionJa.trim(), en: d.divisionEn.trim() },
    };
    if (!body.title.ja || !body.title.en || !body.division.ja || !body.division.en) {
      this.tell('nextPlan.required');
      return;
    }
    this.data.updateItem(plan.id, item.code, body).subscribe({
      next: (edit) => {
        this.patchItem(item.code, (i) => ({
          ...i,
          title: edit.title,
          division: edit.division,
          divisionLabel: edit.divisionLabel,
        }));
        this.tell('nextPlan.saved');
      },
      error: () => this.tell('nextPlan.saveFailed'),
    });
  }

  protected saveKpi(k: KpiDefinition, text: string): void {
    const target = parseTarget(text, this.isPercent(k));
    if (target === 'invalid') {
      this.tell('nextPlan.badTarget');
      return;
    }
    this.data.updateKpi(k.id, { target }).subscribe({
      next: (def) => {
        this.patchItem(null, (i) => ({ ...i, kpis: i.kpis.map((x) => (x.id === def.id ? { ...x, ...def } : x)) }));
        this.tell('nextPlan.saved');
      },
      error: () => this.tell('nextPlan.saveFailed'),
    });
  }

  protected openAdd(item: ActionItemView): void {
    this.newKpi = this.blankKpi();
    this.adding.set(item.code);
  }

  protected addKpi(item: ActionItemView): void {
    const plan = this.plan();
    const n = this.newKpi;
    const suffix = n.suffix.trim().toLowerCase();
    const target = parseTarget(n.target, false);
    if (!plan) return;
    if (!/^[a-z0-9-]{1,40}$/.test(suffix) || !n.labelJa.trim() || !n.labelEn.trim()) {
      this.tell('nextPlan.add.invalid');
      return;
    }
    if (target === 'invalid') {
      this.tell('nextPlan.badTarget');
      return;
    }
    this.data
      .addKpi(plan.id, {
        actionItemCode: item.code,
        code: `${item.code}-${suffix}`,
        label: { ja: n.labelJa.trim(), en: n.labelEn.trim() },
        kind: n.kind,
        target,
        unit: n.unit,
        numerator: [{ measure: n.measure }],
      })
      .subscribe({
        next: (def) => {
          this.patchItem(item.code, (i) => ({ ...i, kpis: [...i.kpis, def] }));
          this.adding.set(null);
          this.tell('nextPlan.saved');
        },
        error: (e: { status?: number }) =>
          this.tell(e.status === 409 ? 'nextPlan.add.duplicate' : 'nextPlan.saveFailed'),
      });
  }

  private blankKpi() {
    return {
      suffix: '',
      labelJa: '',
      labelEn: '',
      kind: 'per_fiscal_year' as AddKind,
      measure: 'attendance' as string,
      unit: 'persons' as string,
      target: '',
    };
  }

  /** One change in a sentence of the current language. */
  protected describe(c: PlanChange): string {
    const pick = (t: { ja: string; en: string }) => this.language.pick(t);
    const target = (v: number | null) => (v === null ? '—' : String(v));
    const params: Record<string, string> = { item: c.itemCode, kpi: 'kpiCode' in c ? c.kpiCode : '' };
    switch (c.type) {
      case 'item_added':
      case 'item_removed':
        params['title'] = pick(c.title);
        break;
      case 'item_retitled':
      case 'kpi_relabelled':
        params['before'] = pick(c.before);
        params['after'] = pick(c.after);
        break;
      case 'item_division':
      case 'kpi_kind':
      case 'kpi_unit':
        params['before'] = c.before;
        params['after'] = c.after;
        break;
      case 'kpi_target':
        params['before'] = target(c.before);
        params['after'] = target(c.after);
        break;
      case 'kpi_added':
        params['label'] = pick(c.label);
        params['target'] = target(c.target);
        break;
      case 'kpi_removed':
        params['label'] = pick(c.label);
        break;
    }
    return this.transloco.translate(`nextPlan.change.${c.type}`, params);
  }

  private patchItem(code: string | null, f: (i: ActionItemView) => ActionItemView): void {
    this.plan.update((p) =>
      p
        ? {
            ...p,
            pillars: p.pillars.map((pl) => ({
              ...pl,
              themes: pl.themes.map((t) => ({
                ...t,
                actionItems: t.actionItems.map((i) => (code === null || i.code === code ? f(i) : i)),
              })),
            })),
          }
        : p,
    );
  }

  private tell(key: string): void {
    this.snackBar.open(this.transloco.translate(key), this.transloco.translate('common.close'), { duration: 4000 });
  }
}
