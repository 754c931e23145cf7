import type {
  ExamApplication,
  ExamApplicationResponse,
  ExamResultsImportResponse,
  ExamStatsRow,
} from '@chamber/contracts';
import * as iconv from 'iconv-lite';
import { startTestApp, TestApp } from '../../testing/test-app';
import { counterAndLedger, createSitting, insertApplications, numberOf } from './exam-test-helpers';

interface ErrorBody {
  message: string;
  code?: string;
  errors?: { row?: number; field: string; message: string }[];
}

describe('exam results and the examinee counters (real PostgreSQL, real HTTP)', () => {
  let t: TestApp;
  let staff: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.login('staff@example.jp');
  });
  afterAll(() => t.close());

  const counters = async (fy: number) => ({
    examinees: await counterAndLedger(t, 'exam_examinees', fy),
    passes: await counterAndLedger(t, 'exam_passes', fy),
  });

  it('one result at a time: passed/failed count as sat, absent does not; a change moves the difference', async () => {
    // 2023-03-26 is FY2022 in Tokyo; 2023-04-01 00:30 JST (still 31 March in UTC) is FY2023
    const fy2022 = await createSitting(t, staff, { startsAt: '2023-03-26T09:00:00+09:00', capacity: 10 });
    const fy2023 = await createSitting(t, staff, { startsAt: '2023-04-01T00:30:00+09:00', capacity: 10 });
    expect([fy2022.fiscalYear, fy2023.fiscalYear]).toEqual([2022, 2023]);
    await insertApplications(t, fy2022, 3);
    await insertApplications(t, fy2023, 1);
    const apps = (await t.call<ExamApplication[]>('GET', `/exams/${fy2022.id}/applications`, { token: staff })).body;
    const [a, b, c] = apps;
    const before = await counters(2022);

    const post = (id: string, body: unknown, token = staff) =>
      t.call<ExamApplication & ErrorBody>('POST', `/exam-applications/${id}/result`, { token, body });
    const passed = await post(a!.id, { result: 'passed', score: 82 });
    expect(passed.status).toBe(200);
    expect(passed.body).toMatchObject({ result: 'passed', score: 82 });
    expect((await post(b!.id, { result: 'failed', score: 55.5 })).status).toBe(200);
    expect((await post(c!.id, { result: 'absent' })).status).toBe(200);
    let now = await counters(2022);
    expect(now.examinees.counter - before.examinees.counter).toBe(2);
    expect(now.passes.counter - before.passes.counter).toBe(1);

    // passed → absent: examinees −1, passes −1; absent → failed: examinees +1
    expect((await post(a!.id, { result: 'absent' })).status).toBe(200);
    now = await counters(2022);
    expect(now.examinees.counter - before.examinees.counter).toBe(1);
    expect(now.passes.counter - before.passes.counter).toBe(0);
    expect((await post(c!.id, { result: 'failed', score: 10 })).status).toBe(200);
    now = await counters(2022);
    expect(now.examinees.counter - before.examinees.counter).toBe(2);
    // the same result again moves nothing
    const ledgerRows = async () =>
      Number(
        (
          (await t.db.query(`SELECT count(*) AS n FROM kpi_ledger WHERE source_type = 'exam_result'`)) as {
            n: string;
          }[]
        )[0]!.n,
      );
    const rowsBefore = await ledgerRows();
    expect((await post(c!.id, { result: 'failed', score: 12 })).status).toBe(200);
    expect(await ledgerRows()).toBe(rowsBefore);
    expect(now.examinees.counter).toBe(now.examinees.ledger);
    expect(now.passes.counter).toBe(now.passes.ledger);

    const other = (await t.call<ExamApplication[]>('GET', `/exams/${fy2023.id}/applications`, { token: staff }))
      .body[0]!;
    const before2023 = await counters(2023);
    expect((await post(other.id, { result: 'passed' })).status).toBe(200);
    const after2023 = await counters(2023);
    expect(after2023.examinees.counter - before2023.examinees.counter).toBe(1);
    expect((await counters(2022)).examinees.counter).toBe(now.examinees.counter);

    // rules: absent has no score, a cancelled application has no result, only staff record results
    expect((await post(b!.id, { result: 'absent', score: 3 })).status).toBe(400);
    expect((await post(b!.id, { result: 'maybe' })).status).toBe(400);
    const member = await t.login('member@example.jp');
    expect((await post(b!.id, { result: 'passed' }, member)).status).toBe(403);
    const open = await createSitting(t, staff, { capacity: 5 });
    const applied = await t.call<ExamApplicationResponse>('POST', `/exams/${open.id}/applications`, {
      token: staff,
      body: { candidates: [{ name: '取消 予定', nameKana: 'トリケシ', email: 'cancel@example.jp' }] },
    });
    const id = applied.body.applications[0]!.id;
    expect((await t.call('POST', `/exam-applications/${id}/cancel`, { token: staff })).status).toBe(200);
    const onCancelled = await post(id, { result: 'passed' });
    expect(onCancelled.status).toBe(409);
    // and an application with a result can no longer be cancelled
    expect((await t.call('POST', `/exam-applications/${b!.id}/cancel`, { token: staff })).status).toBe(409);
  });

  it('a results CSV with one unknown examinee number changes nothing and names the row', async () => {
    const sitting = await createSitting(t, staff, { startsAt: '2024-06-09T09:00:00+09:00', grade: '2', capacity: 20 });
    await insertApplications(t, sitting, 5);
    const before = await counters(2024);
    const ledgerBefore = ((await t.db.query(`SELECT count(*) AS n FROM kpi_ledger`)) as { n: string }[])[0]!.n;
    const csv = [
      'examineeNumber,result,score',
      `${numberOf(sitting, 1)},passed,80`,
      `${numberOf(sitting, 2)},failed,40`,
      `${sitting.code}-9999,passed,90`,
      `${numberOf(sitting, 4)},absent,`,
    ].join('\r\n');
    const res = await t.call<ErrorBody>('POST', `/exams/${sitting.id}/results/import`, {
      token: staff,
      body: { csv },
      headers: { 'accept-language': 'en' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { row: 4, field: 'examineeNumber', message: `Examinee number ${sitting.code}-9999 is not in this sitting` },
    ]);
    expect(res.body.message).toContain('4');
    const results = (await t.db.query(
      `SELECT count(*) AS n FROM exam_application WHERE sitting_id = $1 AND result IS NOT NULL`,
      [sitting.id],
    )) as { n: string }[];
    expect(Number(results[0]!.n)).toBe(0);
    expect(await counters(2024)).toEqual(before);
    expect(((await t.db.query(`SELECT count(*) AS n FROM kpi_ledger`)) as { n: string }[])[0]!.n).toBe(ledgerBefore);

    // the dry run reports the same without a 400
    const dry = await t.call<ExamResultsImportResponse>('POST', `/exams/${sitting.id}/results/import?dryRun=true`, {
      token: staff,
      body: { csv },
    });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, rows: 4, valid: 3, changed: 3 });
    expect(dry.body.errors[0]).toMatchObject({ row: 4, field: 'examineeNumber' });
    expect(dry.body.errors[0]!.message).toContain('この試験回にありません');
  });

  it('imports a CP932 file with Japanese headers as text/csv, all rows at once, and reports every bad row', async () => {
    const sitting = await createSitting(t, staff, { startsAt: '2024-11-17T09:00:00+09:00', grade: '3', capacity: 20 });
    await insertApplications(t, sitting, 6);
    const bad = [
      '受験番号,結果,得点',
      `${numberOf(sitting, 1)},合格,abc`,
      `${numberOf(sitting, 2)},たぶん,50`,
      `${numberOf(sitting, 1)},不合格,10`,
      `,合格,`,
    ].join('\r\n');
    const rejected = await fetch(`${t.api}/exams/${sitting.id}/results/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff}`, 'content-type': 'text/csv' },
      body: new Uint8Array(iconv.encode(bad, 'cp932')),
    });
    expect(rejected.status).toBe(400);
    const body = (await rejected.json()) as ErrorBody;
    expect(body.errors!.map((e) => [e.row, e.field])).toEqual([
      [2, 'score'],
      [3, 'result'],
      [4, 'examineeNumber'],
      [5, 'examineeNumber'],
    ]);
    expect(body.errors![0]!.message).toContain('得点');

    const before = await counters(2024);
    const good = [
      '受験番号,結果,得点',
      `${numberOf(sitting, 1)},合格,85`,
      `${numberOf(sitting, 2)},不合格,52`,
      `${numberOf(sitting, 3)},欠席,`,
      `${numberOf(sitting, 4)},合格,91`,
      `${numberOf(sitting, 5)},passed,70`,
    ].join('\r\n');
    const ok = await fetch(`${t.api}/exams/${sitting.id}/results/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff}`, 'content-type': 'text/csv' },
      body: new Uint8Array(iconv.encode(good, 'cp932')),
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ dryRun: false, rows: 5, valid: 5, changed: 5, errors: [] });
    const after = await counters(2024);
    expect(after.examinees.counter - before.examinees.counter).toBe(4);
    expect(after.passes.counter - before.passes.counter).toBe(3);
    expect(after.examinees.counter).toBe(after.examinees.ledger);

    // a second file (UTF-8 with BOM, as JSON base64) corrects one result: the counters follow
    const fix = `\uFEFF受験番号,結果,得点\r\n${numberOf(sitting, 5)},欠席,\r\n${numberOf(sitting, 1)},合格,85\r\n`;
    const again = await t.call<ExamResultsImportResponse>('POST', `/exams/${sitting.id}/results/import`, {
      token: staff,
      body: { csvBase64: Buffer.from(fix, 'utf8').toString('base64') },
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ rows: 2, valid: 2, changed: 1 });
    const fixed = await counters(2024);
    expect(fixed.examinees.counter - after.examinees.counter).toBe(-1);
    expect(fixed.passes.counter - after.passes.counter).toBe(-1);
    expect(fixed.passes.counter).toBe(fixed.passes.ledger);

    expect(
      (await t.call('POST', `/exams/${sitting.id}/results/import`, { token: staff, body: { csv: 'a', extra: 1 } }))
        .status,
    ).toBe(400);
    const member = await t.login('member@example.jp');
    expect(
      (await t.call('POST', `/exams/${sitting.id}/results/import`, { token: member, body: { csv: good } })).status,
    ).toBe(403);
  });

  it('pass rate per exam and grade for a fiscal year, for staff and managers', async () => {
    const stats = await t.call<ExamStatsRow[]>('GET', '/exams/stats?fiscalYear=2024', { token: staff });
    expect(stats.status).toBe(200);
    const boki2 = stats.body.find((r) => r.examCode === 'boki' && r.grade === '2')!;
    expect(boki2).toMatchObject({ applicants: 5, sat: 0, passed: 0, passRate: null });
    const boki3 = stats.body.find((r) => r.examCode === 'boki' && r.grade === '3')!;
    // 6 applied; 1 and 4 passed, 2 failed, 3 and 5 absent
    expect(boki3).toMatchObject({ applicants: 6, sat: 3, passed: 2, absent: 2 });
    expect(boki3.passRate).toBeCloseTo(2 / 3, 6);
    const manager = await t.login('manager@example.jp');
    expect((await t.call('GET', '/exams/stats?fiscalYear=2024', { token: manager })).status).toBe(200);
    const member = await t.login('member@example.jp');
    expect((await t.call('GET', '/exams/stats', { token: member })).status).toBe(403);
  });
});
