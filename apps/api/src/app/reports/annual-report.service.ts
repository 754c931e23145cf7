import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type {
  AnnualReport,
  AnnualReportActivity,
  AnnualReportKpi,
  KpiReading,
  KpiStatus,
  ReportNarrative,
} from '@chamber/contracts';
import { KPI_STATUSES } from '@chamber/contracts';
import type { AuthUser } from '../common/auth-user';
import { badRequest, notFound } from '../common/errors';
import { ActionItem } from '../plan/entities/action-item.entity';
import type { Plan } from '../plan/entities/plan.entity';
import { KpiService } from '../plan/kpi.service';
import { loadPlanTree } from '../plan/plan-tree';
import { PlanService } from '../plan/plan.service';
import type { UpdateNarrativeDto } from './dto/report.dto';

interface NarrativeRow {
  action_item_code: string;
  evaluation: string;
  issues: string;
  next_steps: string;
  updated_at: Date;
  updated_by: string | null;
}

const EMPTY_NARRATIVE: ReportNarrative = {
  evaluation: '',
  issues: '',
  nextSteps: '',
  updatedAt: null,
  updatedBy: null,
};

/**
 * The annual report (事業報告) of a fiscal year, written from the ledger: each KPI is KpiService's own
 * reading for that year (the dashboard's one computation), the activity is the ledger's counters of
 * that year only, and the narrative is staff's.
 */
@Injectable()
export class AnnualReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlanService,
    private readonly kpis: KpiService,
  ) {}

  async annual(fiscalYear: number): Promise<AnnualReport> {
    // one snapshot: the KPIs, the counters and the narratives as of the same moment
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const plan = await this.planOf(fiscalYear, m);
      const tree = await loadPlanTree(m, plan);
      const readings = await this.kpis.readings(fiscalYear, {}, m);
      const activity = await this.activity(fiscalYear, m);
      const narratives = await this.narratives(fiscalYear, m);
      const summary = Object.fromEntries(KPI_STATUSES.map((s) => [s, 0])) as Record<KpiStatus, number>;
      for (const r of readings) summary[r.status] += 1;
      const themeCode = new Map(tree.themes.map((t) => [t.id, t]));
      return {
        fiscalYear,
        plan: {
          id: plan.id,
          name: { ja: plan.nameJa, en: plan.nameEn },
          startFiscalYear: plan.startFiscalYear,
          endFiscalYear: plan.endFiscalYear,
        },
        summary,
        pillars: tree.pillars.map((p) => ({
          code: p.code,
          name: { ja: p.nameJa, en: p.nameEn },
          items: tree.items
            .filter((a) => themeCode.get(a.themeId)?.pillarId === p.id)
            .map((a) => ({
              code: a.code,
              title: { ja: a.titleJa, en: a.titleEn },
              division: a.divisionJa,
              themeCode: themeCode.get(a.themeId)?.code ?? '',
              kpis: readings.filter((r) => r.actionItemCode === a.code).map(reportKpi),
              activity: activity.get(a.code) ?? { eventsHeld: 0, attendees: 0, consultations: 0, examinees: 0 },
              narrative: narratives.get(a.code) ?? EMPTY_NARRATIVE,
            })),
        })),
      };
    });
  }

  /** Staff's narrative for an item and year: stored with its history (who, when, old and new). */
  async updateNarrative(
    fiscalYear: number,
    code: string,
    dto: UpdateNarrativeDto,
    user: AuthUser,
  ): Promise<ReportNarrative & { fiscalYear: number; actionItemCode: string }> {
    if (dto.evaluation === undefined && dto.issues === undefined && dto.nextSteps === undefined) {
      throw badRequest('evaluation', 'validation.narrative_empty');
    }
    return this.dataSource.transaction(async (m) => {
      const plan = await this.planOf(fiscalYear, m);
      if (!(await m.exists(ActionItem, { where: { planId: plan.id, code } }))) {
        throw notFound('action_item_not_found');
      }
      // the row locked, so that two edits at once each record the other's text as the old one
      const [old] = (await m.query(
        `SELECT evaluation, issues, next_steps FROM report_narrative WHERE fiscal_year = $1 AND action_item_code = $2 FOR UPDATE`,
        [fiscalYear, code],
      )) as { evaluation: string; issues: string; next_steps: string }[];
      const next = {
        evaluation: dto.evaluation ?? old?.evaluation ?? '',
        issues: dto.issues ?? old?.issues ?? '',
        nextSteps: dto.nextSteps ?? old?.next_steps ?? '',
      };
      const [row] = (await m.query(
        `INSERT INTO report_narrative (fiscal_year, action_item_code, evaluation, issues, next_steps, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (fiscal_year, action_item_code) DO UPDATE
           SET evaluation = EXCLUDED.evaluation, issues = EXCLUDED.issues, next_steps = EXCLUDED.next_steps,
               updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING action_item_code, evaluation, issues, next_steps, updated_at, updated_by`,
        [fiscalYear, code, next.evaluation, next.issues, next.nextSteps, user.id],
      )) as NarrativeRow[];
      await m.query(
        `INSERT INTO report_narrative_history (fiscal_year, action_item_code, old_value, new_value, changed_by)
         VALUES ($1, $2, $3, $4, $5)`,
        [
          fiscalYear,
          code,
          old ? JSON.stringify({ evaluation: old.evaluation, issues: old.issues, nextSteps: old.next_steps }) : null,
          JSON.stringify(next),
          user.id,
        ],
      );
      return { fiscalYear, actionItemCode: code, ...narrativeOf(row!) };
    });
  }

  /** Who changed an item's narrative, when, from what to what (newest first). */
  async narrativeHistory(fiscalYear: number, code: string) {
    const rows = (await this.dataSource.query(
      `SELECT h.old_value, h.new_value, h.changed_by, u.display_name AS changed_by_name, h.changed_at
         FROM report_narrative_history h LEFT JOIN user_account u ON u.id = h.changed_by
        WHERE h.fiscal_year = $1 AND h.action_item_code = $2 ORDER BY h.changed_at DESC, h.id DESC`,
      [fiscalYear, code],
    )) as {
      old_value: unknown;
      new_value: unknown;
      changed_by: string | null;
      changed_by_name: string | null;
      changed_at: Date | string;
    }[];
    // jsonb comes back parsed from PostgreSQL; the embedded engine may hand text
    const json = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);
    return rows.map((r) => ({
      old: json(r.old_value),
      new: json(r.new_value),
      changedBy: r.changed_by,
      changedByName: r.changed_by_name,
      changedAt: new Date(r.changed_at).toISOString(),
    }));
  }

  private async planOf(fiscalYear: number, m: EntityManager): Promise<Plan> {
    const plan = await this.plans.inForce(fiscalYear, m);
    if (!plan) {
      throw badRequest('fiscalYear', 'no_plan_for_fiscal_year', { fiscalYear });
    }
    return plan;
  }

  /** The ledger's counters of that fiscal year only, per action item. */
  private async activity(fiscalYear: number, m: EntityManager): Promise<Map<string, AnnualReportActivity>> {
    const rows = (await m.query(
      `SELECT action_item_code,
              COALESCE(SUM(value) FILTER (WHERE measure = 'events_held'), 0)::float AS events_held,
              COALESCE(SUM(value) FILTER (WHERE measure = 'attendance'), 0)::float AS attendees,
              COALESCE(SUM(value) FILTER (WHERE measure LIKE 'consultations:%'), 0)::float AS consultations,
              COALESCE(SUM(value) FILTER (WHERE measure = 'exam_examinees'), 0)::float AS examinees
         FROM kpi_counter WHERE fiscal_year = $1 GROUP BY action_item_code`,
      [fiscalYear],
    )) as {
      action_item_code: string;
      events_held: number;
      attendees: number;
      consultations: number;
      examinees: number;
    }[];
    return new Map(
      rows.map((r) => [
        r.action_item_code,
        { eventsHeld: r.events_held, attendees: r.attendees, consultations: r.consultations, examinees: r.examinees },
      ]),
    );
  }

  private async narratives(fiscalYear: number, m: EntityManager): Promise<Map<string, ReportNarrative>> {
    const rows = (await m.query(
      `SELECT action_item_code, evaluation, issues, next_steps, updated_at, updated_by FROM report_narrative WHERE fiscal_year = $1`,
      [fiscalYear],
    )) as NarrativeRow[];
    return new Map(rows.map((r) => [r.action_item_code, narrativeOf(r)]));
  }
}

function narrativeOf(r: NarrativeRow): ReportNarrative {
  return {
    evaluation: r.evaluation,
    issues: r.issues,
    nextSteps: r.next_steps,
    updatedAt: new Date(r.updated_at).toISOString(),
    updatedBy: r.updated_by,
  };
}

function reportKpi(r: KpiReading): AnnualReportKpi {
  return {
    id: r.id,
    code: r.code,
    label: r.label,
    kind: r.kind,
    unit: r.unit,
    target: r.target,
    value: r.value,
    attainment: r.attainment,
    status: r.status,
  };
}
