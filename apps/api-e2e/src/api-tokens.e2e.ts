import type { ApiTokenView, CreateApiTokenResponse } from '@chamber/contracts';
import { call, createJobFair, login, RunningServer, startServer, thisRunsEngine } from './support/server';

describe.each(thisRunsEngine())('API tokens (%s)', (_name, embedded) => {
  let server: RunningServer;
  let admin: string;
  let staff: string;

  beforeAll(async () => {
    server = await startServer({ embedded, env: { API_TOKEN_RATE_LIMIT: '40' } });
    admin = (await login(server.api, 'admin@example.jp')).accessToken;
    staff = (await login(server.api, 'staff@example.jp')).accessToken;
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  async function issue(name: string, scopes: string[], expiresAt?: string): Promise<CreateApiTokenResponse> {
    const res = await call<CreateApiTokenResponse>(server.api, 'POST', '/api-tokens', {
      token: admin,
      body: { name, scopes, ...(expiresAt ? { expiresAt } : {}) },
    });
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^cpt_[A-Za-z0-9_-]{43}$/);
    return res.body;
  }

  it('only admins issue tokens; bad scopes and past expiry are refused naming the field', async () => {
    expect(
      (await call(server.api, 'POST', '/api-tokens', { token: staff, body: { name: 'x', scopes: ['events:read'] } }))
        .status,
    ).toBe(403);
    const scope = await call(server.api, 'POST', '/api-tokens', {
      token: admin,
      body: { name: 'x', scopes: ['events:write'] },
    });
    expect(scope.status).toBe(400);
    expect(scope.text).toContain('scopes');
    const past = await call(server.api, 'POST', '/api-tokens', {
      token: admin,
      body: { name: 'x', scopes: ['events:read'], expiresAt: '2020-01-01T00:00:00Z' },
    });
    expect(past.status).toBe(400);
    expect(past.text).toContain('expiresAt');
  });

  it('events:read reads events and is refused on members; stored hashed; last use recorded', async () => {
    const issued = await issue('会計システム', ['events:read']);
    const events = await call<unknown[]>(server.api, 'GET', '/events', { token: issued.token });
    expect(events.status).toBe(200);
    expect(Array.isArray(events.body)).toBe(true);
    const members = await call<{ code: string }>(server.api, 'GET', '/members', { token: issued.token });
    expect(members.status).toBe(403);
    expect(members.body.code).toBe('api_token_scope');
    // a route no token may call, whatever its scopes
    expect((await call(server.api, 'GET', '/api-tokens', { token: issued.token })).status).toBe(403);
    expect((await call(server.api, 'GET', '/auth/me', { token: issued.token })).status).toBe(403);

    const rows = await server.sql<{ token_hash: string }>(`SELECT token_hash FROM api_token WHERE id = $1`, [
      issued.id,
    ]);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await server.sql(`SELECT * FROM api_token`))).not.toContain(issued.token);

    const list = await call<ApiTokenView[]>(server.api, 'GET', '/api-tokens', { token: admin });
    const mine = list.body.find((t) => t.id === issued.id)!;
    expect(mine).toMatchObject({ name: '会計システム', scopes: ['events:read'], expiresAt: null });
    expect(mine.lastUsedAt).not.toBeNull();
    expect(Date.now() - new Date(mine.lastUsedAt!).getTime()).toBeLessThan(120_000);
    expect(list.text).not.toContain(issued.token);
  });

  it('a revoked token is refused at once, an expired one too, an unknown one as well', async () => {
    const issued = await issue('revoked', ['events:read']);
    expect((await call(server.api, 'GET', '/events', { token: issued.token })).status).toBe(200);
    expect((await call(server.api, 'DELETE', `/api-tokens/${issued.id}`, { token: admin })).status).toBe(204);
    expect((await call(server.api, 'GET', '/events', { token: issued.token })).status).toBe(401);
    expect((await call(server.api, 'DELETE', `/api-tokens/${issued.id}`, { token: admin })).status).toBe(404);
    const list = await call<ApiTokenView[]>(server.api, 'GET', '/api-tokens', { token: admin });
    expect(list.body.some((t) => t.id === issued.id)).toBe(false);

    const soon = await issue('expiring', ['events:read'], new Date(Date.now() + 60_000).toISOString());
    expect((await call(server.api, 'GET', '/events', { token: soon.token })).status).toBe(200);
    await server.sql(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1`, [soon.id]);
    expect((await call(server.api, 'GET', '/events', { token: soon.token })).status).toBe(401);

    expect((await call(server.api, 'GET', '/events', { token: `cpt_${'x'.repeat(43)}` })).status).toBe(401);
  });

  it('every write by a token is in the audit trail under its name', async () => {
    const event = await createJobFair(server.api, staff, {
      title: { ja: 'トークン登録', en: 'Token sign-up' },
      capacity: 10,
      daysAhead: 9,
    });
    const issued = await issue('受付システム', ['registrations:write', 'events:read']);
    const reg = await call<{ registrations: { id: string }[] }>(
      server.api,
      'POST',
      `/events/${event.id}/registrations`,
      {
        token: issued.token,
        body: { participants: [{ name: '連携 太郎', nameKana: 'レンケイ タロウ', email: 'token-reg@example.jp' }] },
      },
    );
    expect(reg.status).toBe(201);
    const id = reg.body.registrations[0]!.id;
    expect((await call(server.api, 'POST', `/registrations/${id}/cancel`, { token: issued.token })).status).toBe(200);
    const audit = await server.sql<{ action: string; actor_role: string; detail: { apiToken?: { name: string } } }>(
      `SELECT action, actor_role, detail FROM audit_log WHERE detail->'apiToken'->>'id' = $1 ORDER BY at`,
      [issued.id],
    );
    expect(audit.map((a) => [a.action, a.actor_role, a.detail.apiToken?.name])).toEqual([
      ['POST /api/events/:id/registrations', 'api_token', '受付システム'],
      ['POST /api/registrations/:id/cancel', 'api_token', '受付システム'],
    ]);
    // and the audit viewer names it (the admin who made it stays the actor)
    const viewer = await call<{ actorRole: string; action: string; summary: string }[]>(
      server.api,
      'GET',
      '/audit?entity=registrations&pageSize=100',
      { token: admin },
    );
    expect(viewer.status).toBe(200);
    const byToken = viewer.body.filter((r) => r.actorRole === 'api_token');
    expect(byToken.map((r) => r.action).sort()).toEqual([
      'POST /api/events/:id/registrations',
      'POST /api/registrations/:id/cancel',
    ]);
    expect(byToken.every((r) => r.summary.includes('API token: 受付システム'))).toBe(true);
    // registrations:write does not open the rest of staff's writes
    const edit = await call(server.api, 'PATCH', `/events/${event.id}`, {
      token: issued.token,
      body: { capacity: 20 },
    });
    expect(edit.status).toBe(403);
  });

  it('is rate-limited per token (429), another token unaffected', async () => {
    const busy = await issue('busy', ['events:read']);
    const calm = await issue('calm', ['events:read']);
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++)
      statuses.push((await call(server.api, 'GET', '/events', { token: busy.token })).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(40);
    expect(statuses.slice(40)).toEqual([429, 429, 429, 429, 429]);
    expect((await call(server.api, 'GET', '/events', { token: calm.token })).status).toBe(200);
  });
});
