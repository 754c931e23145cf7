import { createHash, randomUUID } from 'crypto';
import type { CheckInRoster, CheckInSyncItem, CheckInSyncResponse, CheckInSyncResult } from '@chamber/contracts';
import { fiscalYearOf } from '@chamber/domain';
import { call, createJobFair, E2E_ENGINE, login, RunningServer, startServer } from './support/server';

/**
 * Offline check-in (issue 17) over real HTTP: the roster a device keeps and the sync of check-ins
 * made with no network. Whatever is sent (retries, two devices, online check-ins in between, two
 * syncs at once, 500 items), each person is checked in once with the earliest scan's time and the
 * event's attendance counter moves by exactly the number of distinct people, counter = ledger.
 */

interface Person {
  id: string;
  token: string;
}

interface Counter {
  measure: string;
  value: number;
  ledgerSum: number;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`offline check-in sync (${E2E_ENGINE})`, () => {
  let server: RunningServer;
  let staff: string;
  let eventId: string;
  let fiscalYear: number;
  let people: Person[];
  let waitlisted: string[];
  let cancelled: string;
  /** after every registration was made: scans are sent at T0 + ms, all in the past when sent */
  let t0: number;
  let attendanceBefore: number;
  /** the earliest time each person was seen, to compare with the roster at the end */
  const earliest = new Map<string, number>();

  const api = (method: string, path: string, body?: unknown) => call(server.api, method, path, { token: staff, body });
  const sync = (deviceId: string, items: CheckInSyncItem[], query = '') =>
    call<CheckInSyncResponse>(server.api, 'POST', `/events/${eventId}/check-ins/sync${query}`, {
      token: staff,
      body: { deviceId, items },
    });
  const at = (ms: number) => new Date(t0 + ms).toISOString();
  const seen = (id: string, ms: number) => earliest.set(id, Math.min(earliest.get(id) ?? Infinity, ms));

  async function attendance(): Promise<Counter> {
    const res = await api('GET', `/kpis/counters?actionItemCode=A1-1&fiscalYear=${fiscalYear}`);
    expect(res.status).toBe(200);
    const c = (res.body as Counter[]).find((x) => x.measure === 'attendance');
    return c ?? { measure: 'attendance', value: 0, ledgerSum: 0 };
  }

  async function roster(id = eventId): Promise<CheckInRoster> {
    const res = await call<CheckInRoster>(server.api, 'GET', `/events/${id}/check-in-roster`, { token: staff });
    expect(res.status).toBe(200);
    return res.body;
  }

  async function register(event: string, from: number, count: number): Promise<{ id: string; status: string }[]> {
    const out: { id: string; status: string }[] = [];
    for (let start = from; start < from + count; start += 50) {
      const n = Math.min(50, from + count - start);
      const participants = Array.from({ length: n }, (_, i) => ({
        name: `来場 ${start + i}`,
        nameKana: 'ライジョウ',
        email: `visitor${start + i}-${event.slice(0, 8)}@example.ac.jp`,
      }));
      const res = await api('POST', `/events/${event}/registrations`, { participants });
      if (res.status !== 201) throw new Error(`register: ${res.status} ${res.text}`);
      out.push(...(res.body as { registrations: { id: string; status: string }[] }).registrations);
    }
    return out;
  }

  beforeAll(async () => {
    server = await startServer({ env: { LOG_LEVEL: 'warn' } });
    staff = (await login(server.api, 'staff@example.jp')).accessToken;
    // started an hour ago: check-in is on the event's day; 520 seats, then 3 on the waitlist
    const event = await createJobFair(server.api, staff, {
      title: { ja: 'オフライン受付', en: 'Offline check-in' },
      capacity: 520,
      daysAhead: -1 / 24,
    });
    eventId = event.id;
    fiscalYear = fiscalYearOf(event.startsAt);
    const regs = await register(eventId, 0, 523);
    expect(regs.filter((r) => r.status === 'waitlisted')).toHaveLength(3);
    // cancelling one promotes the first waitlisted: 520 registered, 2 waitlisted, 1 cancelled
    const cancel = await api('POST', `/registrations/${regs[0]!.id}/cancel`);
    expect(cancel.status).toBe(200);
    cancelled = regs[0]!.id;
    waitlisted = regs.slice(521).map((r) => r.id);
    const registered = [...regs.slice(1, 520), regs[520]!].map((r) => r.id);
    people = [];
    for (const id of registered.slice(0, 20)) {
      const one = await api('GET', `/registrations/${id}`);
      people.push({ id, token: (one.body as { checkInToken: string }).checkInToken });
    }
    people.push(...registered.slice(20).map((id) => ({ id, token: '' })));
    expect(people).toHaveLength(520);
    attendanceBefore = (await attendance()).value;
    t0 = Date.now() + 50;
    await sleep(1500);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('gives a device every registration with the SHA-256 of its QR token, never the token', async () => {
    const res = await call<CheckInRoster>(server.api, 'GET', `/events/${eventId}/check-in-roster`, { token: staff });
    expect(res.status).toBe(200);
    expect(res.body.eventId).toBe(eventId);
    expect(Math.abs(Date.parse(res.body.syncedAt) - Date.now())).toBeLessThan(60_000);
    expect(res.body.entries).toHaveLength(523);
    const first = res.body.entries.find((e) => e.registrationId === people[0]!.id)!;
    expect(first).toMatchObject({ status: 'registered', checkedInAt: null, tokenHash: sha256(people[0]!.token) });
    expect(res.text).not.toContain(people[0]!.token);
    const statuses = new Map(res.body.entries.map((e) => [e.registrationId, e.status]));
    expect(statuses.get(cancelled)).toBe('cancelled');
    expect(waitlisted.map((id) => statuses.get(id))).toEqual(['waitlisted', 'waitlisted']);
    const other = await call(server.api, 'GET', `/events/${randomUUID()}/check-in-roster`, { token: staff });
    expect(other.status).toBe(404);
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const before = await attendance();
    const ok = { clientId: randomUUID(), registrationId: people[0]!.id, scannedAt: at(0) };
    const cases: [unknown, string][] = [
      [{ items: [ok] }, 'deviceId'],
      [{ deviceId: 'a', items: Array.from({ length: 501 }, () => ({ ...ok, clientId: randomUUID() })) }, 'items'],
      [{ deviceId: 'a', items: [{ ...ok, scannedAt: 'yesterday' }] }, 'items.0.scannedAt'],
      [{ deviceId: 'a', items: [ok, { clientId: randomUUID(), scannedAt: at(0) }] }, 'items.1.token'],
      [{ deviceId: 'a', items: [{ ...ok, token: people[0]!.token }] }, 'items.0.registrationId'],
      [{ deviceId: 'a', items: [{ ...ok, registrationId: 'not-a-uuid' }] }, 'items.0.registrationId'],
      [{ deviceId: 'a', items: [{ ...ok, clientId: '' }] }, 'items.0.clientId'],
    ];
    for (const [body, field] of cases) {
      const res = await call<{ errors: { field: string }[] }>(server.api, 'POST', `/events/${eventId}/check-ins/sync`, {
        token: staff,
        body,
      });
      expect([res.status, res.body.errors?.map((e) => e.field)]).toEqual([400, expect.arrayContaining([field])]);
    }
    expect(await attendance()).toEqual(before);
    expect((await roster()).entries.filter((e) => e.status === 'attended')).toHaveLength(0);
    const member = (await login(server.api, 'member-admin@example.jp')).accessToken;
    const denied = await call(server.api, 'POST', `/events/${eventId}/check-ins/sync`, {
      token: member,
      body: { deviceId: 'a', items: [ok] },
    });
    expect(denied.status).toBe(403);
  });

  it('answers each kind of item, and a retry (lost answer) the same, counting nothing again', async () => {
    const [p0, p1, p2] = people;
    // p0 checked in online at the desk first; the offline device saw them earlier
    const online = await api('POST', `/registrations/${p0!.id}/check-in`);
    expect(online.status).toBe(200);
    const items: CheckInSyncItem[] = [
      { clientId: randomUUID(), token: p1!.token, scannedAt: at(30) },
      { clientId: randomUUID(), registrationId: p2!.id, scannedAt: at(20) },
      { clientId: randomUUID(), token: ` ${p0!.token}\n`, scannedAt: at(10) },
      { clientId: randomUUID(), token: 'AbCdEfGhIjKlMnOpQrStUvWx', scannedAt: at(40) },
      { clientId: randomUUID(), token: 'not a code', scannedAt: at(40) },
      { clientId: randomUUID(), registrationId: randomUUID(), scannedAt: at(40) },
      { clientId: randomUUID(), registrationId: waitlisted[0]!, scannedAt: at(40) },
      { clientId: randomUUID(), registrationId: cancelled, scannedAt: at(40) },
    ];
    const res = await sync('device-A', items);
    expect(res.status).toBe(200);
    const expected: Partial<CheckInSyncResult>[] = [
      { outcome: 'checked_in', registrationId: p1!.id, checkedInAt: at(30), firstDeviceId: 'device-A' },
      { outcome: 'checked_in', registrationId: p2!.id, checkedInAt: at(20), firstDeviceId: 'device-A' },
      // earlier than the online check-in: the kept time moves to this scan, nothing counted again
      { outcome: 'already_checked_in', registrationId: p0!.id, checkedInAt: at(10), firstDeviceId: 'device-A' },
      { outcome: 'unknown', registrationId: null, checkedInAt: null, firstDeviceId: null },
      { outcome: 'unknown', registrationId: null },
      { outcome: 'unknown', registrationId: null },
      { outcome: 'not_registered', registrationId: waitlisted[0]!, checkedInAt: null },
      { outcome: 'not_registered', registrationId: cancelled, checkedInAt: null },
    ];
    expect(res.body.results).toEqual(
      expected.map((e, i) => expect.objectContaining({ ...e, clientId: items[i]!.clientId })),
    );
    seen(p0!.id, 10);
    seen(p1!.id, 30);
    seen(p2!.id, 20);
    expect((await attendance()).value - attendanceBefore).toBe(3);

    // the answer was lost: the same items again, and again with the items in another order
    const again = await sync('device-A', items);
    expect(again.body).toEqual(res.body);
    const shuffled = await sync('device-A', [...items].reverse());
    expect(shuffled.body.results).toEqual([...res.body.results].reverse());
    expect((await attendance()).value - attendanceBefore).toBe(3);
  });

  it('two devices: the person counts once, the earliest scan kept, the other device told who had them', async () => {
    const [, p1, p2, p3] = people;
    const a = await sync('device-A', [{ clientId: randomUUID(), token: p3!.token, scannedAt: at(200) }]);
    expect(a.body.results[0]).toMatchObject({ outcome: 'checked_in', checkedInAt: at(200) });
    const b = await sync('device-B', [
      // B saw p1 before A did (B was offline longer): the kept time moves to B's scan
      { clientId: randomUUID(), token: p1!.token, scannedAt: at(25) },
      // B saw p2 after A did: A's check-in stays
      { clientId: randomUUID(), registrationId: p2!.id, scannedAt: at(300) },
      { clientId: randomUUID(), token: p3!.token, scannedAt: at(250) },
    ]);
    expect(b.body.results).toEqual([
      expect.objectContaining({ outcome: 'already_checked_in', checkedInAt: at(25), firstDeviceId: 'device-B' }),
      expect.objectContaining({ outcome: 'already_checked_in', checkedInAt: at(20), firstDeviceId: 'device-A' }),
      expect.objectContaining({ outcome: 'already_checked_in', checkedInAt: at(200), firstDeviceId: 'device-A' }),
    ]);
    seen(p1!.id, 25);
    seen(p3!.id, 200);
    // online after an offline check-in: answers the kept one, counts nothing
    const online = await api('POST', `/registrations/${p3!.id}/check-in`);
    expect(online.body).toMatchObject({ alreadyCheckedIn: true, checkedInAt: at(200) });
    expect((await attendance()).value - attendanceBefore).toBe(4);
  });

  it('clamps a device clock in the future to the server time and one reset to 1970 to the registration time', async () => {
    const [, , , , p4, p5] = people;
    const before = Date.now();
    const res = await sync('device-C', [
      { clientId: randomUUID(), token: p4!.token, scannedAt: '2099-01-01T00:00:00Z' },
      { clientId: randomUUID(), token: p5!.token, scannedAt: '1970-01-01T00:00:00Z' },
    ]);
    const [future, past] = res.body.results;
    expect(Date.parse(future!.checkedInAt!)).toBeGreaterThanOrEqual(before - 5_000);
    expect(Date.parse(future!.checkedInAt!)).toBeLessThanOrEqual(Date.now() + 5_000);
    expect(Date.parse(past!.checkedInAt!)).toBeLessThan(t0);
    expect(Date.parse(past!.checkedInAt!)).toBeGreaterThan(t0 - 180_000);
    expect((await attendance()).value - attendanceBefore).toBe(6);
    earliest.set(p4!.id, Date.parse(future!.checkedInAt!) - t0);
    earliest.set(p5!.id, Date.parse(past!.checkedInAt!) - t0);
  });

  it('two syncs at once for the same 100 people check each in once', async () => {
    const group = people.slice(6, 106);
    const items = (ms: number) =>
      group.map((p, i) => ({ clientId: randomUUID(), registrationId: p.id, scannedAt: at(ms + i) }));
    const [x, y] = await Promise.all([sync('device-X', items(400)), sync('device-Y', items(600))]);
    expect([x.status, y.status]).toEqual([200, 200]);
    const all = [...x.body.results, ...y.body.results];
    expect(all.filter((r) => r.outcome === 'checked_in')).toHaveLength(100);
    expect(all.filter((r) => r.outcome === 'already_checked_in')).toHaveLength(100);
    group.forEach((p, i) => {
      const mine = all.filter((r) => r.registrationId === p.id).map((r) => r.outcome);
      expect(mine.sort()).toEqual(['already_checked_in', 'checked_in']);
      // whichever ran first, the earlier scan (X's) is the time kept (checked at the end)
      seen(p.id, 400 + i);
    });
    expect((await attendance()).value - attendanceBefore).toBe(106);
  });

  it('takes 500 items in one request, mixed with people already in; 500 is the limit', async () => {
    const rest = people.slice(106);
    const items: CheckInSyncItem[] = rest.map((p, i) => ({
      clientId: randomUUID(),
      ...(p.token ? { token: p.token } : { registrationId: p.id }),
      scannedAt: at(800 + i),
    }));
    // 414 new people and 86 scanned again from the earlier groups
    items.push(
      ...people.slice(6, 92).map((p) => ({ clientId: randomUUID(), registrationId: p.id, scannedAt: at(1400) })),
    );
    expect(items).toHaveLength(500);
    const started = Date.now();
    const res = await sync('device-Z', items);
    const ms = Date.now() - started;
    expect(res.status).toBe(200);
    console.info(`500-item sync on ${E2E_ENGINE}: ${ms} ms`);
    const outcomes = res.body.results.map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'checked_in')).toHaveLength(414);
    expect(outcomes.filter((o) => o === 'already_checked_in')).toHaveLength(86);
    rest.forEach((p, i) => seen(p.id, 800 + i));
    expect((await attendance()).value - attendanceBefore).toBe(520);
  });

  it('leaves each person checked in once with the earliest time; attendance moved by the distinct people, counter = ledger', async () => {
    const entries = (await roster()).entries;
    const attended = entries.filter((e) => e.status === 'attended');
    expect(attended).toHaveLength(520);
    expect(earliest.size).toBe(520);
    for (const e of attended) {
      expect([e.registrationId, Date.parse(e.checkedInAt!) - t0]).toEqual([
        e.registrationId,
        earliest.get(e.registrationId),
      ]);
    }
    expect(entries.filter((e) => e.status === 'waitlisted')).toHaveLength(2);
    const counter = await attendance();
    expect(counter.value - attendanceBefore).toBe(520);
    expect(counter.value).toBe(counter.ledgerSum);
    // the event was marked held once
    const event = await api('GET', `/events/${eventId}`);
    expect((event.body as { status: string }).status).toBe('held');
  });

  it("refuses a sync before the event's day unless staff confirm it (early=true), which does not mark it held", async () => {
    const later = await createJobFair(server.api, staff, {
      title: { ja: '来週の説明会', en: 'Next week' },
      capacity: 5,
      daysAhead: 7,
    });
    const [reg] = await register(later.id, 9000, 1);
    const body = {
      deviceId: 'd',
      items: [{ clientId: randomUUID(), registrationId: reg!.id, scannedAt: new Date().toISOString() }],
    };
    const before = await attendance();
    const refused = await call<{ code: string }>(server.api, 'POST', `/events/${later.id}/check-ins/sync`, {
      token: staff,
      body,
    });
    expect([refused.status, refused.body.code]).toEqual([409, 'not_yet']);
    expect(await attendance()).toEqual(before);
    const early = await call<CheckInSyncResponse>(server.api, 'POST', `/events/${later.id}/check-ins/sync?early=true`, {
      token: staff,
      body,
    });
    expect(early.body.results[0]!.outcome).toBe('checked_in');
    expect((await attendance()).value - before.value).toBe(1);
    const event = await api('GET', `/events/${later.id}`);
    expect((event.body as { status: string }).status).toBe('scheduled');
    // the same clientId on another event is another item
    const other = await sync('d', body.items);
    expect(other.body.results[0]!.outcome).toBe('unknown');
  });
});
