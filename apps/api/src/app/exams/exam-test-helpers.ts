import type { CreateExamSittingRequest, ExamSitting } from '@chamber/contracts';
import type { TestApp } from '../../testing/test-app';

/** A staff-created sitting through the API (dates default to a public sitting two months ahead). */
export async function createSitting(
  t: TestApp,
  staff: string,
  overrides: Partial<CreateExamSittingRequest> = {},
): Promise<ExamSitting> {
  const startsAt = new Date(Date.now() + 60 * 86_400_000);
  const res = await t.call<ExamSitting>('POST', '/exams', {
    token: staff,
    body: {
      examCode: 'boki',
      grade: '3',
      startsAt: startsAt.toISOString(),
      venue: '相模原商工会議所 3階 大会議室',
      capacity: 100,
      fee: 2850,
      audience: 'public',
      ...overrides,
    },
  });
  if (res.status !== 201) throw new Error(`create sitting: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Bulk applications written straight into the table (as a migration of paper applications would),
 * for sittings whose window is long closed: numbers `from..to`, seats and last number moved too.
 */
export async function insertApplications(t: TestApp, sitting: ExamSitting, count: number): Promise<void> {
  await t.db.transaction(async (m) => {
    const [s] = (await m.query(`SELECT last_number FROM exam_sitting WHERE id = $1 FOR UPDATE`, [sitting.id])) as {
      last_number: number;
    }[];
    const from = s!.last_number + 1;
    const to = s!.last_number + count;
    await m.query(
      `INSERT INTO exam_application (sitting_id, seq, examinee_number, name, name_kana, email, channel, fee)
       SELECT $1, g, $2 || '-' || lpad(g::text, 4, '0'), '受験者 ' || g, 'ジュケンシャ', 'examinee' || g || '@example.jp', 'staff', $3
         FROM generate_series($4::int, $5::int) AS g`,
      [sitting.id, sitting.code, sitting.fee, from, to],
    );
    await m.query(
      `UPDATE exam_sitting SET applied_count = applied_count + $2, last_number = last_number + $2 WHERE id = $1`,
      [sitting.id, count],
    );
  });
}

export const numberOf = (sitting: ExamSitting, seq: number) => `${sitting.code}-${String(seq).padStart(4, '0')}`;

/** Counter and ledger sum of one key. */
export async function counterAndLedger(
  t: TestApp,
  measure: string,
  fiscalYear: number,
  actionItemCode = 'A1-7',
): Promise<{ counter: number; ledger: number }> {
  const [c] = (await t.db.query(
    `SELECT value FROM kpi_counter WHERE action_item_code = $1 AND measure = $2 AND fiscal_year = $3`,
    [actionItemCode, measure, fiscalYear],
  )) as { value: string }[];
  const [l] = (await t.db.query(
    `SELECT COALESCE(SUM(delta), 0) AS sum FROM kpi_ledger WHERE action_item_code = $1 AND measure = $2 AND fiscal_year = $3`,
    [actionItemCode, measure, fiscalYear],
  )) as { sum: string }[];
  return { counter: Number(c?.value ?? 0), ledger: Number(l!.sum) };
}
