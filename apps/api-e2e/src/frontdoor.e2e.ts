import { spawn, spawnSync } from 'child_process';
import { createHmac, randomBytes } from 'crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'fs';
import { connect, createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { Client } from 'pg';
import { call, login, RunningServer, startServer } from './support/server';

/** The values anyone can read in the repository (the former default and the README's example). */
const PUBLIC_VALUES = ['development-only-secret-do-not-use-in-production', 'x', 'change-me'];

// one engine when the runner picks it (E2E_ENGINE), else both
const engines = process.env['E2E_ENGINE']
  ? [{ name: process.env['E2E_ENGINE'], embedded: process.env['E2E_ENGINE'] === 'embedded' }]
  : [
      { name: 'postgres', embedded: false },
      { name: 'embedded', embedded: true },
    ];

const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');

/** The same header and claims as `token`, signed again with `secret` (HS256). */
function resign(token: string, secret: string): string {
  const [header, payload] = token.split('.');
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  return `${header}.${payload}.${b64url(signature)}`;
}

describe.each(engines)('the front door on $name', ({ embedded }) => {
  let server: RunningServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cp-frontdoor-'));
    // JWT_SECRET unset: the server makes its own (the harness would pass one from the environment)
    server = await startServer({ embedded, dataDir, env: { LOG_LEVEL: 'warn', JWT_SECRET: '' } });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs tokens with a secret of its own, kept in DATA_DIR readable by its owner only', async () => {
    const file = join(dataDir, 'secrets', 'jwt-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'secrets')).mode & 0o777).toBe(0o700);
    const secret = readFileSync(file, 'utf8').trim();
    expect(secret.length).toBeGreaterThanOrEqual(32);

    const { accessToken } = await login(server.api, 'admin@example.jp');
    expect(resign(accessToken, secret)).toBe(accessToken); // that file is the signing key
    expect((await call(server.api, 'GET', '/auth/me', { token: accessToken })).status).toBe(200);
  });

  it('refuses a token signed with any value published in the repository (401)', async () => {
    const { accessToken } = await login(server.api, 'admin@example.jp');
    for (const value of PUBLIC_VALUES) {
      const forged = resign(accessToken, value);
      expect((await call(server.api, 'GET', '/auth/me', { token: forged })).status).toBe(401);
      expect((await call(server.api, 'GET', '/kpis/counters', { token: forged })).status).toBe(401);
    }
  });

  it('keeps the secret across a restart: a token from before is still valid', async () => {
    const { accessToken } = await login(server.api, 'staff@example.jp');
    const before = readFileSync(join(dataDir, 'secrets', 'jwt-secret'), 'utf8');
    await server.kill();
    await server.restart();
    expect(readFileSync(join(dataDir, 'secrets', 'jwt-secret'), 'utf8')).toBe(before);
    expect((await call(server.api, 'GET', '/auth/me', { token: accessToken })).status).toBe(200);
  });
});

const MAIN = join(__dirname, '../../../dist/apps/api/main.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function sql<T>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as T[];
  } finally {
    await c.end();
  }
}

// production needs PostgreSQL (DATABASE_URL): the embedded run skips this part
const onPostgres = engines.some((e) => !e.embedded) ? describe : describe.skip;

onPostgres('production on a database seeded in development', () => {
  let server: RunningServer;
  let production: NodeJS.ProcessEnv;
  beforeAll(async () => {
    server = await startServer({ env: { LOG_LEVEL: 'warn' } }); // development: the demo is seeded
    const { hash } = await import('argon2');
    // the chamber's own accounts: one took the demo password, one has its own
    await sql(
      server.databaseUrl!,
      `INSERT INTO user_account (email, password_hash, role, display_name)
       SELECT 'kaicho@sagamihara-cci.test', password_hash, 'admin', '会頭' FROM user_account WHERE email = 'admin@example.jp'`,
    );
    await sql(
      server.databaseUrl!,
      `INSERT INTO user_account (email, password_hash, role, display_name) VALUES ($1, $2, 'staff', '職員')`,
      ['shokuin@sagamihara-cci.test', await hash('kuri-no-ki-2026-sagami')],
    );
    await server.kill();
    production = {
      PATH: process.env['PATH'],
      NODE_ENV: 'production',
      PUBLIC_BASE_URL: 'https://portal.example.jp',
      DATABASE_URL: server.databaseUrl!,
      JWT_SECRET: randomBytes(32).toString('hex'),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    };
  });
  afterAll(() => server?.stop());

  it('refuses to start while demo accounts or the demo password can sign in, saying how to remove them', async () => {
    const r = spawnSync(process.execPath, [MAIN], {
      env: { ...production, PORT: String(await freePort()) },
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('admin@example.jp');
    expect(r.stderr).toContain('member@example.jp');
    expect(r.stderr).toContain('1 other account(s) whose password is the demo password');
    expect(r.stderr).toContain('--remove-demo-accounts');
    expect(r.stderr).not.toContain('kaicho@'); // a real person's address stays out of the log
  });

  it("starts once they are removed: demo accounts refused, the chamber's own password still works", async () => {
    const removed = spawnSync(process.execPath, [MAIN, '--remove-demo-accounts'], {
      env: production,
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(removed.status).toBe(0);
    expect(removed.stdout).toContain('deactivated 6 demo account(s)');

    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], { env: { ...production, PORT: String(port) }, stdio: 'pipe' });
    let output = '';
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const api = `http://127.0.0.1:${port}/api`;
    try {
      const deadline = Date.now() + 60000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`production exited ${child.exitCode}: ${output}`);
        const ok = await fetch(`${api}/health/ready`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        if (Date.now() > deadline) throw new Error(`not ready: ${output}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      const attempt = (email: string, password = 'demo-pass-2019') =>
        call(api, 'POST', '/auth/login', { body: { email, password } }).then((r) => r.status);
      expect(await attempt('admin@example.jp')).toBe(401);
      expect(await attempt('member@example.jp')).toBe(401);
      expect(await attempt('kaicho@sagamihara-cci.test')).toBe(401);
      expect(await attempt('shokuin@sagamihara-cci.test', 'kuri-no-ki-2026-sagami')).toBe(200);
    } finally {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });
    }
  });
});

/**
 * A log-in whose headers and first bytes of body are sent now (the server holds it in flight);
 * `finish()` sends the rest and resolves with the answer's status.
 */
async function halfSentLogin(api: string, body: string): Promise<{ finish(): Promise<number> }> {
  const { hostname, port, pathname } = new URL(`${api}/auth/login`);
  const socket = connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let answer = '';
  socket.on('data', (d: Buffer) => (answer += d.toString()));
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(
    `POST ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`, // keep-alive: the server closes it
  );
  await new Promise((r) => setTimeout(r, 300)); // the server has read the headers
  return {
    async finish() {
      socket.write(body.slice(10)); // not end(): a half-closed socket would lose its answer
      await ended;
      return Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
    },
  };
}

describe.each(engines)('graceful stop on $name', ({ embedded }) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ embedded, env: { LOG_LEVEL: 'info' } });
  });
  afterAll(() => server?.stop());

  it('SIGTERM with three dashboard streams open and a request in flight: all answered, exit 0 within 10 s', async () => {
    const { accessToken } = await login(server.api, 'staff@example.jp');
    const streams = await Promise.all(
      [1, 2, 3].map(async () => {
        const res = await fetch(`${server.api}/kpis/stream`, { headers: { authorization: `Bearer ${accessToken}` } });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toContain('text/event-stream');
        const reader = res.body!.getReader();
        const read = async () => {
          for (;;) if ((await reader.read()).done) return 'ended';
        };
        return { end: read().catch((e: Error) => `broken: ${e.message}`) };
      }),
    );
    const inFlight = await halfSentLogin(
      server.api,
      JSON.stringify({ email: 'staff@example.jp', password: 'demo-pass-2019' }),
    );

    const t0 = Date.now();
    const exited = server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300)); // the server has begun to stop
    expect(await inFlight.finish()).toBe(200);
    expect(await Promise.all(streams.map((st) => st.end))).toEqual(['ended', 'ended', 'ended']); // ended, not cut
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(server.log()).toContain('stopped in');
    expect(server.log()).not.toContain('requests still open'); // drained, keep-alive connections closed
    await expect(fetch(`${server.api}/health/ready`)).rejects.toThrow(); // nothing listens any more
  });
});

const onEmbedded = engines.some((e) => e.embedded) ? describe : describe.skip;

onEmbedded('a new embedded data folder', () => {
  it('is a copy of the prepared template, with a secret of its own', async () => {
    const a = await startServer({ embedded: true, env: { LOG_LEVEL: 'info', JWT_SECRET: '' } });
    const b = await startServer({ embedded: true, env: { LOG_LEVEL: 'info', JWT_SECRET: '' } });
    try {
      const template = /a copy of the template (\S+)\)/.exec(a.log())?.[1];
      expect(template).toBeTruthy();
      expect(b.log()).toContain(`a copy of the template ${template}`);
      // the copy begun on another thread while the server loaded was taken whole: nothing half-made is left
      expect(readdirSync(a.dataDir!).sort()).toEqual(['pglite', 'secrets']);
      // per folder: the secret (a token of one is refused by the other); the demo accounts come with the copy
      const secret = (s: RunningServer) => readFileSync(join(s.dataDir!, 'secrets', 'jwt-secret'), 'utf8');
      expect(secret(a)).not.toBe(secret(b));
      const { accessToken } = await login(a.api, 'admin@example.jp');
      expect((await call(b.api, 'GET', '/auth/me', { token: accessToken })).status).toBe(401);
      expect((await login(b.api, 'admin@example.jp')).accessToken).toBeTruthy();

      // the template itself holds the schema, the plan, the queue and (development) the demo accounts, but no secret
      const copy = mkdtempSync(join(tmpdir(), 'cp-template-'));
      try {
        cpSync(template!, join(copy, 'db'), { recursive: true });
        // PGlite loads its parts by import(), which jest's module system refuses: ask a plain node
        const script = `const { PGlite } = require('@electric-sql/pglite');
          (async () => { const db = new PGlite(process.argv[1]); const n = {};
            for (const t of ['user_account', 'plan', 'typeorm_migrations', 'pgboss.queue', 'kpi_ledger'])
              n[t] = Number((await db.query('SELECT count(*) AS n FROM ' + t)).rows[0].n);
            console.log(JSON.stringify(n)); await db.close(); })();`;
        const r = spawnSync(process.execPath, ['-e', script, join(copy, 'db')], {
          cwd: join(__dirname, '../../..'),
          encoding: 'utf8',
          timeout: 120000,
        });
        const counts = JSON.parse(r.stdout) as Record<string, number>;
        expect(counts['user_account']).toBeGreaterThan(0); // the demo accounts, published password
        // the seeded plan, and in development its continuation into today's period with demo activity
        expect(counts['plan']).toBeGreaterThanOrEqual(1);
        expect(counts['kpi_ledger']).toBeGreaterThan(0);
        expect(counts['typeorm_migrations']).toBeGreaterThan(10);
        // the job queue's tables and queues, made by starting the app once on the template
        expect(counts['pgboss.queue']).toBeGreaterThan(0);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
      expect(existsSync(join(template!, 'secrets'))).toBe(false);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
