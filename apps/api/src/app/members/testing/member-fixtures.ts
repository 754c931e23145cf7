import type { KpiReading, MemberProfile } from '@chamber/contracts';
import { corporateNumberCheckDigit } from '@chamber/domain';
import type { TestApp } from '../../../testing/test-app';

/** A valid 法人番号 from a serial (12 digits after the check digit). */
export function corporateNumber(serial: number): string {
  const base = String(100_000_000_000 + serial).slice(-12);
  return `${corporateNumberCheckDigit(base)}${base}`;
}

/** The same number with a wrong check digit. */
export function wrongCheckDigit(valid: string): string {
  return `${(Number(valid[0]) + 1) % 10}${valid.slice(1)}`;
}

export async function kpiValue(t: TestApp, token: string, fiscalYear: number, code: string): Promise<number> {
  const res = await t.call<KpiReading[]>('GET', `/kpis?fiscalYear=${fiscalYear}`, { token });
  if (res.status !== 200) throw new Error(`GET /kpis ${res.status}`);
  const kpi = res.body.find((k) => k.code === code);
  if (!kpi) throw new Error(`no KPI ${code} in FY${fiscalYear}`);
  return kpi.value ?? 0;
}

let serial = 0;
export async function createMember(
  t: TestApp,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<MemberProfile> {
  serial++;
  const res = await t.call<MemberProfile>('POST', '/members', {
    token,
    body: {
      name: `テスト会員${serial}株式会社`,
      nameKana: `テストカイイン${'ア'.repeat(serial % 5)}`,
      industry: '小売業',
      ward: 'chuo',
      joinedOn: '2020-05-01',
      ...overrides,
    },
  });
  if (res.status !== 201) throw new Error(`POST /members ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Sum of the ledger equals the counter, for every key the members domain moves. */
export async function ledgerMatchesCounters(t: TestApp): Promise<void> {
  const rows = (await t.db.query(
    `SELECT c.action_item_code, c.measure, c.fiscal_year, c.value::float AS counter,
            (SELECT coalesce(sum(l.delta), 0)::float FROM kpi_ledger l
             WHERE l.action_item_code = c.action_item_code AND l.measure = c.measure AND l.fiscal_year = c.fiscal_year) AS ledger
     FROM kpi_counter c
     WHERE c.measure LIKE 'consultations:%' OR c.measure LIKE 'distinct_members:%' OR c.measure IN ('visits', 'members_joined', 'members_left')`,
  )) as { counter: number; ledger: number }[];
  for (const r of rows) if (r.counter !== r.ledger) throw new Error(`counter ≠ ledger: ${JSON.stringify(r)}`);
}
