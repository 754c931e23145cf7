import http from 'node:http';
import { Client } from 'pg';
import { fiscalYearOf } from '@chamber/domain';
import { createJobFair, describeOnPostgres, login, RunningServer, startServer } from './support/server';

/** One request on a connection of its own, so that the kernel hands it to either worker. */
function fresh(api: string, method: string, path: string, body?: unknown, token?: string) {
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(
      `${api}${path}`,
      {
        method,
        agent: false,
        headers: {
          ...(data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** The pids of the processes that logged requests to `path` (pino writes its pid on every line). */
function servingPids(log: string, path: string): Set<number> {
  const pids = new Set<number>();
  for (const line of log.split('\n')) {
    if (!line.startsWith('{') || !line.includes(`"path":"${path}"`)) continue;
    pids.add((JSON.parse(line) as { pid: number }).pid);
  }
  return pids;
}

/**
 * WEB_CONCURRENCY=2: two worker processes share the port and one PostgreSQL. Limits, seats and KPI
 * events must hold across them as they do in one process.
 */
describeOnPostgres('two API worker processes on one PostgreSQL', 'WEB_CONCURRENCY needs a server database', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      env: { WEB_CONCURRENCY: '2', LOGIN_RATE_LIMIT: '4', PUBLIC_RATE_LIMIT: '0', LOG_LEVEL: 'info' },
    });
    // the server is ready when one worker is: wait until both answer
    const deadline = Date.now() + 60_000; // each worker boots the whole app: slow on a busy machine
    while (Date.now() < deadline && servingPids(server.log(), '/api/health/ready').size < 2) {
      await Promise.all([1, 2].map(() => fresh(server.api, 'GET', '/health/ready')));
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(servingPids(server.log(), '/api/health/ready').size).toBe(2);
  });
  afterAll(() => server.stop());

  it('counts log-in attempts across the workers: the limit is the limit, not one per process', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 10 }, () =>
        fresh(server.api, 'POST', '/auth/login', { email: 'staff@example.jp', password: 'wrong-password' }),
      ),
    );
    expect(servingPids(server.log(), '/api/auth/login').size).toBe(2);
    expect(attempts.filter((a) => a.status === 401)).toHaveLength(4);
    expect(attempts.filter((a) => a.status === 429)).toHaveLength(6);
  });

  it('never overbooks when both workers take the same seats, and keeps the counter equal to the ledger', async () => {
    const staff = await staffToken();
    const { id, startsAt } = await createJobFair(server.api, staff, {
      title: { ja: '二つのプロセス 合同就職説明会', en: 'Two-process job fair' },
      capacity: 30,
      daysAhead: 40,
    });
    const path = `/public/events/${id}/registrations`;
    const answers = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        fresh(server.api, 'POST', path, {
          name: `学生 ${i}`,
          nameKana: 'がくせい',
          email: `two-workers-${i}@example.ac.jp`,
          school: '相模原大学',
          graduationYear: 2028,
        }),
      ),
    );
    expect(answers.filter((a) => a.status !== 201)).toEqual([]);
    expect(servingPids(server.log(), `/api${path}`).size).toBe(2);
    const bodies = answers.map((a) => JSON.parse(a.text) as { status: string; waitlistPosition: number | null });
    expect(bodies.filter((b) => b.status === 'registered')).toHaveLength(30);
    expect(
      bodies
        .filter((b) => b.status === 'waitlisted')
        .map((b) => b.waitlistPosition)
        .sort((a, b) => a! - b!),
    ).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));

    const db = new Client({ connectionString: server.databaseUrl! });
    await db.connect();
    try {
      const { rows } = await db.query<{ counter: number; ledger: number }>(
        `SELECT (SELECT value::int FROM kpi_counter WHERE action_item_code = 'A1-1' AND measure = 'registrations'
                 AND fiscal_year = $1) AS counter,
                (SELECT SUM(delta)::int FROM kpi_ledger WHERE action_item_code = 'A1-1' AND measure = 'registrations'
                 AND fiscal_year = $1) AS ledger`,
        [fiscalYearOf(startsAt)],
      );
      expect(rows[0]!.counter).toBe(rows[0]!.ledger);
    } finally {
      await db.end();
    }
  });

  async function staffToken(): Promise<string> {
    // the test above spent this minute's log-ins: clear the shared counts, as the next minute would
    const db = new Client({ connectionString: server.databaseUrl! });
    await db.connect();
    try {
      await db.query(`DELETE FROM rate_limit_counter`);
    } finally {
      await db.end();
    }
    return (await login(server.api, 'staff@example.jp')).accessToken;
  }
});
