import { EntityManager } from 'typeorm';
import { currentFiscalYear } from '@chamber/domain';
import { UserAccount } from '../../auth/entities/user-account.entity';
import { hashPassword } from '../../auth/password';
import { Member } from '../../members/entities/member.entity';
import { Plan } from '../../plan/entities/plan.entity';
import { insertPlan } from '../../plan/seed/insert-plan';
import { KpiRecorder, KpiRecord } from '../../plan/kpi-recorder.service';
import { KpiLedgerEntry } from '../../plan/entities/kpi-ledger-entry.entity';
import { loadPlanTree, toPlanSeed } from '../../plan/plan-tree';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-account-list';

/** The period of the plan's cadence (three fiscal years from FY2019) that contains a FY. */
export function cadencePeriod(fy: number, first = 2019, length = 3): [number, number] {
  const start = first + Math.floor((fy - first) / length) * length;
  return [start, start + length - 1];
}

/**
 * Development only: demo accounts, a demo member company, the plan carried over into the period
 * that contains today, and a little activity in both periods so that the dashboard is alive.
 * Returns false when the demo is already there.
 */
export async function seedDemo(manager: EntityManager, now: Date): Promise<boolean> {
  const activity = await seedDemoActivity(manager, now);
  const accounts = await seedDemoAccounts(manager);
  return activity || accounts;
}

/** The demo company and its accounts, all with the published demo password (one hash). */
export async function seedDemoAccounts(manager: EntityManager): Promise<boolean> {
  if (await manager.exists(UserAccount, { where: { email: DEMO_ACCOUNTS[0]!.email } })) return false;
  const member = await manager.save(
    manager.create(Member, { name: '相模原デモ商事株式会社', nameKana: 'サガミハラデモショウジ' }),
  );
  const hash = await hashPassword(DEMO_PASSWORD);
  await manager.insert(
    UserAccount,
    DEMO_ACCOUNTS.map((a) => ({
      email: a.email,
      passwordHash: hash,
      role: a.role,
      displayName: a.displayName,
      memberId: a.member ? member.id : null,
    })),
  );
  return true;
}

/**
 * The plan continued into the period of today and the demo KPI activity: it depends on today's
 * fiscal year only, so an embedded template of that year can hold it (embedded-template.ts).
 */
export async function seedDemoActivity(manager: EntityManager, now: Date): Promise<boolean> {
  if (await manager.exists(KpiLedgerEntry, { where: { sourceType: 'demo' } })) return false;
  const seedPlan = await manager.findOneOrFail(Plan, { where: {}, order: { startFiscalYear: 'ASC' } });
  const fy = currentFiscalYear(now);
  const [start, end] = cadencePeriod(fy);
  const covering = await manager
    .createQueryBuilder(Plan, 'p')
    .where('p.start_fiscal_year <= :end AND p.end_fiscal_year >= :start', { start, end })
    .getOne();
  if (!covering) {
    await insertPlan(manager, toPlanSeed(await loadPlanTree(manager, seedPlan)), {
      nameJa: `相模原商工会議所 中期行動計画（2019〜2021年度版を継続）${start}〜${end}年度`,
      nameEn: `Sagamihara CCI Mid-term Action Plan (FY2019–FY2021 plan continued) FY${start}–FY${end}`,
      startFiscalYear: start,
      endFiscalYear: end,
      continuedFromId: seedPlan.id,
    });
  }

  const recorder = new KpiRecorder();
  const demo = (actionItemCode: string, measure: string, fiscalYear: number, delta: number): KpiRecord => ({
    actionItemCode,
    measure,
    fiscalYear,
    delta,
    sourceType: 'demo',
    note: 'demo activity (development seed)',
  });
  const activity: KpiRecord[] = [];
  // a plausible history: the seed period FY2019–FY2021 and the finished years of the current one
  const pastYears = [2019, 2020, 2021];
  for (let y = start; y < fy; y++) if (!pastYears.includes(y)) pastYears.push(y);
  for (const [i, y] of pastYears.entries()) {
    activity.push(
      demo('A1-1', 'attendance', y, 80 + i * 15),
      demo('A1-1', 'outcome:job_offer', y, 4 + i),
      demo('A1-2', 'attendance', y, 120 + i * 10),
      demo('A1-3', 'attendance', y, 25 + i * 3),
      demo('A2-1', 'consultations:guidance', y, 2600 + i * 150),
      demo('A2-1', 'consultations:marukei_recommendation', y, 88 + i * 6),
      demo('A2-1', 'consultations:innovation_plan_approval', y, 6 + i),
      demo('A3-5', 'events_held', y, 9 + i),
      demo('A3-5', 'attendance', y, 310 + i * 20),
      demo('A1-7', 'exam_examinees', y, 3050 + i * 35),
      demo('C1-9', 'members_joined', y, 210 + i * 20),
      demo('C1-9', 'members_left', y, 150),
    );
  }
  activity.push(
    demo('C1-9', 'opening_balance', 2019, 4520),
    demo('A1-7', 'exam_examinees', 2017, 3000),
    demo('A1-4', 'milestone', 2020, 1),
  );
  // the current period: a few months into it
  activity.push(
    demo('A1-1', 'attendance', fy, 42),
    demo('A1-1', 'outcome:job_offer', fy, 2),
    demo('A1-2', 'attendance', fy, 64),
    demo('A2-1', 'consultations:guidance', fy, 1450),
    demo('A2-1', 'consultations:marukei_recommendation', fy, 51),
    demo('A3-5', 'events_held', fy, 4),
    demo('A3-5', 'attendance', fy, 160),
    demo('A1-7', 'exam_examinees', fy, 2380),
    demo('C1-9', 'members_joined', fy, 96),
    demo('C1-9', 'members_left', fy, 40),
    demo('C1-9', 'opening_balance', start, 4610),
    demo('C1-4', 'suggestions_received', fy, 12),
    demo('C1-4', 'suggestions_answered', fy, 9),
    demo('A1-4', 'milestone', fy, 0.5),
  );
  await recorder.record(manager, ...activity);
  return true;
}
