import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { KpiEvent, KpiReading, KpiStatus, LocalizedText, PlanSummary, PlanView } from '@chamber/contracts';
import { currentFiscalYear } from '@chamber/domain';
import { Subject, catchError, debounceTime, forkJoin, map, of, switchMap } from 'rxjs';
import { KpiDataService, type StreamState } from './kpi-data.service';
import { fiscalYearsOf, outcomeOf } from './kpi-events';
import {
  type DashboardSort,
  type DashboardView,
  emptyCounts,
  filterKpis,
  sortKpis,
  statusCounts,
} from './dashboard-view';

export interface PillarGroup {
  code: string;
  name: LocalizedText | null;
  kpis: KpiReading[];
  counts: Record<KpiStatus, number>;
}

export interface DivisionOption {
  value: string;
  label: LocalizedText | null;
}

interface LoadRequest {
  fiscalYear: number;
  /** also fetch the plan (pillar names, division labels) */
  withPlan: boolean;
}

/** How long a card stays highlighted after a live change. */
const FLASH_MS = 2_500;

/**
 * State of the management dashboard: the KPI list for the selected fiscal year held in a signal,
 * patched by live events and refetched when an earlier year of the same plan period changes
 * (cumulative KPIs sum over the period).
 */
@Injectable()
export class DashboardStore {
  private readonly data = inject(KpiDataService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly loads = new Subject<LoadRequest>();
  private readonly refetches = new Subject<void>();
  private readonly flashTimers = new Map<string, ReturnType<typeof setTimeout>>();

  readonly plans = signal<PlanSummary[]>([]);
  readonly fiscalYear = signal<number | null>(null);
  readonly division = signal<string>('');
  /** '' for every status */
  readonly status = signal<KpiStatus | ''>('');
  readonly sort = signal<DashboardSort>('plan');
  readonly view = signal<DashboardView>('bars');
  readonly kpis = signal<KpiReading[]>([]);
  readonly plan = signal<PlanView | null>(null);
  readonly loading = signal(false);
  readonly failed = signal<'plans' | 'kpis' | null>(null);
  readonly streamState = signal<StreamState>('connecting');
  readonly lastUpdated = signal<Date | null>(null);
  readonly flashed = signal<ReadonlySet<string>>(new Set());

  readonly fiscalYears = computed(() => fiscalYearsOf(this.plans()));
  /** The plan period that holds the selected fiscal year. */
  readonly period = computed(() => {
    const fy = this.fiscalYear();
    return this.plans().find((p) => fy !== null && p.startFiscalYear <= fy && fy <= p.endFiscalYear) ?? null;
  });

  readonly divisions = computed<DivisionOption[]>(() => {
    const labels = new Map<string, LocalizedText>();
    for (const pillar of this.plan()?.pillars ?? [])
      for (const theme of pillar.themes)
        for (const item of theme.actionItems) if (item.divisionLabel) labels.set(item.division, item.divisionLabel);
    const names = [...new Set(this.kpis().map((k) => k.division))]
      .filter(Boolean)
      .sort((a, b) => a.localeCompare(b, 'ja'));
    return names.map((value) => ({ value, label: labels.get(value) ?? null }));
  });

  /** The KPIs of the chosen division, whatever their status (what the summary counts). */
  readonly ofDivision = computed(() => filterKpis(this.kpis(), this.division(), ''));

  /** The KPIs shown: division and status filters applied, in the chosen order. */
  readonly visible = computed(() => sortKpis(filterKpis(this.kpis(), this.division(), this.status()), this.sort()));

  readonly groups = computed<PillarGroup[]>(() => {
    const pillars = this.plan()?.pillars ?? [];
    const byCode = new Map<string, KpiReading[]>();
    for (const kpi of this.visible()) {
      const list = byCode.get(kpi.pillarCode) ?? [];
      list.push(kpi);
      byCode.set(kpi.pillarCode, list);
    }
    const order = [
      ...pillars.map((p) => p.code),
      ...[...byCode.keys()].filter((c) => !pillars.some((p) => p.code === c)).sort(),
    ];
    return order
      .filter((code) => byCode.has(code))
      .map((code) => {
        const kpis = byCode.get(code) ?? [];
        const counts = emptyCounts();
        for (const k of kpis) counts[k.status] += 1;
        return { code, name: pillars.find((p) => p.code === code)?.name ?? null, kpis, counts };
      });
  });

  /** By pillar in the plan's order; any other order is one list across the pillars. */
  readonly sections = computed<PillarGroup[]>(() => {
    if (this.sort() === 'plan') return this.groups();
    const kpis = this.visible();
    return kpis.length > 0 ? [{ code: '', name: null, kpis, counts: statusCounts(kpis) }] : [];
  });

  readonly totals = computed(() => statusCounts(this.ofDivision()));

  constructor() {
    this.loads
      .pipe(
        switchMap((req) => {
          this.loading.set(true);
          const plan$ = req.withPlan ? this.data.plan(req.fiscalYear).pipe(catchError(() => of(null))) : of(undefined);
          return forkJoin({ kpis: this.data.kpis(req.fiscalYear), plan: plan$ }).pipe(
            map((answer) => ({ req, ...answer, ok: true as const })),
            catchError(() => of({ req, ok: false as const })),
          );
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((answer) => {
        this.loading.set(false);
        if (answer.req.fiscalYear !== this.fiscalYear()) return;
        if (!answer.ok) {
          this.failed.set('kpis');
          this.kpis.set([]);
          return;
        }
        this.failed.set(null);
        this.kpis.set(answer.kpis);
        if (answer.plan !== undefined) this.plan.set(answer.plan);
        this.lastUpdated.set(new Date());
      });

    this.refetches.pipe(debounceTime(300), takeUntilDestroyed(this.destroyRef)).subscribe(() => this.reload(false));
    this.destroyRef.onDestroy(() => this.flashTimers.forEach((t) => clearTimeout(t)));
  }

  /** Loads the plans, picks the current fiscal year (or the latest covered) and opens the live stream. */
  start(): void {
    this.data
      .plans()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (plans) => {
          this.plans.set(plans);
          const years = fiscalYearsOf(plans);
          const now = currentFiscalYear();
          this.selectFiscalYear(years.includes(now) ? now : (years[0] ?? now));
        },
        error: () => {
          this.failed.set('plans');
          this.selectFiscalYear(currentFiscalYear());
        },
      });

    let wasLive = false;
    this.data
      .stream()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((message) => {
        if (message.type === 'kpi') {
          this.apply(message.event);
          return;
        }
        this.streamState.set(message.state);
        // Back after a break: events may have been missed while away.
        if (message.state === 'live' && wasLive) this.refetches.next();
        if (message.state === 'live') wasLive = true;
      });
  }

  selectFiscalYear(fy: number): void {
    this.fiscalYear.set(fy);
    this.loads.next({ fiscalYear: fy, withPlan: true });
  }

  reload(withPlan = true): void {
    const fy = this.fiscalYear();
    if (fy !== null) this.loads.next({ fiscalYear: fy, withPlan });
  }

  /** A live `kpi` event: patch the KPI of the selected year, or refetch when an earlier year of the period moved. */
  apply(event: KpiEvent): void {
    const fy = this.fiscalYear();
    if (fy === null) return;
    const outcome = outcomeOf(this.kpis(), event, fy, this.period());
    if (outcome.kind === 'refetch') this.refetches.next();
    if (outcome.kind !== 'patched') return;
    this.kpis.set(outcome.kpis);
    this.flash(event.kpiId);
    this.lastUpdated.set(new Date());
  }

  /** The answer of a manual entry carries the KPI as it now reads. */
  applyReading(reading: KpiReading): void {
    if (reading.fiscalYear !== this.fiscalYear()) return;
    this.kpis.update((list) => list.map((k) => (k.id === reading.id ? { ...k, ...reading } : k)));
    this.flash(reading.id);
  }

  private flash(id: string): void {
    this.flashed.update((set) => new Set(set).add(id));
    const previous = this.flashTimers.get(id);
    if (previous) clearTimeout(previous);
    this.flashTimers.set(
      id,
      setTimeout(() => {
        this.flashTimers.delete(id);
        this.flashed.update((set) => {
          const next = new Set(set);
          next.delete(id);
          return next;
        });
      }, FLASH_MS),
    );
  }
}
