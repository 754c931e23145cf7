/**
 * Acceptance: the A1-7 examinee KPIs read real exam results. Bulk applications are inserted
 * directly (their windows closed years ago); every result goes through the HTTP API, by CSV import
 * and one by one.
 */
import type { ExamApplication, ExamSitting, ExamStatsRow, KpiReading } from '@chamber/contracts';
import { startTestApp, TestApp } from '../../testing/test-app';
import { counterAndLedger, createSitting, insertApplications, numberOf } from './exam-test-helpers';

type Outcome = 'passed' | 'failed' | 'absent';

async function kpi(t: TestApp, token: string, fy: number, code: string): Promise<KpiReading> {
  const res = await t.call<KpiReading[]>('GET', `/kpis?fiscalYear=${fy}`, { token });
  expect(res.status).toBe(200);
  return res.body.find((k) => k.code === code)!;
}

/** Staff set a fiscal year's examinee figure by a manual entry (the FY2017 baseline; clearing demo figures). */
async function setFigure(t: TestApp, token: string, kpiId: string, fiscalYear: number, value: number): Promise<void> {
  const res = await t.call('POST', `/kpis/${kpiId}/entries`, {
    token,
    body: { fiscalYear, value, note: fiscalYear === 2017 ? 'FY2017 examinees (paper records)' : 'clear demo figures' },
  });
  expect(res.status).toBe(201);
}

/** Results by CSV import for the sequences given, each with its outcome. */
async function importResults(
  t: TestApp,
  token: string,
  sitting: ExamSitting,
  outcomes: [number, Outcome][],
): Promise<void> {
  const csv = [
    'examineeNumber,result,score',
    ...outcomes.map(([seq, r]) => `${numberOf(sitting, seq)},${r},${r === 'absent' ? '' : r === 'passed' ? 75 : 45}`),
  ].join('\n');
  const res = await t.call('POST', `/exams/${sitting.id}/results/import`, { token, body: { csv } });
  expect(res.status).toBe(200);
}

async function postResults(
  t: TestApp,
  token: string,
  sitting: ExamSitting,
  seqs: number[],
  result: Outcome,
): Promise<void> {
  const apps = (await t.call<ExamApplication[]>('GET', `/exams/${sitting.id}/applications`, { token })).body;
  for (const seq of seqs) {
    const a = apps.find((x) => x.examineeNumber === numberOf(sitting, seq))!;
    const res = await t.call('POST', `/exam-applications/${a.id}/result`, { token, body: { result } });
    expect(res.status).toBe(200);
  }
}

const range = (from: number, to: number, r: Outcome): [number, Outcome][] =>
  Array.from({ length: to - from + 1 }, (_, i) => [from + i, r]);

describe('A1-7-vs-fy2017: 1,030 examinees sat in FY2021 over a FY2017 baseline of 1,000', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('shows growth 3 % and status met', async () => {
    const staff = await t.login('staff@example.jp');
    const k = await kpi(t, staff, 2021, 'A1-7-vs-fy2017');
    await setFigure(t, staff, k.id, 2017, 1000);
    await setFigure(t, staff, k.id, 2021, 0);

    const boki2 = await createSitting(t, staff, { grade: '2', startsAt: '2021-06-13T09:00:00+09:00', capacity: 700 });
    const boki3 = await createSitting(t, staff, { grade: '3', startsAt: '2021-11-21T09:00:00+09:00', capacity: 400 });
    await insertApplications(t, boki2, 700);
    await insertApplications(t, boki3, 400);
    // boki 2: 400 passed, 290 failed, 10 absent → 690 sat
    await importResults(t, staff, boki2, [
      ...range(1, 400, 'passed'),
      ...range(401, 690, 'failed'),
      ...range(691, 700, 'absent'),
    ]);
    // boki 3: 200 passed, 135 failed, 60 absent by file, then 5 passed one by one → 340 sat
    await importResults(t, staff, boki3, [
      ...range(1, 200, 'passed'),
      ...range(201, 335, 'failed'),
      ...range(336, 395, 'absent'),
    ]);
    await postResults(t, staff, boki3, [396, 397, 398, 399, 400], 'passed');

    const reading = await kpi(t, staff, 2021, 'A1-7-vs-fy2017');
    expect(reading.numerator).toBe(1030);
    expect(reading.denominator).toBe(1000);
    expect(reading.value).toBeCloseTo(0.03, 6);
    expect(reading.status).toBe('met');
    const examinees = await counterAndLedger(t, 'exam_examinees', 2021);
    expect(examinees).toEqual({ counter: 1030, ledger: 1030 });
    expect(await counterAndLedger(t, 'exam_passes', 2021)).toEqual({ counter: 605, ledger: 605 });

    const stats = (await t.call<ExamStatsRow[]>('GET', '/exams/stats?fiscalYear=2021', { token: staff })).body;
    expect(stats.find((r) => r.grade === '2')).toMatchObject({ applicants: 700, sat: 690, passed: 400, absent: 10 });
    expect(stats.find((r) => r.grade === '3')).toMatchObject({ applicants: 400, sat: 340, passed: 205, absent: 60 });
  });
});

describe('A1-7-yoy: 1,010 sat in FY2020 and 1,015 in FY2021', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is about 0.5 % and not met', async () => {
    const staff = await t.login('staff@example.jp');
    const k = await kpi(t, staff, 2021, 'A1-7-yoy');
    await setFigure(t, staff, k.id, 2020, 0);
    await setFigure(t, staff, k.id, 2021, 0);

    // 28 March 2021 is still FY2020; 1 April 2021 00:30 in Tokyo (31 March in UTC) is FY2021
    const fy2020 = await createSitting(t, staff, {
      examCode: 'shuzan',
      grade: '3',
      startsAt: '2021-03-28T09:00:00+09:00',
      capacity: 1100,
    });
    const fy2021 = await createSitting(t, staff, {
      examCode: 'shuzan',
      grade: '3',
      startsAt: '2021-04-01T00:30:00+09:00',
      capacity: 1100,
    });
    expect([fy2020.fiscalYear, fy2021.fiscalYear]).toEqual([2020, 2021]);
    await insertApplications(t, fy2020, 1020);
    await insertApplications(t, fy2021, 1020);
    await importResults(t, staff, fy2020, [
      ...range(1, 700, 'passed'),
      ...range(701, 1010, 'failed'),
      ...range(1011, 1020, 'absent'),
    ]);
    await importResults(t, staff, fy2021, [
      ...range(1, 600, 'passed'),
      ...range(601, 1012, 'failed'),
      ...range(1013, 1020, 'absent'),
    ]);
    // three of the absent turn out to have sat (entered one by one): 1,015 in FY2021
    await postResults(t, staff, fy2021, [1013, 1014, 1015], 'failed');

    const reading = await kpi(t, staff, 2021, 'A1-7-yoy');
    expect(reading.numerator).toBe(1015);
    expect(reading.denominator).toBe(1010);
    expect(reading.value).toBeCloseTo(1015 / 1010 - 1, 9);
    expect(reading.value!).toBeCloseTo(0.005, 3);
    expect(reading.status).not.toBe('met');
    expect(reading.attainment!).toBeLessThan(1);
    expect(await counterAndLedger(t, 'exam_examinees', 2020)).toEqual({ counter: 1010, ledger: 1010 });
    expect(await counterAndLedger(t, 'exam_examinees', 2021)).toEqual({ counter: 1015, ledger: 1015 });
  });
});
