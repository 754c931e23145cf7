import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, LessThanOrEqual } from 'typeorm';
import type { KpiCounterView, KpiReading, ManualEntryResponse } from '@chamber/contracts';
import { currentFiscalYear, MILESTONE_VALUES } from '@chamber/domain';
import { badRequest, notFound } from '../common/errors';
import { ActionItem } from './entities/action-item.entity';
import { KpiCounter } from './entities/kpi-counter.entity';
import { Kpi, KpiTerm } from './entities/kpi.entity';
import { Pillar } from './entities/pillar.entity';
import { Plan } from './entities/plan.entity';
import { Theme } from './entities/theme.entity';
import { CounterRow, computeKpiReading } from './kpi-reading';
import { KpiRecorder } from './kpi-recorder.service';
import { PlanService } from './plan.service';
import type { ManualEntryDto } from './dto/manual-entry.dto';

/** Where each KPI sits: its pillar and division (for grouping and filtering on the dashboard). */
interface KpiPlace {
  pillarCode: string;
  division: string;
}

@Injectable()
export class KpiService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlanService,
    private readonly recorder: KpiRecorder,
  ) {}

  async planFor(fiscalYear: number, manager: EntityManager = this.dataSource.manager): Promise<Plan> {
    const plan = await this.plans.inForce(fiscalYear, manager);
    if (!plan) throw notFound('no_plan_for_fiscal_year', { fiscalYear });
    return plan;
  }

  /** Every KPI of the plan in force for the FY, read from the counters (never from the source rows). */
  async readings(
    fiscalYear = currentFiscalYear(),
    filter: { division?: string; pillar?: string; kpiIds?: string[] } = {},
    manager = this.dataSource.manager,
  ): Promise<KpiReading[]> {
    const plan = await this.planFor(fiscalYear, manager);
    // one after another: the manager may be a transaction's single connection
    const kpis = await manager.find(Kpi, { where: { planId: plan.id }, order: { sort: 'ASC' } });
    const places = await this.places(plan.id, manager);
    const counters = await this.countersUpTo(fiscalYear, manager);
    const now = new Date();
    return kpis
      .filter((k) => !filter.kpiIds || filter.kpiIds.includes(k.id))
      .map((k) => {
        const place = places.get(k.actionItemId) ?? { pillarCode: '', division: '' };
        return computeKpiReading(k, counters, {
          planStart: plan.startFiscalYear,
          planEnd: plan.endFiscalYear,
          fiscalYear,
          now,
          ...place,
        });
      })
      .filter(
        (r) =>
          (!filter.division || r.division.includes(filter.division)) &&
          (!filter.pillar || r.pillarCode === filter.pillar),
      );
  }

  async readOne(kpiId: string, fiscalYear: number, manager = this.dataSource.manager): Promise<KpiReading> {
    const [reading] = await this.readings(fiscalYear, { kpiIds: [kpiId] }, manager);
    if (!reading) throw notFound('kpi_not_found');
    return reading;
  }

  /**
   * A figure the system cannot observe, entered by staff as a ledger row with author and note
   * (never by editing a counter): add `delta`, or set the FY's figure to `value`.
   */
  async manualEntry(kpiId: string, dto: ManualEntryDto, authorId: string): Promise<ManualEntryResponse> {
    return this.dataSource.transaction(async (manager) => {
      if ((dto.delta === undefined) === (dto.value === undefined)) {
        throw badRequest('delta', 'validation.delta_or_value');
      }
      const kpi = await manager.findOne(Kpi, { where: { id: kpiId } });
      if (!kpi) throw notFound('kpi_not_found');
      const term = entryTerm(kpi, dto.part);
      const actionItemCode =
        term.actionItemCode && term.actionItemCode !== '*' ? term.actionItemCode : kpi.actionItemCode;
      const measure = term.measure.endsWith(':*') ? `${term.measure.slice(0, -2)}:manual` : term.measure;
      let delta: number;
      if (dto.value !== undefined) {
        const target = typeof dto.value === 'string' ? MILESTONE_VALUES[dto.value] : dto.value;
        if (typeof dto.value === 'string' && kpi.kind !== 'milestone') {
          throw badRequest('value', 'validation.status_for_milestones_only');
        }
        // lock the counter row so that two "set" entries at once cannot both compute from the same figure
        await manager.query(
          `INSERT INTO kpi_counter (action_item_code, measure, fiscal_year, value) VALUES ($1, $2, $3, 0) ON CONFLICT DO NOTHING`,
          [actionItemCode, measure, dto.fiscalYear],
        );
        const rows = (await manager.query(
          `SELECT value FROM kpi_counter WHERE action_item_code = $1 AND measure = $2 AND fiscal_year = $3 FOR UPDATE`,
          [actionItemCode, measure, dto.fiscalYear],
        )) as { value: string }[];
        delta = target - Number(rows[0]?.value ?? 0);
      } else {
        delta = dto.delta ?? 0;
      }
      const [id] = await this.recorder.record(manager, {
        actionItemCode,
        measure,
        fiscalYear: dto.fiscalYear,
        delta,
        sourceType: 'manual',
        kpiId: kpi.id,
        authorId,
        note: dto.note,
      });
      const plan = await this.plans.inForce(dto.fiscalYear, manager);
      const reading =
        plan && plan.id === kpi.planId
          ? await this.readOne(kpi.id, dto.fiscalYear, manager)
          : await this.readingOutsidePlan(kpi, manager);
      return {
        id: id ?? '',
        kpiId: kpi.id,
        fiscalYear: dto.fiscalYear,
        actionItemCode,
        measure,
        delta,
        note: dto.note,
        authorId,
        createdAt: new Date().toISOString(),
        kpi: reading,
      };
    });
  }

  /** Counters with their ledger sums, filtered by FY, action item and measure. */
  async counters(q: { fiscalYear?: number; actionItemCode?: string; measure?: string }): Promise<KpiCounterView[]> {
    const rows = (await this.dataSource.query(
      `SELECT c.action_item_code, c.measure, c.fiscal_year, c.value,
              (SELECT COALESCE(SUM(l.delta), 0) FROM kpi_ledger l
                WHERE l.action_item_code = c.action_item_code AND l.measure = c.measure AND l.fiscal_year = c.fiscal_year) AS ledger
         FROM kpi_counter c
        WHERE ($1::int IS NULL OR c.fiscal_year = $1) AND ($2::text IS NULL OR c.action_item_code = $2)
          AND ($3::text IS NULL OR c.measure = $3)
        ORDER BY c.fiscal_year, c.action_item_code, c.measure`,
      [q.fiscalYear ?? null, q.actionItemCode ?? null, q.measure ?? null],
    )) as { action_item_code: string; measure: string; fiscal_year: number; value: string; ledger: string }[];
    return rows.map((r) => ({
      actionItemCode: r.action_item_code,
      measure: r.measure,
      fiscalYear: r.fiscal_year,
      value: Number(r.value),
      ledgerSum: Number(r.ledger),
    }));
  }

  /** Admin recount: rebuild every counter from the ledger. Returns how many counters changed. */
  async recount(): Promise<{ counters: number; corrected: number }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('LOCK TABLE kpi_counter IN EXCLUSIVE MODE');
      const corrected = (await manager.query(`
        WITH sums AS (
          SELECT action_item_code, measure, fiscal_year, SUM(delta) AS value FROM kpi_ledger GROUP BY 1, 2, 3
        ), diff AS (
          SELECT COALESCE(s.action_item_code, c.action_item_code) AS action_item_code, COALESCE(s.measure, c.measure) AS measure,
                 COALESCE(s.fiscal_year, c.fiscal_year) AS fiscal_year, COALESCE(s.value, 0) AS value
          FROM sums s FULL OUTER JOIN kpi_counter c USING (action_item_code, measure, fiscal_year)
          WHERE c.value IS DISTINCT FROM s.value
        )
        INSERT INTO kpi_counter (action_item_code, measure, fiscal_year, value)
        SELECT action_item_code, measure, fiscal_year, value FROM diff
        ON CONFLICT (action_item_code, measure, fiscal_year) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
        RETURNING 1`)) as unknown[];
      const [{ count }] = (await manager.query('SELECT count(*)::int AS count FROM kpi_counter')) as [
        { count: number },
      ];
      return { counters: count, corrected: corrected.length };
    });
  }

  private async readingOutsidePlan(kpi: Kpi, manager: EntityManager): Promise<KpiReading> {
    // e.g. a FY2017 baseline entered on a FY2019–2021 KPI: show the KPI as its own plan reads it now
    const plan = await manager.findOneOrFail(Plan, { where: { id: kpi.planId } });
    const fy = Math.min(Math.max(currentFiscalYear(), plan.startFiscalYear), plan.endFiscalYear);
    return this.readOne(kpi.id, fy, manager);
  }

  private async countersUpTo(upToFiscalYear: number, manager: EntityManager): Promise<CounterRow[]> {
    const rows = await manager.find(KpiCounter, { where: { fiscalYear: LessThanOrEqual(upToFiscalYear) } });
    return rows.map((r) => ({
      actionItemCode: r.actionItemCode,
      measure: r.measure,
      fiscalYear: r.fiscalYear,
      value: r.value,
    }));
  }

  private async places(planId: string, manager: EntityManager): Promise<Map<string, KpiPlace>> {
    const pillars = await manager.find(Pillar, { where: { planId } });
    const themes = await manager.find(Theme, { where: { planId } });
    const items = await manager.find(ActionItem, { where: { planId } });
    const pillarCode = new Map(themes.map((t) => [t.id, pillars.find((p) => p.id === t.pillarId)?.code ?? '']));
    return new Map(items.map((a) => [a.id, { pillarCode: pillarCode.get(a.themeId) ?? '', division: a.divisionJa }]));
  }
}

/** Which counter a manual entry on a KPI feeds. */
export function entryTerm(kpi: Kpi, part: 'numerator' | 'denominator' = 'numerator'): KpiTerm {
  if (kpi.kind === 'level')
    return kpi.numerator.find((t) => t.measure === 'opening_balance') ?? { measure: 'opening_balance' };
  const terms = part === 'denominator' && kpi.kind === 'ratio' ? (kpi.denominator ?? []) : kpi.numerator;
  const term = terms[0];
  if (!term) throw badRequest('part', 'validation.no_denominator');
  return term;
}
