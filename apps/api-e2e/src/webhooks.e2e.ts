import { createServer, IncomingHttpHeaders, Server } from 'http';
import type { AddressInfo } from 'net';
import { Webhook } from 'standardwebhooks';
import type { CreateWebhookResponse, WebhookDeliveryView, WebhookEventType, WebhookView } from '@chamber/contracts';
import { WEBHOOK_EVENT_TYPES } from '@chamber/contracts';
import { call, createJobFair, login, RunningServer, startServer, thisRunsEngine } from './support/server';

/** What a receiver got: the verified body (standardwebhooks throws on a bad signature). */
interface Received {
  path: string;
  id: string;
  body: { type: WebhookEventType; timestamp: string; data: Record<string, unknown> };
  raw: string;
}

/** A real receiver on 127.0.0.1: each path answers with the status its function gives. */
class Receiver {
  readonly received: Received[] = [];
  readonly unverified: { path: string; headers: IncomingHttpHeaders }[] = [];
  readonly answers = new Map<string, (n: number) => number>();
  readonly secrets = new Map<string, string>();
  /** ms a path waits before it answers */
  readonly delays = new Map<string, number>();
  private readonly hits = new Map<string, number>();
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        const n = (this.hits.get(path) ?? 0) + 1;
        this.hits.set(path, n);
        const raw = Buffer.concat(chunks).toString('utf8');
        const secret = this.secrets.get(path);
        try {
          if (!secret) throw new Error('no secret for this path');
          const body = new Webhook(secret).verify(raw, headersOf(req.headers)) as Received['body'];
          this.received.push({ path, id: String(req.headers['webhook-id']), body, raw });
        } catch {
          this.unverified.push({ path, headers: req.headers });
        }
        res.statusCode = (this.answers.get(path) ?? (() => 200))(n);
        const delay = this.delays.get(path) ?? 0;
        if (delay) setTimeout(() => res.end('late'), delay).unref();
        else res.end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  stop(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function headersOf(h: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]));
}

async function until<T>(what: string, check: () => T | undefined | false, ms = 45_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(thisRunsEngine())('webhooks (%s)', (_name, embedded) => {
  let server: RunningServer;
  let admin: string;
  let staff: string;
  const receiver = new Receiver();

  beforeAll(async () => {
    await receiver.start();
    server = await startServer({
      embedded,
      env: {
        JOB_RETRY_DELAY_SECONDS: '1',
        WEBHOOK_RETRY_LIMIT: '1',
        WEBHOOK_DISABLE_AFTER_FAILURES: '3',
        WEBHOOK_TIMEOUT_MS: '1500',
      },
    });
    admin = (await login(server.api, 'admin@example.jp')).accessToken;
    staff = (await login(server.api, 'staff@example.jp')).accessToken;
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await receiver.stop();
  });

  async function endpoint(path: string, events: readonly WebhookEventType[]): Promise<string> {
    const res = await call<CreateWebhookResponse>(server.api, 'POST', '/webhooks', {
      token: admin,
      body: { url: `${receiver.url}${path}`, events, description: `receiver ${path}` },
    });
    expect(res.status).toBe(201);
    expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    receiver.secrets.set(path, res.body.secret);
    return res.body.id;
  }

  async function register(eventId: string, n: number): Promise<string> {
    const res = await call<{ id: string; status: string }>(
      server.api,
      'POST',
      `/public/events/${eventId}/registrations`,
      {
        body: { name: `参加 ${n}号`, nameKana: 'サンカ', email: `hook${n}@example.jp` },
      },
    );
    expect(res.status).toBe(201);
    return res.body.id;
  }

  it('refuses a URL that is not http(s), an unknown event type, and shows no secret in the list', async () => {
    const ftp = await call<{ errors: { field: string }[] }>(server.api, 'POST', '/webhooks', {
      token: admin,
      body: { url: 'ftp://127.0.0.1/x', events: ['member.created'] },
    });
    expect(ftp.status).toBe(400);
    expect(JSON.stringify(ftp.body)).toContain('url');
    const type = await call(server.api, 'POST', '/webhooks', {
      token: admin,
      body: { url: `${receiver.url}/x`, events: ['member.deleted'] },
    });
    expect(type.status).toBe(400);
    expect(type.text).toContain('events');
    const staffTry = await call(server.api, 'POST', '/webhooks', {
      token: staff,
      body: { url: `${receiver.url}/x`, events: ['member.created'] },
    });
    expect(staffTry.status).toBe(403);
    const id = await endpoint('/listed', ['member.created']);
    const list = await call<WebhookView[]>(server.api, 'GET', '/webhooks', { token: admin });
    expect(list.status).toBe(200);
    expect(list.body.find((w) => w.id === id)).toMatchObject({ active: true, events: ['member.created'] });
    expect(list.text).not.toContain(receiver.secrets.get('/listed')!.slice(6));
    expect((await call(server.api, 'DELETE', `/webhooks/${id}`, { token: admin })).status).toBe(204);
    expect((await call(server.api, 'DELETE', `/webhooks/${id}`, { token: admin })).status).toBe(404);
  });

  it('sends every event type once per change, signed as Standard Webhooks has it', async () => {
    const all = await endpoint('/all', WEBHOOK_EVENT_TYPES);
    const member = await login(server.api, 'member@example.jp');
    const expected = new Map<WebhookEventType, number>();
    const more = (t: WebhookEventType, n = 1) => expected.set(t, (expected.get(t) ?? 0) + n);

    // registrations: one seated, one waitlisted; cancelling the first promotes the second
    const event = await createJobFair(server.api, staff, {
      title: { ja: 'Webhook 就職面接会', en: 'Webhook job fair' },
      capacity: 1,
      daysAhead: 10,
    });
    const seated = await register(event.id, 1);
    const waiting = await register(event.id, 2);
    more('registration.created', 2);
    expect((await call(server.api, 'POST', `/registrations/${seated}/cancel`, { token: staff })).status).toBe(200);
    more('registration.cancelled');
    more('registration.promoted');
    const checkIn = await call(server.api, 'POST', `/registrations/${waiting}/check-in?early=true`, { token: staff });
    expect(checkIn.status).toBe(200);
    more('registration.checked_in');
    // and offline: a device's sync checks a third person in (sent once however often it is synced)
    const offline = await register(event.id, 3);
    const promotedAgain = await call(server.api, 'PATCH', `/events/${event.id}`, {
      token: staff,
      body: { capacity: 2 },
    });
    expect(promotedAgain.status).toBe(200);
    more('registration.promoted');
    const items = [{ clientId: 'scan-1', registrationId: offline, scannedAt: new Date().toISOString() }];
    for (let i = 0; i < 2; i++) {
      const synced = await call(server.api, 'POST', `/events/${event.id}/check-ins/sync?early=true`, {
        token: staff,
        body: { deviceId: 'tablet-1', items },
      });
      expect(synced.status).toBe(200);
    }
    more('registration.created');
    more('registration.checked_in');
    const outcome = await call(server.api, 'POST', `/registrations/${waiting}/outcomes`, {
      token: staff,
      body: { type: 'interview' },
    });
    expect(outcome.status).toBe(201);
    more('registration.outcome_recorded');

    // exams
    const sitting = await call<{ id: string }>(server.api, 'POST', '/exams', {
      token: staff,
      body: {
        examCode: 'boki',
        grade: '3',
        startsAt: new Date(Date.now() + 60 * 86_400_000).toISOString(),
        venue: '相模原商工会議所',
        capacity: 10,
        fee: 2850,
        audience: 'public',
      },
    });
    expect(sitting.status).toBe(201);
    const applied = await call<{ id: string }[] | { id: string }>(
      server.api,
      'POST',
      `/public/exams/${sitting.body.id}/applications`,
      {
        body: {
          name: '受験 太郎',
          nameKana: 'ジュケン タロウ',
          email: 'exam-hook@example.jp',
          birthDate: '2004-05-06',
          phone: '090-1234-5678',
        },
      },
    );
    expect(applied.status).toBe(201);
    more('exam_application.created');
    const applicationId = Array.isArray(applied.body) ? applied.body[0]!.id : applied.body.id;
    const result = await call(server.api, 'POST', `/exam-applications/${applicationId}/result`, {
      token: staff,
      body: { result: 'passed', score: 85 },
    });
    expect(result.status).toBe(200);
    more('exam_application.result_recorded');

    // members
    const company = await call<{ id: string }>(server.api, 'POST', '/members', {
      token: staff,
      body: {
        name: 'フック商事株式会社',
        nameKana: 'フックショウジ',
        industry: '卸売業',
        ward: 'chuo',
        joinedOn: '2020-04-01',
      },
    });
    expect(company.status).toBe(201);
    more('member.created');
    const renamed = await call(server.api, 'PATCH', `/members/${company.body.id}`, {
      token: staff,
      body: { industry: '小売業' },
    });
    expect(renamed.status).toBe(200);
    more('member.updated');
    const left = await call(server.api, 'PATCH', `/members/${company.body.id}`, {
      token: staff,
      body: { leftOn: '2021-03-31' },
    });
    expect(left.status).toBe(200);
    more('member.left');

    // suggestions: an anonymous one, answered
    const posted = await call<{ id: string }>(server.api, 'POST', '/suggestions', {
      token: member.accessToken,
      body: { category: 'other', body: '夜の部の開催を希望します', anonymous: true },
    });
    expect(posted.status).toBe(201);
    more('suggestion.created');
    const answered = await call(server.api, 'POST', `/suggestions/${posted.body.id}/answer`, {
      token: staff,
      body: { body: '検討します' },
    });
    expect(answered.status).toBe(200);
    more('suggestion.answered');

    const countOf = (t: WebhookEventType) => receiver.at('/all').filter((r) => r.body.type === t).length;
    await until(
      'every event type',
      () => [...expected].every(([t, n]) => countOf(t) >= n) && countOf('kpi.changed') > 0,
    );
    await sleep(2500); // time for a duplicate to show
    for (const [t, n] of expected) expect([t, countOf(t)]).toEqual([t, n]);
    expect(receiver.unverified.filter((u) => u.path === '/all')).toEqual([]);
    // each delivery once: no webhook-id twice
    const ids = receiver.at('/all').map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);

    const byType = (t: WebhookEventType) => receiver.at('/all').filter((r) => r.body.type === t);
    expect(byType('registration.created').map((r) => r.body.data)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ registrationId: seated, eventId: event.id, status: 'registered' }),
        expect.objectContaining({
          registrationId: waiting,
          eventId: event.id,
          status: 'waitlisted',
          waitlistPosition: 1,
        }),
      ]),
    );
    expect(byType('registration.cancelled')[0]!.body.data).toMatchObject({ registrationId: seated, eventId: event.id });
    // deliveries run side by side: they arrive in any order (receivers order by the body's timestamp)
    const regIds = (t: WebhookEventType) => byType(t).map((r) => r.body.data['registrationId']);
    expect(regIds('registration.promoted').sort()).toEqual([waiting, offline].sort());
    expect(regIds('registration.checked_in').sort()).toEqual([waiting, offline].sort());
    expect(byType('registration.outcome_recorded')[0]!.body.data).toMatchObject({ type: 'interview' });
    expect(byType('exam_application.result_recorded')[0]!.body.data).toMatchObject({
      applicationId,
      result: 'passed',
    });
    expect(byType('member.left')[0]!.body.data).toMatchObject({ memberId: company.body.id, leftOn: '2021-03-31' });
    expect(byType('kpi.changed').map((r) => r.body.data)).toEqual(
      expect.arrayContaining([expect.objectContaining({ actionItemCode: 'A1-1', measure: 'registrations', delta: 1 })]),
    );
    // the body as the specification has it
    const one = byType('member.created')[0]!;
    expect(Object.keys(JSON.parse(one.raw) as object).sort()).toEqual(['data', 'timestamp', 'type']);
    expect(new Date(one.body.timestamp).getTime()).toBeGreaterThan(Date.now() - 600_000);

    // an anonymous suggestion's payload names no one: not the account, its company or its address
    const suggestion = byType('suggestion.created')[0]!;
    expect(suggestion.body.data).toEqual({ suggestionId: posted.body.id, category: 'other', anonymous: true });
    for (const who of [member.user.id, member.user.email, member.user.memberId].filter(Boolean)) {
      expect(suggestion.raw).not.toContain(String(who));
    }

    // the delivery log
    const log = await call<WebhookDeliveryView[]>(server.api, 'GET', `/webhooks/${all}/deliveries`, { token: admin });
    expect(log.status).toBe(200);
    expect(log.body.length).toBe(receiver.at('/all').length);
    expect(log.body.every((d) => d.status === 'delivered' && d.attempts === 1 && d.lastStatusCode === 200)).toBe(true);
    expect((await call(server.api, 'DELETE', `/webhooks/${all}`, { token: admin })).status).toBe(204);
  });

  it('sends nothing for a refused change or one that rolled back', async () => {
    const id = await endpoint('/quiet', ['registration.created', 'registration.cancelled', 'registration.checked_in']);
    const event = await createJobFair(server.api, staff, {
      title: { ja: 'ロールバック確認', en: 'Rollback check' },
      capacity: 5,
      daysAhead: 12,
    });
    const reg = await register(event.id, 10);
    await until('the registration', () => receiver.at('/quiet').length >= 1);

    // refused: a second cancel (409), a check-in of a cancelled registration (409)
    expect((await call(server.api, 'POST', `/registrations/${reg}/cancel`, { token: staff })).status).toBe(200);
    expect((await call(server.api, 'POST', `/registrations/${reg}/cancel`, { token: staff })).status).toBe(409);
    const refused = await call(server.api, 'POST', `/registrations/${reg}/check-in?early=true`, { token: staff });
    expect(refused.status).toBe(409);

    // rolled back after the deliveries were written: the KPI ledger refuses the change's last write,
    // in the one-statement registration and in a cancellation
    const other = await register(event.id, 11);
    await server.sql(`CREATE FUNCTION e2e_refuse_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
    await server.sql(`CREATE TRIGGER e2e_refuse_ledger BEFORE INSERT ON kpi_ledger FOR EACH ROW
      WHEN (NEW.source_type IN ('registration', 'registration_cancelled')) EXECUTE FUNCTION e2e_refuse_ledger()`);
    try {
      const failed = await call(server.api, 'POST', `/public/events/${event.id}/registrations`, {
        body: { name: '取消 花子', nameKana: 'トリケシ', email: 'rolled-back@example.jp' },
      });
      expect(failed.status).toBe(500);
      expect((await call(server.api, 'POST', `/registrations/${other}/cancel`, { token: staff })).status).toBe(500);
    } finally {
      await server.sql(`DROP TRIGGER e2e_refuse_ledger ON kpi_ledger`);
      await server.sql(`DROP FUNCTION e2e_refuse_ledger()`);
    }
    await sleep(3000);
    const got = receiver.at('/quiet').map((r) => `${r.body.type} ${String(r.body.data['registrationId'])}`);
    expect(got.sort()).toEqual(
      [`registration.cancelled ${reg}`, `registration.created ${other}`, `registration.created ${reg}`].sort(),
    );
    const rows = await server.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM webhook_delivery WHERE endpoint_id = $1`,
      [id],
    );
    expect(rows[0]!.n).toBe(3);
    expect((await call(server.api, 'DELETE', `/webhooks/${id}`, { token: admin })).status).toBe(204);
  });

  it('a receiver that does not answer in time holds up no one: its try fails, the others are delivered', async () => {
    const slow = await endpoint('/slow', ['registration.created']);
    const fast = await endpoint('/fast', ['registration.created']);
    receiver.delays.set('/slow', 20_000);
    const event = await createJobFair(server.api, staff, {
      title: { ja: '時間切れ確認', en: 'Time-out check' },
      capacity: 20,
      daysAhead: 13,
    });
    const started = Date.now();
    const regs = [await register(event.id, 40), await register(event.id, 41), await register(event.id, 42)];
    await until('the fast receiver', () => receiver.at('/fast').length >= regs.length);
    // answered long before the slow receiver's 20 s: its tries end at the 1.5 s time-out
    expect(Date.now() - started).toBeLessThan(15_000);
    let log: WebhookDeliveryView[] = [];
    for (let i = 0; i < 100; i++) {
      log = (await call<WebhookDeliveryView[]>(server.api, 'GET', `/webhooks/${slow}/deliveries`, { token: admin }))
        .body;
      if (log.length === regs.length && log.every((d) => d.attempts >= 1)) break;
      await sleep(200);
    }
    expect(log).toHaveLength(regs.length);
    expect(log.every((d) => d.attempts >= 1 && d.lastStatusCode === null && d.status !== 'delivered')).toBe(true);
    receiver.delays.delete('/slow');
    for (const id of [slow, fast]) {
      expect((await call(server.api, 'DELETE', `/webhooks/${id}`, { token: admin })).status).toBe(204);
    }
  });

  it('retries after a 500, and redelivers on request with the same webhook-id', async () => {
    const id = await endpoint('/flaky', ['registration.created']);
    receiver.answers.set('/flaky', (n) => (n === 1 ? 500 : 200));
    const event = await createJobFair(server.api, staff, {
      title: { ja: '再送確認', en: 'Redelivery check' },
      capacity: 5,
      daysAhead: 14,
    });
    const reg = await register(event.id, 20);
    const [first, second] = await until('the retry', () => receiver.at('/flaky').length >= 2 && receiver.at('/flaky'));
    expect(first!.id).toBe(second!.id);
    expect(second!.body.data['registrationId']).toBe(reg);
    let deliveries: WebhookDeliveryView[] = [];
    for (let i = 0; i < 50; i++) {
      deliveries = (
        await call<WebhookDeliveryView[]>(server.api, 'GET', `/webhooks/${id}/deliveries`, { token: admin })
      ).body;
      if (deliveries[0]?.status === 'delivered') break;
      await sleep(200);
    }
    expect(deliveries).toEqual([
      expect.objectContaining({
        eventType: 'registration.created',
        status: 'delivered',
        attempts: 2,
        lastStatusCode: 200,
      }),
    ]);
    const again = await call(server.api, 'POST', `/webhooks/${id}/deliveries/${deliveries[0]!.id}/redeliver`, {
      token: admin,
    });
    expect(again.status).toBe(202);
    const third = await until('the redelivery', () => receiver.at('/flaky')[2]);
    expect(third.id).toBe(first!.id);
    expect(third.raw).toBe(first!.raw);
    const unknown = await call(server.api, 'POST', `/webhooks/${id}/deliveries/${id}/redeliver`, { token: admin });
    expect(unknown.status).toBe(404);
    expect((await call(server.api, 'DELETE', `/webhooks/${id}`, { token: admin })).status).toBe(204);
  });

  it('switches an endpoint off after repeated failures and tells the admins', async () => {
    const id = await endpoint('/down', ['registration.created']);
    receiver.answers.set('/down', () => 500);
    const event = await createJobFair(server.api, staff, {
      title: { ja: '停止確認', en: 'Switch-off check' },
      capacity: 5,
      daysAhead: 16,
    });
    // two tries each (WEBHOOK_RETRY_LIMIT=1): the third failure in a row switches it off
    await register(event.id, 30);
    await until('two tries', () => receiver.at('/down').length >= 2);
    await register(event.id, 31);
    let view: WebhookView | undefined;
    for (let i = 0; i < 150 && !(view && !view.active); i++) {
      view = (await call<WebhookView[]>(server.api, 'GET', '/webhooks', { token: admin })).body.find(
        (w) => w.id === id,
      );
      if (!view?.active) break;
      await sleep(200);
    }
    expect(view).toMatchObject({ active: false, consecutiveFailures: 3 });
    expect(view!.disabledAt).not.toBeNull();
    const mails = await server.sql<{ to_address: string }>(
      `SELECT to_address FROM mail_outbox WHERE kind = 'webhook_disabled' AND related_id = $1`,
      [id],
    );
    expect(mails.map((m) => m.to_address)).toContain('admin@example.jp');
    const tries = receiver.at('/down').length;
    expect(tries).toBe(3);
    // switched off: nothing more is written or sent
    await register(event.id, 32);
    await sleep(2500);
    expect(receiver.at('/down').length).toBe(tries);
    const redeliver = await call<WebhookDeliveryView[]>(server.api, 'GET', `/webhooks/${id}/deliveries`, {
      token: admin,
    });
    expect(redeliver.body).toHaveLength(2);
    const refused = await call(server.api, 'POST', `/webhooks/${id}/deliveries/${redeliver.body[0]!.id}/redeliver`, {
      token: admin,
    });
    expect(refused.status).toBe(409);
    // switched back on, it is sent again
    receiver.answers.set('/down', () => 200);
    const on = await call<WebhookView>(server.api, 'PATCH', `/webhooks/${id}`, {
      token: admin,
      body: { active: true },
    });
    expect(on.body).toMatchObject({ active: true, consecutiveFailures: 0, disabledAt: null });
    expect(
      (
        await call(server.api, 'POST', `/webhooks/${id}/deliveries/${redeliver.body[0]!.id}/redeliver`, {
          token: admin,
        })
      ).status,
    ).toBe(202);
    await until('the redelivery', () => receiver.at('/down').length > tries);
  });
});
