import { call, login, RunningServer, startServer } from './support/server';

interface Report {
  fiscalYear: number;
  summary: Record<string, number>;
  pillars: {
    code: string;
    items: {
      code: string;
      kpis: { id: string; code: string; value: number | null; attainment: number | null; status: string }[];
      activity: { eventsHeld: number; attendees: number; consultations: number };
      narrative: { evaluation: string };
    }[];
  }[];
}
interface Reading {
  id: string;
  code: string;
  value: number | null;
  attainment: number | null;
  status: string;
}

/** The annual report over the built server on embedded PGlite: the dashboard's numbers, the narrative kept. */
describe('annual report on embedded PGlite', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ embedded: true, env: { PUBLIC_RATE_LIMIT: '0', LOG_LEVEL: 'warn' } });
  });
  afterAll(() => server.stop());

  it('every KPI equals GET /api/kpis for the year, a late entry moves that year only, narratives stay', async () => {
    const staff = (await login(server.api, 'staff@example.jp')).accessToken;
    const read = async (fy: number) => {
      const res = await call<Report>(server.api, 'GET', `/reports/annual?fiscalYear=${fy}`, { token: staff });
      expect(res.status).toBe(200);
      return res.body;
    };
    const same = async (fy: number) => {
      const r = await read(fy);
      const kpis = (await call<Reading[]>(server.api, 'GET', `/kpis?fiscalYear=${fy}`, { token: staff })).body;
      const inReport = r.pillars.flatMap((p) => p.items.flatMap((i) => i.kpis));
      expect(
        inReport.map(({ id, code, value, attainment, status }) => ({ id, code, value, attainment, status })),
      ).toEqual(kpis.map(({ id, code, value, attainment, status }) => ({ id, code, value, attainment, status })));
      return r;
    };
    const before2020 = await same(2020);
    const before2021 = await read(2021);
    const hearings = before2020.pillars
      .flatMap((p) => p.items.flatMap((i) => i.kpis))
      .find((k) => k.code === 'A1-6-hearings')!;
    const entry = await call(server.api, 'POST', `/kpis/${hearings.id}/entries`, {
      token: staff,
      body: { fiscalYear: 2020, delta: 6, note: 'late' },
    });
    expect(entry.status).toBe(201);
    const after2020 = await same(2020);
    expect(
      after2020.pillars.flatMap((p) => p.items.flatMap((i) => i.kpis)).find((k) => k.code === 'A1-6-hearings')!.value,
    ).toBe((hearings.value ?? 0) + 6);
    expect(await read(2021)).toEqual(before2021);

    const put = await call(server.api, 'PUT', '/reports/annual/2020/items/A1-6/narrative', {
      token: staff,
      body: { evaluation: 'ヒアリングを拡充した' },
    });
    expect(put.status).toBe(200);
    expect((await read(2020)).pillars[0]!.items.find((i) => i.code === 'A1-6')!.narrative.evaluation).toBe(
      'ヒアリングを拡充した',
    );
    const missing = await call<{ errors: { field: string }[] }>(server.api, 'GET', '/reports/annual', { token: staff });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e) => e.field)).toContain('fiscalYear');
  });
});
