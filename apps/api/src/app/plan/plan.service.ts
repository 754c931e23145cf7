import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import type { PlanSummary, PlanView } from '@chamber/contracts';
import { currentFiscalYear } from '@chamber/domain';
import { conflict, notFound } from '../common/errors';
import { Plan } from './entities/plan.entity';
import { loadPlanTree, toPlanSeed, toPlanView } from './plan-tree';
import { insertPlan } from './seed/insert-plan';

// Serialises plan creation so that two overlapping continuations cannot both pass the check.
const PLAN_LOCK = 2019_0401;

@Injectable()
export class PlanService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<PlanSummary[]> {
    const plans = await this.dataSource.getRepository(Plan).find({ order: { startFiscalYear: 'ASC' } });
    return plans.map(toSummary);
  }

  /** The plan whose period contains the FY, or null. */
  async inForce(fiscalYear: number, manager: EntityManager = this.dataSource.manager): Promise<Plan | null> {
    return manager.findOne(Plan, {
      where: { startFiscalYear: LessThanOrEqual(fiscalYear), endFiscalYear: MoreThanOrEqual(fiscalYear) },
      order: { startFiscalYear: 'DESC' },
    });
  }

  /** GET /api/plan: the plan in force for the FY (default the current one), else the latest plan. */
  async view(fiscalYear?: number): Promise<PlanView> {
    const fy = fiscalYear ?? currentFiscalYear();
    let plan = await this.inForce(fy);
    if (!plan && fiscalYear === undefined) {
      plan = await this.dataSource.getRepository(Plan).findOne({ where: {}, order: { startFiscalYear: 'DESC' } });
    }
    if (!plan) throw notFound('no_plan_for_fiscal_year', { fiscalYear: fy });
    return toPlanView(await loadPlanTree(this.dataSource.manager, plan), fy);
  }

  /** A copy of a plan (same codes and targets) over a new period; 409 when it overlaps another plan. */
  async continuePlan(id: string, startFiscalYear: number, endFiscalYear?: number): Promise<PlanView> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [PLAN_LOCK]);
      const source = await manager.findOne(Plan, { where: { id } });
      if (!source) throw notFound('plan_not_found');
      const end = endFiscalYear ?? startFiscalYear + (source.endFiscalYear - source.startFiscalYear);
      if (end < startFiscalYear) {
        throw conflict('invalid_period');
      }
      const overlapping = await manager
        .createQueryBuilder(Plan, 'p')
        .where('p.start_fiscal_year <= :end AND p.end_fiscal_year >= :start', { start: startFiscalYear, end })
        .getOne();
      if (overlapping) {
        throw conflict(
          'plan_overlap',
          { start: overlapping.startFiscalYear, end: overlapping.endFiscalYear },
          { overlappingPlanId: overlapping.id },
        );
      }
      const tree = await loadPlanTree(manager, source);
      const plan = await insertPlan(manager, toPlanSeed(tree), {
        nameJa: `${stripPeriod(source.nameJa)}（継続）${startFiscalYear}〜${end}年度`,
        nameEn: `${stripPeriod(source.nameEn)} (continued) FY${startFiscalYear}–FY${end}`,
        startFiscalYear,
        endFiscalYear: end,
        continuedFromId: source.id,
      });
      return toPlanView(await loadPlanTree(manager, plan), startFiscalYear);
    });
  }
}

function toSummary(p: Plan): PlanSummary {
  return {
    id: p.id,
    name: { ja: p.nameJa, en: p.nameEn },
    startFiscalYear: p.startFiscalYear,
    endFiscalYear: p.endFiscalYear,
    continuedFromId: p.continuedFromId,
  };
}

/** "… 2019〜2021年度" / "… FY2019–FY2021" without its period, so a continuation names its own. */
function stripPeriod(name: string): string {
  return name
    .replace(/（継続）.*$/, '')
    .replace(/\s*\(continued\).*$/, '')
    .replace(/\s*\d{4}[〜~–-]\d{4}年度$/, '')
    .replace(/\s*FY\d{4}[–-]FY\d{4}$/, '')
    .trim();
}
