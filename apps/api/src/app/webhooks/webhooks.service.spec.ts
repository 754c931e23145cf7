import { startTestApp, TestApp } from '../../testing/test-app';
import { WebhookOutbox } from './webhook-outbox';
import { WebhooksService } from './webhooks.service';

describe('webhooks (service)', () => {
  let t: TestApp;
  let endpointId: string;

  beforeAll(async () => {
    t = await startTestApp({ WEBHOOK_LOG_DAYS: '30' });
    const [row] = (await t.db.query(
      `INSERT INTO webhook_endpoint (url, events, secret) VALUES ('http://127.0.0.1:9/x', '{member.created,kpi.changed}', 'whsec_AAAA') RETURNING id`,
    )) as { id: string }[];
    endpointId = row!.id;
  });

  afterAll(async () => {
    await t?.close();
  });

  const deliveries = async () =>
    (await t.db.query(`SELECT event_type, payload FROM webhook_delivery WHERE endpoint_id = $1 ORDER BY created_at`, [
      endpointId,
    ])) as { event_type: string; payload: { type: string; data: Record<string, unknown> } }[];

  it('records in the caller transaction only: nothing outside one, nothing after a rollback', async () => {
    const outbox = t.app.get(WebhookOutbox);
    await expect(outbox.record(t.db.manager, 'member.created', { memberId: 'x' })).rejects.toThrow(/transaction/);
    await t.db
      .transaction(async (m) => {
        await outbox.record(m, 'member.created', { memberId: 'rolled-back' });
        throw new Error('the change fails after its webhook was recorded');
      })
      .catch(() => undefined);
    expect(await deliveries()).toEqual([]);
    // a type the endpoint does not want writes nothing; one it wants writes one row per element
    await t.db.transaction(async (m) => {
      await outbox.record(m, 'member.left', { memberId: 'a' });
      await outbox.record(m, 'member.created', { memberId: 'a' }, { memberId: 'b' });
    });
    const rows = await deliveries();
    expect(rows.map((r) => [r.event_type, r.payload.type, r.payload.data['memberId']])).toEqual([
      ['member.created', 'member.created', 'a'],
      ['member.created', 'member.created', 'b'],
    ]);
  });

  it('an inactive endpoint gets nothing', async () => {
    await t.db.query(`DELETE FROM webhook_delivery`);
    await t.db.query(`UPDATE webhook_endpoint SET active = false WHERE id = $1`, [endpointId]);
    await t.db.transaction((m) => t.app.get(WebhookOutbox).record(m, 'member.created', { memberId: 'c' }));
    expect(await deliveries()).toEqual([]);
    await t.db.query(`UPDATE webhook_endpoint SET active = true WHERE id = $1`, [endpointId]);
  });

  it('prunes delivered and failed deliveries past WEBHOOK_LOG_DAYS, keeps pending and recent ones', async () => {
    await t.db.query(`DELETE FROM webhook_delivery`);
    await t.db.query(
      `INSERT INTO webhook_delivery (endpoint_id, event_type, payload, status, created_at)
       SELECT $1, 'member.created', '{}'::jsonb, s, now() - d * interval '1 day'
       FROM (VALUES ('delivered', 31), ('failed', 45), ('pending', 60), ('delivered', 29)) AS v(s, d)`,
      [endpointId],
    );
    expect(await t.app.get(WebhooksService).prune()).toBe(2);
    const left = (await t.db.query(`SELECT status FROM webhook_delivery ORDER BY status`)) as { status: string }[];
    expect(left.map((r) => r.status)).toEqual(['delivered', 'pending']);
  });
});
