import { fiscalYearOf } from '@chamber/domain';
import { call, login, RunningServer, startServer } from './support/server';

interface RosterRow {
  id: string;
  status: string;
}

/**
 * The API process is killed (SIGKILL) in the middle of a burst of registrations and restarted:
 * no acknowledged registration is lost, no seat is overbooked, every counter equals its ledger.
 */
describe('SIGKILL during a burst of registrations', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { PUBLIC_RATE_LIMIT: '0', LOG_LEVEL: 'warn' } });
  });
  afterAll(() => server.stop());

  it('loses nothing acknowledged, overbooks nothing, and keeps counters equal to the ledger', async () => {
    const staff = (await login(server.api, 'staff@example.jp')).accessToken;
    const startsAt = new Date(Date.now() + 30 * 86400_000);
    const capacity = 60;
    const created = await call<{ id: string }>(server.api, 'POST', '/events', {
      token: staff,
      body: {
        kind: 'job_fair',
        title: { ja: '障害試験 合同就職説明会', en: 'Fault test job fair' },
        actionItemCode: 'A1-1',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(),
        venue: '相模原市立産業会館',
        capacity,
        audience: 'students',
      },
    });
    expect(created.status).toBe(201);
    const eventId = created.body.id;

    const acknowledged: { id: string; status: string }[] = [];
    let firstAcks: () => void = () => undefined;
    const someAcknowledged = new Promise<void>((resolve) => (firstAcks = resolve));
    const burst = Array.from({ length: 400 }, (_, i) =>
      fetch(`${server.api}/public/events/${eventId}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: `学生 ${i}`,
          nameKana: 'ガクセイ',
          email: `student${i}@example.ac.jp`,
          school: '相模原大学',
          graduationYear: 2028,
        }),
      })
        .then(async (res) => {
          if (res.status === 201) acknowledged.push((await res.json()) as { id: string; status: string });
          if (acknowledged.length >= 20) firstAcks();
        })
        .catch(() => undefined),
    );
    // once part of the burst is acknowledged, kill the process without warning
    await Promise.race([someAcknowledged, new Promise((r) => setTimeout(r, 10_000))]);
    await server.kill('SIGKILL');
    await Promise.all(burst);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.length).toBeLessThan(400);

    await server.restart();
    const staffAgain = (await login(server.api, 'staff@example.jp')).accessToken;
    const roster = await call<RosterRow[]>(server.api, 'GET', `/events/${eventId}/roster`, { token: staffAgain });
    expect(roster.status).toBe(200);
    const byId = new Map(roster.body.map((r) => [r.id, r.status]));
    for (const a of acknowledged) expect(byId.get(a.id)).toBe(a.status);
    const registered = roster.body.filter((r) => r.status === 'registered').length;
    expect(registered).toBeLessThanOrEqual(capacity);

    const mismatched = await server.sql(`
      SELECT c.action_item_code, c.measure, c.fiscal_year FROM kpi_counter c
      LEFT JOIN (SELECT action_item_code, measure, fiscal_year, SUM(delta) AS s FROM kpi_ledger GROUP BY 1, 2, 3) l
        USING (action_item_code, measure, fiscal_year)
      WHERE c.value IS DISTINCT FROM COALESCE(l.s, 0)`);
    expect(mismatched).toEqual([]);
    const counter = await server.sql<{ value: string }>(
      `SELECT value FROM kpi_counter WHERE action_item_code = 'A1-1' AND measure = 'registrations' AND fiscal_year = $1`,
      [fiscalYearOf(startsAt)],
    );
    expect(Number(counter[0]?.value ?? 0)).toBe(registered);
  });
});
