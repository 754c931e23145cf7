import type { KpiEvent, KpiReading, ManualEntryResponse, PlanSummary, PlanView } from '@chamber/contracts';
import { currentFiscalYear } from '@chamber/domain';
import { startTestApp, TestApp } from '../../testing/test-app';
import { KpiRecorder } from './kpi-recorder.service';

const ALL_KPI_CODES = [
  'A1-1-students',
  'A1-1-offer-rate',
  'A1-2-participants',
  'A1-3-participants',
  'A1-4-advisers',
  'A1-5-events',
  'A1-6-hearings',
  'A1-7-yoy',
  'A1-7-vs-fy2017',
  'A1-8-seminars',
  'A1-9-founders',
  'A1-10-participants',
  'A2-1-guidance',
  'A2-1-marukei',
  'A2-1-innovation',
  'A2-2-events',
  'A2-3-events',
  'A2-4-events',
  'A2-5-events',
  'A2-6-events',
  'A2-7-events',
  'A3-1-response-rate',
  'A3-2-analysed',
  'A3-3-plans',
  'A3-4-follow-up',
  'A3-4-founders',
  'A3-5-events',
  'A3-5-participants',
  'B1-1-activities',
  'C1-1-attendance',
  'C1-2-meetings',
  'C1-3-visits',
  'C1-4-answer-rate',
  'C1-5-milestone',
  'C1-6-milestone',
  'C1-7-web-visits',
  'C1-8-joint',
  'C1-9-members',
  'C1-9-new-members',
  'C1-10-milestone',
  'C1-11-enrolments',
  'C1-12-milestone',
];

describe('plan and KPIs (real PostgreSQL, real HTTP)', () => {
  let t: TestApp;
  let staff: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.login('staff@example.jp');
    admin = await t.login('admin@example.jp');
  });
  afterAll(() => t.close());

  const kpis = async (fy: number) => {
    const res = await t.call<KpiReading[]>('GET', `/kpis?fiscalYear=${fy}`, { token: staff });
    expect(res.status).toBe(200);
    return res.body;
  };
  const kpi = async (fy: number, code: string) => {
    const found = (await kpis(fy)).find((k) => k.code === code);
    if (!found) throw new Error(`no KPI ${code} in FY${fy}`);
    return found;
  };

  it('seeds the whole plan: 35 action items with the digest codes, every KPI of KPIS.md', async () => {
    const res = await t.call<PlanView>('GET', '/plan?fiscalYear=2019', { token: staff });
    expect(res.status).toBe(200);
    const items = res.body.pillars.flatMap((p) => p.themes.flatMap((th) => th.actionItems));
    expect(items).toHaveLength(35);
    const codes = items.map((a) => a.code);
    for (let i = 1; i <= 10; i++) expect(codes).toContain(`A1-${i}`);
    for (let i = 1; i <= 12; i++) expect(codes).toContain(`C1-${i}`);
    expect(items.find((a) => a.code === 'A1-1')?.division).toBe('産業振興課');
    expect(items.find((a) => a.code === 'A1-1')?.target2021.ja).toContain('300名以上');
    const readings = await kpis(2019);
    expect(readings.map((k) => k.code).sort()).toEqual([...ALL_KPI_CODES].sort());
    for (const r of readings) {
      expect(['cumulative', 'per_fiscal_year', 'ratio', 'growth_vs_baseline', 'level', 'milestone']).toContain(r.kind);
      expect(['met', 'on_track', 'behind', 'not_started', 'no_target']).toContain(r.status);
    }
  });

  it('names the fiscal year when no plan covers it', async () => {
    const res = await t.call<{ message: string }>('GET', '/kpis?fiscalYear=2010', {
      token: staff,
      headers: { 'accept-language': 'en' },
    });
    expect(res.status).toBe(404);
    expect(res.body.message).toContain('FY2010');
  });

  it('a manual entry moves the KPI and an SSE client connected before it is pushed the change (1 s target: bench/sse-latency.mjs)', async () => {
    const fy = currentFiscalYear();
    const before = await kpi(fy, 'A1-6-hearings');
    const controller = new AbortController();
    const stream = await fetch(`${t.api}/kpis/stream`, {
      headers: { authorization: `Bearer ${staff}` },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    const received = (async () => {
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += Buffer.from(value).toString('utf8');
        const match = /event: kpi\n(?:id: .*\n)?data: (.*)\n/.exec(buffer);
        if (match) return JSON.parse(match[1]!) as KpiEvent;
      }
    })();
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    const res = await t.call<ManualEntryResponse>('POST', `/kpis/${before.id}/entries`, {
      token: staff,
      body: { fiscalYear: fy, delta: 3, note: 'JITCO hearings' },
    });
    expect(res.status).toBe(201);
    expect(res.body.kpi.value).toBe(before.numerator + 3);
    const event = await received;
    // pushed, not polled: well under any poll interval even on a loaded machine
    expect(Date.now() - started).toBeLessThan(5000);
    expect(event).toMatchObject({
      kpiId: before.id,
      code: 'A1-6-hearings',
      fiscalYear: fy,
      value: before.numerator + 3,
    });
    controller.abort();
    expect((await kpi(fy, 'A1-6-hearings')).value).toBe(before.numerator + 3);
  });

  it('sets milestones and baselines by value, as ledger rows with author and note', async () => {
    const fy = currentFiscalYear();
    const m = await kpi(fy, 'C1-5-milestone');
    const res = await t.call<ManualEntryResponse>('POST', `/kpis/${m.id}/entries`, {
      token: staff,
      body: { fiscalYear: fy, value: 'done', note: 'secondment agreed' },
    });
    expect(res.status).toBe(201);
    expect(res.body.kpi).toMatchObject({ value: 1, attainment: 1, status: 'met', milestone: 'done' });
    const rows = (await t.db.query(`SELECT author_id, note, source_type FROM kpi_ledger WHERE kpi_id = $1`, [
      m.id,
    ])) as { author_id: string; note: string; source_type: string }[];
    expect(rows).toEqual([expect.objectContaining({ note: 'secondment agreed', source_type: 'manual' })]);
    expect(rows[0]!.author_id).toBeTruthy();
  });

  it('growth against a FY2017 baseline entered by staff: 1,030 over 1,000 is +3 %, met', async () => {
    const k = await kpi(2021, 'A1-7-vs-fy2017');
    const set = (fiscalYear: number, value: number) =>
      t.call('POST', `/kpis/${k.id}/entries`, { token: staff, body: { fiscalYear, value, note: 'examinees' } });
    expect((await set(2017, 1000)).status).toBe(201);
    expect((await set(2021, 1030)).status).toBe(201);
    const after = await kpi(2021, 'A1-7-vs-fy2017');
    expect(after.value).toBeCloseTo(0.03, 6);
    expect(after.status).toBe('met');
  });

  it('rejects bad bodies with every field named, in the caller language, and writes nothing', async () => {
    const k = await kpi(2019, 'A1-6-hearings');
    const [{ count: before }] = (await t.db.query('SELECT count(*)::int AS count FROM kpi_ledger')) as [
      { count: number },
    ];
    const ja = await t.call<{ errors: { field: string; message: string }[] }>('POST', `/kpis/${k.id}/entries`, {
      token: staff,
      body: { fiscalYear: 'x', delta: 1, note: '', extra: 1 },
    });
    expect(ja.status).toBe(400);
    const fields = ja.body.errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['fiscalYear', 'note', 'extra']));
    expect(ja.body.errors.find((e) => e.field === 'note')?.message).toMatch(/必須/);
    const en = await t.call<{ errors: { field: string; message: string }[] }>('POST', `/kpis/${k.id}/entries`, {
      token: staff,
      headers: { 'accept-language': 'en' },
      body: { fiscalYear: 2019, note: 'x' },
    });
    expect(en.status).toBe(400);
    expect(en.body.errors).toEqual([
      expect.objectContaining({ field: 'delta', message: expect.stringMatching(/exactly one/) }),
    ]);
    const [{ count: after }] = (await t.db.query('SELECT count(*)::int AS count FROM kpi_ledger')) as [
      { count: number },
    ];
    expect(after).toBe(before);
  });

  it('guards: no token 401, a member 403 on KPIs, manager may read but not write', async () => {
    expect((await t.call('GET', '/kpis')).status).toBe(401);
    const member = await t.login('member@example.jp');
    expect((await t.call('GET', '/kpis', { token: member })).status).toBe(403);
    expect((await t.call('GET', '/plan', { token: member })).status).toBe(200);
    const manager = await t.login('manager@example.jp');
    const list = await t.call<KpiReading[]>('GET', '/kpis?fiscalYear=2019', { token: manager });
    expect(list.status).toBe(200);
    expect(
      (
        await t.call('POST', `/kpis/${list.body[0]!.id}/entries`, {
          token: manager,
          body: { fiscalYear: 2019, delta: 1, note: 'x' },
        })
      ).status,
    ).toBe(403);
    expect((await t.call('POST', '/kpis/recount', { token: staff })).status).toBe(403);
  });

  it('continues a plan into a new period; activity there moves the new KPIs only; overlaps are 409', async () => {
    const plans = (await t.call<PlanSummary[]>('GET', '/plans', { token: staff })).body;
    const seedPlan = plans.find((p) => p.startFiscalYear === 2019)!;
    const created = await t.call<PlanView>('POST', `/plans/${seedPlan.id}/continue`, {
      token: admin,
      body: { startFiscalYear: 2031 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ startFiscalYear: 2031, endFiscalYear: 2033, continuedFromId: seedPlan.id });
    expect(created.body.pillars.flatMap((p) => p.themes.flatMap((th) => th.actionItems))).toHaveLength(35);
    expect(
      (await t.call('POST', `/plans/${seedPlan.id}/continue`, { token: admin, body: { startFiscalYear: 2032 } }))
        .status,
    ).toBe(409);
    expect(
      (await t.call('POST', `/plans/${seedPlan.id}/continue`, { token: staff, body: { startFiscalYear: 2040 } }))
        .status,
    ).toBe(403);

    const old2021 = await kpi(2021, 'A1-2-participants');
    const k2031 = await kpi(2031, 'A1-2-participants');
    expect(k2031.id).not.toBe(old2021.id);
    expect(k2031.value).toBe(0);
    await t.db.transaction((m) =>
      new KpiRecorder().record(m, {
        actionItemCode: 'A1-2',
        measure: 'attendance',
        fiscalYear: 2031,
        delta: 5,
        sourceType: 'test',
      }),
    );
    expect((await kpi(2031, 'A1-2-participants')).value).toBe(5);
    expect((await kpi(2021, 'A1-2-participants')).value).toBe(old2021.value);
  });

  it('the recorder refuses to run outside a transaction, and a rolled-back change moves nothing', async () => {
    const recorder = new KpiRecorder();
    await expect(
      recorder.record(t.db.manager, {
        actionItemCode: 'A1-3',
        measure: 'attendance',
        fiscalYear: 2019,
        delta: 1,
        sourceType: 'test',
      }),
    ).rejects.toThrow(/inside the transaction/);
    const before = await kpi(2019, 'A1-3-participants');
    await expect(
      t.db.transaction(async (m) => {
        await recorder.record(m, {
          actionItemCode: 'A1-3',
          measure: 'attendance',
          fiscalYear: 2019,
          delta: 7,
          sourceType: 'test',
        });
        throw new Error('fail half-way');
      }),
    ).rejects.toThrow('fail half-way');
    expect((await kpi(2019, 'A1-3-participants')).value).toBe(before.value);
  });

  it('concurrent records keep every counter equal to its ledger, and recount agrees', async () => {
    const recorder = new KpiRecorder();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.db.transaction((m) =>
          recorder.record(m, {
            actionItemCode: 'A3-5',
            measure: 'attendance',
            fiscalYear: 2020,
            delta: i % 3 === 0 ? -1 : 2,
            sourceType: 'test',
          }),
        ),
      ),
    );
    const mismatches = (await t.db.query(`
      SELECT c.action_item_code FROM kpi_counter c
      LEFT JOIN (SELECT action_item_code, measure, fiscal_year, SUM(delta) s FROM kpi_ledger GROUP BY 1,2,3) l USING (action_item_code, measure, fiscal_year)
      WHERE c.value IS DISTINCT FROM COALESCE(l.s, 0)`)) as unknown[];
    expect(mismatches).toEqual([]);
    await t.db.query(
      `UPDATE kpi_counter SET value = value + 100 WHERE action_item_code = 'A3-5' AND measure = 'attendance' AND fiscal_year = 2020`,
    );
    const drifted = await t.call<{ value: number; ledgerSum: number }[]>(
      'GET',
      '/kpis/counters?fiscalYear=2020&actionItemCode=A3-5&measure=attendance',
      { token: staff },
    );
    expect(drifted.body).toHaveLength(1);
    expect(drifted.body[0]!.value).toBe(drifted.body[0]!.ledgerSum + 100);
    const res = await t.call<{ corrected: number }>('POST', '/kpis/recount', { token: admin });
    expect(res.status).toBe(201);
    expect(res.body.corrected).toBe(1);
    const mended = await t.call<{ value: number; ledgerSum: number }[]>(
      'GET',
      '/kpis/counters?fiscalYear=2020&actionItemCode=A3-5&measure=attendance',
      { token: staff },
    );
    expect(mended.body[0]!.value).toBe(mended.body[0]!.ledgerSum);
  });

  it('keeps an audit row for staff writes', async () => {
    const rows = (await t.db.query(
      `SELECT action, actor_role FROM audit_log WHERE action LIKE 'POST /api/kpis/%'`,
    )) as { action: string; actor_role: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]!.action).toMatch(/^POST \/api\/kpis\//);
  });
});

describe('KPI definitions (staff)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('adds a KPI to an action item and changes a target, with an audit row and no ledger change', async () => {
    const staff = await t.login('staff@example.jp');
    const plan = (await t.call<PlanView>('GET', '/plan?fiscalYear=2019', { token: staff })).body;
    const [{ count: ledgerBefore }] = (await t.db.query('SELECT count(*)::int AS count FROM kpi_ledger')) as [
      { count: number },
    ];
    const created = await t.call<{ id: string; code: string }>('POST', `/plans/${plan.id}/kpis`, {
      token: staff,
      body: {
        actionItemCode: 'A1-5',
        code: 'A1-5-participants',
        label: { ja: 'IoT導入支援 参加者数', en: 'IoT adoption support participants' },
        kind: 'per_fiscal_year',
        target: 60,
        unit: 'persons',
        numerator: [{ measure: 'attendance' }],
      },
    });
    expect(created.status).toBe(201);
    const bad = await t.call<{ errors: { field: string }[] }>('POST', `/plans/${plan.id}/kpis`, {
      token: staff,
      body: {
        actionItemCode: 'A1-5',
        code: 'A1-5-x',
        label: { ja: 'x' },
        kind: 'nonsense',
        unit: 'persons',
        numerator: [],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['label.en', 'kind', 'numerator']));
    const changed = await t.call<{ target: number }>('PATCH', `/kpis/${created.body.id}`, {
      token: staff,
      body: { target: 80 },
    });
    expect(changed.body.target).toBe(80);
    const readings = (await t.call<KpiReading[]>('GET', '/kpis?fiscalYear=2019', { token: staff })).body;
    expect(readings.find((k) => k.code === 'A1-5-participants')).toMatchObject({ target: 80, value: 0 });
    const [{ count: ledgerAfter }] = (await t.db.query('SELECT count(*)::int AS count FROM kpi_ledger')) as [
      { count: number },
    ];
    expect(ledgerAfter).toBe(ledgerBefore);
    const audit = (await t.db.query(`SELECT action FROM audit_log WHERE action = 'PATCH /api/kpis/:id'`)) as unknown[];
    expect(audit).toHaveLength(1);
  });
});
