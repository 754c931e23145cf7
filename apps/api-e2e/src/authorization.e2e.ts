import { randomUUID } from 'crypto';
import { AUTHORIZATION, Caller } from './authorization-matrix';
import { call, login, RunningServer, startServer } from './support/server';

interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
}

const CALLERS: Caller[] = ['anonymous', 'member', 'member_admin', 'member_admin_other', 'staff', 'manager', 'admin'];

/**
 * Calls every route of the OpenAPI document as each kind of caller and checks the answer against
 * the table in authorization-matrix.ts: refused callers get 401 (anonymous) or 403; allowed ones
 * get past the guards (any other status: 2xx, 400 for the empty body, 404 for the made-up id).
 */
describe('authorization matrix (every route × every role)', () => {
  let server: RunningServer;
  const tokens: Partial<Record<Caller, string>> = {};
  const emails: Partial<Record<Caller, string>> = { member_admin_other: 'other-admin@example.jp' };
  let routes: [string, string][] = [];
  let demoCompanyId = '';

  beforeAll(async () => {
    server = await startServer();
    for (const [caller, email] of [
      ['member', 'member@example.jp'],
      ['member_admin', 'member-admin@example.jp'],
      ['staff', 'staff@example.jp'],
      ['manager', 'manager@example.jp'],
      ['admin', 'admin@example.jp'],
    ] as const) {
      const session = await login(server.api, email);
      tokens[caller] = session.accessToken;
      emails[caller] = email;
      if (caller === 'member_admin') demoCompanyId = session.user.memberId!;
    }
    // a member_admin of another company, made through the database the server uses
    tokens.member_admin_other = await makeOtherCompanyAdmin(server);
    const doc = await call<OpenApi>(server.api, 'GET', '/docs-json');
    routes = Object.entries(doc.body.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => [m.toUpperCase(), path] as [string, string]),
    );
  });
  afterAll(() => server.stop());

  it('has a row for every route of the OpenAPI document, and no row for a route that does not exist', () => {
    const keys = routes.map(([m, p]) => `${m} ${p}`);
    expect(keys.filter((k) => !(k in AUTHORIZATION))).toEqual([]);
    expect(Object.keys(AUTHORIZATION).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('answers each caller as the table says', async () => {
    const wrong: string[] = [];
    for (const [method, path] of routes) {
      const access = AUTHORIZATION[`${method} ${path}`];
      if (!access) continue;
      // the demo company's own id where a company is named, so ownership is exercised; made-up ids elsewhere
      const url = path
        .replace(/^\/api/, '')
        .replace(/^\/members\/\{id\}/, `/members/${demoCompanyId}`)
        .replace(/\{[^}]+\}/g, () => randomUUID());
      for (const caller of CALLERS) {
        const allowed =
          access === 'public' || (access === 'signed-in' ? caller !== 'anonymous' : access.includes(caller));
        const res = await callRoute(server.api, method, url, tokens[caller]);
        // log-out really ends the session: sign in again for the routes that follow
        if (path === '/api/auth/logout' && res === 204)
          tokens[caller] = (await login(server.api, emails[caller]!)).accessToken;
        const refused = res === 401 || res === 403;
        const expected = allowed ? 'passes the guards' : caller === 'anonymous' ? '401' : '403';
        const ok = allowed ? !refused : caller === 'anonymous' ? res === 401 : res === 403;
        if (!ok) wrong.push(`${method} ${path} as ${caller}: ${res}, expected ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

async function callRoute(api: string, method: string, path: string, token?: string): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  const controller = new AbortController();
  const res = await fetch(`${api}${path}`, {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? undefined : '{}',
    signal: controller.signal,
  });
  // streams (SSE) and files: the status is all we need
  controller.abort();
  return res.status;
}

async function makeOtherCompanyAdmin(server: RunningServer): Promise<string> {
  const { hash } = await import('argon2');
  const [member] = await server.sql<{ id: string }>(
    `INSERT INTO member (name, name_kana) VALUES ('別会社株式会社', 'ベツガイシャ') RETURNING id`,
  );
  await server.sql(
    `INSERT INTO user_account (email, password_hash, role, member_id, display_name) VALUES ($1, $2, 'member_admin', $3, 'other')`,
    ['other-admin@example.jp', await hash('demo-pass-2019'), member!.id],
  );
  return (await login(server.api, 'other-admin@example.jp')).accessToken;
}
