import type { LoginResponse } from '@chamber/contracts';

export interface RunningServer {
  /** the database it runs on: the test's choice, else E2E_ENGINE (npm test runs both) */
  engine: 'postgres' | 'embedded';
  baseUrl: string;
  api: string;
  databaseUrl: string | null;
  dataDir: string | null;
  /** the HTTP port, and the server process (undefined once stopped) */
  port: number;
  pid(): number | undefined;
  /** one statement on the server's database, on either engine (the embedded one has no port) */
  sql<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  log(): string;
  stop(): Promise<void>;
  /** resolves with the exit code, or the signal that ended the process */
  kill(signal?: string): Promise<{ code: number | null; signal: string | null }>;
  restart(): Promise<void>;
}

// the harness is plain JS shared with the benchmarks (tools/), outside every project
// eslint-disable-next-line @nx/enforce-module-boundaries
const harness = require('../../../../tools/e2e-server.cjs') as {
  startServer(options?: {
    env?: Record<string, string>;
    embedded?: boolean;
    dataDir?: string;
    logFile?: string;
  }): Promise<RunningServer>;
};

/** The engine of this run (E2E_ENGINE), for suites that only make sense on one. */
export const E2E_ENGINE: 'postgres' | 'embedded' = process.env['E2E_ENGINE'] === 'embedded' ? 'embedded' : 'postgres';

/** `describe.each(thisRunsEngine())(…(%s), (name, embedded) => …)`: the run's engine, named. */
export function thisRunsEngine(): [string, boolean][] {
  return E2E_ENGINE === 'embedded' ? [['embedded PGlite', true]] : [['PostgreSQL', false]];
}

/** `describe` on the embedded engine only (skipped on PostgreSQL, its title saying why). */
export function describeOnEmbedded(title: string, reason: string, fn: () => void): void {
  if (E2E_ENGINE === 'postgres') describe.skip(`${title} [skipped on PostgreSQL: ${reason}]`, fn);
  else describe(title, fn);
}

/**
 * `describe` on PostgreSQL only; on the embedded engine the suite is skipped, its title saying why
 * (jest prints skipped titles).
 */
export function describeOnPostgres(title: string, reason: string, fn: () => void): void {
  if (E2E_ENGINE === 'embedded') describe.skip(`${title} [skipped on the embedded engine: ${reason}]`, fn);
  else describe(title, fn);
}

/**
 * The built server over real HTTP: on a fresh PostgreSQL database, or on embedded PGlite; when the
 * test does not say (`embedded`), on E2E_ENGINE.
 */
export function startServer(options?: {
  env?: Record<string, string>;
  embedded?: boolean;
  dataDir?: string;
}): Promise<RunningServer> {
  return harness.startServer({ ...options, logFile: process.env['E2E_SERVER_LOG'] });
}

export async function call<T = unknown>(
  api: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T; text: string; headers: Headers }> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(`${api}${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: body as T, text, headers: res.headers };
}

export async function login(api: string, email: string, password = 'demo-pass-2019'): Promise<LoginResponse> {
  const res = await call<LoginResponse>(api, 'POST', '/auth/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${res.text}`);
  return res.body;
}

/** A student job fair of action item A1-1, three hours long, `daysAhead` days from now (201 checked). */
export async function createJobFair(
  api: string,
  token: string,
  opts: { title: { ja: string; en: string }; capacity: number; daysAhead: number },
): Promise<{ id: string; startsAt: Date }> {
  const startsAt = new Date(Date.now() + opts.daysAhead * 86400_000);
  const created = await call<{ id: string }>(api, 'POST', '/events', {
    token,
    body: {
      kind: 'job_fair',
      title: opts.title,
      actionItemCode: 'A1-1',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(),
      venue: '相模原市立産業会館',
      capacity: opts.capacity,
      audience: 'students',
    },
  });
  if (created.status !== 201) throw new Error(`create event: ${created.status} ${created.text}`);
  return { id: created.body.id, startsAt };
}
