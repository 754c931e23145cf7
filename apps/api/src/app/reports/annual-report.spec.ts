import type { AnnualReport, AnnualReportItem, ApiError, KpiHistory, KpiReading } from '@chamber/contracts';
import { fiscalYearOf } from '@chamber/domain';
import { Workbook } from 'exceljs';
import { startTestApp, TestApp } from '../../testing/test-app';
import { readWithOpenpyxl } from '../../testing/openpyxl';
import { popplerRead } from '../pdf/poppler';
import { createEvent, registerPublic, startedNow, student } from '../../testing/events';
import { createMember } from '../members/testing/member-fixtures';

describe('annual report (事業報告) written by the ledger (real PostgreSQL, real HTTP)', () => {
  let t: TestApp;
  let staff: string;
  let manager: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.login('staff@example.jp');
    manager = await t.login('manager@example.jp');
    admin = await t.login('admin@example.jp');
  });
  afterAll(() => t.close());

  const report = async (fy: number, token = staff) => {
    const res = await t.call<AnnualReport>('GET', `/reports/annual?fiscalYear=${fy}`, { token });
    expect(res.status).toBe(200);
    return res.body;
  };
  const item = (r: AnnualReport, code: string): AnnualReportItem => {
    const found = r.pillars.flatMap((p) => p.items).find((i) => i.code === code);
    if (!found) throw new Error(`no item ${code}`);
    return found;
  };
  const kpisOf = async (fy: number) =>
    (await t.call<KpiReading[]>('GET', `/kpis?fiscalYear=${fy}`, { token: staff })).body;
  const kpiIn = (r: AnnualReport, code: string) =>
    r.pillars.flatMap((p) => p.items.flatMap((i) => i.kpis)).find((k) => k.code === code)!;

  /** every KPI of the report is GET /api/kpis' reading of that year, and the summary counts them */
  const expectSameAsDashboard = async (fy: number) => {
    const r = await report(fy);
    const dashboard = await kpisOf(fy);
    const inReport = r.pillars.flatMap((p) => p.items.flatMap((i) => i.kpis));
    expect(inReport).toHaveLength(dashboard.length);
    expect(inReport).toEqual(
      dashboard.map((k) => ({
        id: k.id,
        code: k.code,
        label: k.label,
        kind: k.kind,
        unit: k.unit,
        target: k.target,
        value: k.value,
        attainment: k.attainment,
        status: k.status,
      })),
    );
    const counted = { met: 0, on_track: 0, behind: 0, not_started: 0, no_target: 0 };
    for (const k of dashboard) counted[k.status]++;
    expect(r.summary).toEqual(counted);
    return r;
  };

  it('answers the contract: plan, summary, pillars of items with KPIs, activity and narrative', async () => {
    const r = await expectSameAsDashboard(2020);
    expect(r.fiscalYear).toBe(2020);
    expect(r.pillars.map((p) => p.code)).toEqual(['A', 'B', 'C']);
    expect(r.pillars.flatMap((p) => p.items)).toHaveLength(35);
    expect(item(r, 'A1-1')).toMatchObject({
      code: 'A1-1',
      division: expect.any(String),
      activity: { eventsHeld: expect.any(Number), attendees: expect.any(Number), consultations: expect.any(Number) },
      narrative: { evaluation: '', issues: '', nextSteps: '' },
    });
    expect(Object.keys(r.summary).sort()).toEqual(['behind', 'met', 'no_target', 'not_started', 'on_track']);
    expect((await report(2020, manager)).fiscalYear).toBe(2020);
    expect(
      (await t.call('GET', '/reports/annual?fiscalYear=2020', { token: await t.login('member@example.jp') })).status,
    ).toBe(403);
  });

  it('400 naming fiscalYear when it is missing or outside every plan', async () => {
    for (const q of ['', '?fiscalYear=2010', '?fiscalYear=abc']) {
      const res = await t.call<ApiError>('GET', `/reports/annual${q}`, { token: staff });
      expect(res.status).toBe(400);
      expect(res.body.errors?.map((e) => e.field)).toContain('fiscalYear');
    }
  });

  it("this year's event, registrations and a check-in: the report counts what was done, KPIs as the dashboard", async () => {
    // started an hour ago (check-in is refused before the event's day), in a year the demo seed's continued plan covers
    const event = await createEvent(t, staff, { actionItemCode: 'A1-1', ...startedNow() });
    const fy = fiscalYearOf(event.startsAt);
    const before = item(await report(fy), 'A1-1');
    const regs = [];
    for (const i of [901, 902, 903]) regs.push((await registerPublic(t, event.id, student(i))).body);
    for (const r of regs.slice(0, 2)) {
      expect((await t.call('POST', `/registrations/${r.id}/check-in`, { token: staff })).status).toBe(200);
    }
    const after = await expectSameAsDashboard(fy);
    expect(item(after, 'A1-1').activity).toEqual({
      ...before.activity,
      eventsHeld: before.activity.eventsHeld + 1,
      attendees: before.activity.attendees + 2,
    });
    const students = item(after, 'A1-1').kpis.find((k) => k.code === 'A1-1-students')!;
    expect(students.value).toBe((before.kpis.find((k) => k.code === 'A1-1-students')!.value ?? 0) + 2);
  });

  it('a consultation dated in FY2020 counts in FY2020 activity of its action item', async () => {
    const company = await createMember(t, staff);
    const before = item(await report(2020), 'A3-2').activity.consultations;
    const next = item(await report(2021), 'A3-2').activity;
    const res = await t.call('POST', `/members/${company.id}/consultations`, {
      token: staff,
      body: { kind: 'analysis', date: '2020-06-01', summary: '経営分析を実施' },
    });
    expect(res.status).toBe(201);
    const r = await expectSameAsDashboard(2020);
    expect(item(r, 'A3-2').activity.consultations).toBe(before + 1);
    // that year's ledger only: the next year's activity does not carry it
    expect(item(await report(2021), 'A3-2').activity).toEqual(next);
  });

  it("a late entry for FY2020 changes FY2020's report and nothing of FY2021's", async () => {
    const fy2020 = await report(2020);
    const fy2021 = await report(2021);
    const hearings = kpiIn(fy2020, 'A1-6-hearings');
    const res = await t.call('POST', `/kpis/${hearings.id}/entries`, {
      token: staff,
      body: { fiscalYear: 2020, delta: 4, note: '年度末の追加報告' },
    });
    expect(res.status).toBe(201);
    const later2020 = await expectSameAsDashboard(2020);
    expect(kpiIn(later2020, 'A1-6-hearings').value).toBe((hearings.value ?? 0) + 4);
    expect(await report(2021)).toEqual(fy2021);
  });

  it('narratives: staff write them per year and item, with a history of who changed what; checks fields', async () => {
    const put = (body: unknown, code = 'A1-1', fy = 2020, token = staff) =>
      t.call<ApiError & { evaluation: string; updatedBy: string }>(
        'PUT',
        `/reports/annual/${fy}/items/${code}/narrative`,
        { token, body },
      );
    const first = await put({ evaluation: '目標を上回る参加者を得た', issues: '業種に偏り' });
    expect(first.status).toBe(200);
    const second = await put({ nextSteps: '製造業以外へも案内する' }, 'A1-1', 2020, admin);
    expect(second.status).toBe(200);
    expect(item(await report(2020), 'A1-1').narrative).toMatchObject({
      evaluation: '目標を上回る参加者を得た',
      issues: '業種に偏り',
      nextSteps: '製造業以外へも案内する',
    });
    // another year's report keeps its own narrative
    expect(item(await report(2021), 'A1-1').narrative.evaluation).toBe('');
    const history = await t.call<{ old: unknown; new: unknown; changedBy: string }[]>(
      'GET',
      '/reports/annual/2020/items/A1-1/narrative/history',
      { token: manager },
    );
    expect(history.body).toHaveLength(2);
    expect(history.body[0]).toMatchObject({
      old: { evaluation: '目標を上回る参加者を得た', issues: '業種に偏り', nextSteps: '' },
      new: { nextSteps: '製造業以外へも案内する' },
      changedBy: second.body.updatedBy,
      changedByName: '管理者 デモ',
    });
    expect(history.body[1]).toMatchObject({ old: null, changedBy: first.body.updatedBy, changedByName: '職員 デモ' });
    const audit = (await t.db.query(
      `SELECT action FROM audit_log WHERE action LIKE 'PUT /api/reports/annual/%' ORDER BY id`,
    )) as { action: string }[];
    expect(audit).toHaveLength(2);

    expect((await put({ evaluation: 'x' }, 'A1-1', 2020, manager)).status).toBe(403);
    expect((await put({ evaluation: 'x' }, 'Z9-9')).status).toBe(404);
    const bad = await put({ evaluation: 5 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field)).toContain('evaluation');
    const unknown = await put({ evaluation: 'x', score: 1 });
    expect(unknown.status).toBe(400);
    const outOfPlan = await put({ evaluation: 'x' }, 'A1-1', 2010);
    expect(outOfPlan.status).toBe(400);
    expect(outOfPlan.body.errors?.map((e) => e.field)).toContain('fiscalYear');
    expect((await put({ evaluation: 'x'.repeat(4001) })).status).toBe(400);
    // nothing written by the refused ones
    expect(history.body).toHaveLength(2);
    expect(
      ((await t.db.query(`SELECT count(*)::int AS n FROM report_narrative_history`)) as { n: number }[])[0]!.n,
    ).toBe(2);
  });

  it('the workbook: a sheet per pillar, real numbers and percentages, frozen header, filter, A4 landscape', async () => {
    await t.call('PUT', '/reports/annual/2020/items/A1-2/narrative', {
      token: staff,
      body: { evaluation: '=HYPERLINK("http://evil.example")' },
    });
    const res = await fetch(`${t.api}/reports/annual.xlsx?fiscalYear=2020`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = Buffer.from(await res.arrayBuffer());
    const sheet = readWithOpenpyxl(bytes);
    expect(sheet.title.startsWith('A ')).toBe(true);
    expect(sheet.freezePanes).toBe('A2');
    expect(sheet.autoFilter).toBe('A1:N1');
    expect(sheet.cells['G1']!.value).toBe('達成率');
    const r = await report(2020);
    const rows = Object.entries(sheet.cells).filter(([ref, c]) => ref.startsWith('D') && c.value);
    const studentsRow = rows.find(([, c]) => c.value === kpiIn(r, 'A1-1-students').label.ja)![0].slice(1);
    const attainment = sheet.cells[`G${studentsRow}`]!;
    expect(attainment.dataType).toBe('n');
    expect(attainment.numberFormat).toBe('0.0%');
    expect(attainment.value).toBeCloseTo(kpiIn(r, 'A1-1-students').attainment ?? 0, 9);
    expect(sheet.cells[`F${studentsRow}`]!.value).toBe(kpiIn(r, 'A1-1-students').value);
    const formula = Object.values(sheet.cells).find((c) => String(c.value).includes('HYPERLINK'))!;
    expect(String(formula.value).startsWith("'")).toBe(true);
    expect(formula.dataType).toBe('s');
    const wb = new Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name.slice(0, 1))).toEqual(['A', 'B', 'C']);
    for (const w of wb.worksheets) expect(w.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
  });

  it('the PDF: A4, Japanese, the chamber, the year in 和暦 and 西暦, KPIs and narratives', async () => {
    const res = await fetch(`${t.api}/reports/annual.pdf?fiscalYear=2020`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = popplerRead(Buffer.from(await res.arrayBuffer()));
    const text = pdf.text.replace(/\s+/g, '');
    expect(text).toContain('相模原商工会議所');
    expect(text).toContain('令和2年度（FY2020）事業報告');
    expect(text).toContain('送り出し機関・受入企業ヒアリング数');
    expect(text).toContain('目標を上回る参加者を得た');
    expect(text).toContain('KPI達成率');
    expect(pdf.fonts).toMatch(/Noto/i);
    expect(pdf.pages).toBeGreaterThan(3);
    const fy2019 = popplerRead(
      Buffer.from(
        await (
          await fetch(`${t.api}/reports/annual.pdf?fiscalYear=2019`, { headers: { authorization: `Bearer ${staff}` } })
        ).arrayBuffer(),
      ),
    );
    expect(fy2019.text.replace(/\s+/g, '')).toContain('令和元年度（FY2019）');
  });

  it("a KPI's history: each FY of its plan as GET /api/kpis reads it, and a linear projection to the end", async () => {
    const hearings = (await kpisOf(2020)).find((k) => k.code === 'A1-6-hearings')!;
    for (const [fy, delta] of [
      [2019, 10],
      [2021, 30],
    ] as const) {
      await t.call('POST', `/kpis/${hearings.id}/entries`, { token: staff, body: { fiscalYear: fy, delta } });
    }
    const res = await t.call<KpiHistory>('GET', `/kpis/${hearings.id}/history`, { token: manager });
    expect(res.status).toBe(200);
    const expected = [];
    for (const fy of [2019, 2020, 2021]) {
      const k = (await kpisOf(fy)).find((x) => x.code === 'A1-6-hearings')!;
      expected.push({ fiscalYear: fy, value: k.value, attainment: k.attainment });
    }
    expect(res.body.years).toEqual(expected);
    expect(res.body.kpi).toMatchObject({ id: hearings.id, fiscalYear: 2021 });
    // the period is over: the line through the years, read at its last year; no target, no verdict
    const [a, b, c] = expected.map((e) => e.value!);
    expect(res.body.projection.fiscalYear).toBe(2021);
    expect(res.body.projection.value).toBeCloseTo((a! + b! + c!) / 3 + (c! - a!) / 2, 6);
    expect(res.body.projection.willMeetTarget).toBeNull();

    const students = (await kpisOf(2020)).find((k) => k.code === 'A1-1-students')!;
    const withTarget = (await t.call<KpiHistory>('GET', `/kpis/${students.id}/history`, { token: staff })).body;
    expect(withTarget.projection.willMeetTarget).toBe((withTarget.projection.attainment ?? 0) >= 1);
    expect((await t.call('GET', `/kpis/00000000-0000-4000-8000-000000000000/history`, { token: staff })).status).toBe(
      404,
    );
  });
});
