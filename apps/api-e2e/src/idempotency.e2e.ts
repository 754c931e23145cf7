import { randomUUID } from 'crypto';
import { call, createJobFair, login, RunningServer, startServer } from './support/server';

interface SignUp {
  id: string;
  cancelToken?: string;
  errors?: { field: string; message: string }[];
}

describe.each([
  ['PostgreSQL', false],
  ['embedded PGlite', true],
])('Idempotency-Key is bound to its caller and body (%s)', (_engine, embedded) => {
  let server: RunningServer;
  let staff: string;

  beforeAll(async () => {
    server = await startServer({ embedded });
    staff = (await login(server.api, 'staff@example.jp')).accessToken;
  });
  afterAll(() => server.stop());

  const roster = async (eventId: string) =>
    (await call<unknown[]>(server.api, 'GET', `/events/${eventId}/roster`, { token: staff })).body.length;

  it('replays the same body, refuses another body (422 naming the header): no one gets another’s cancel token', async () => {
    const event = await createJobFair(server.api, staff, {
      title: { ja: '説明会', en: 'Fair' },
      capacity: 10,
      daysAhead: 5,
    });
    const key = randomUUID();
    const path = `/public/events/${event.id}/registrations`;
    const hanako = { name: '相模 花子', nameKana: 'サガミ ハナコ', email: 'hanako@example.jp' };
    const first = await call<SignUp>(server.api, 'POST', path, { body: hanako, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    expect(first.body.cancelToken).toBeTruthy();

    const again = await call<SignUp>(server.api, 'POST', path, { body: hanako, headers: { 'idempotency-key': key } });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);

    const taro = { name: '相模 太郎', nameKana: 'サガミ タロウ', email: 'taro@example.jp' };
    const other = await call<SignUp>(server.api, 'POST', path, { body: taro, headers: { 'idempotency-key': key } });
    expect(other.status).toBe(422);
    expect(other.body.errors?.map((e) => e.field)).toEqual(['Idempotency-Key']);
    expect(other.text).not.toContain(first.body.cancelToken!);
    expect(await roster(event.id)).toBe(1);

    // a new key for the other body works as usual
    const fresh = await call<SignUp>(server.api, 'POST', path, {
      body: taro,
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(fresh.status).toBe(201);
    expect(await roster(event.id)).toBe(2);
  });

  it('keeps keys apart per account: the same key and body from another account is its own request', async () => {
    const admin = (await login(server.api, 'admin@example.jp')).accessToken;
    const key = randomUUID();
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    const body = {
      kind: 'seminar',
      title: { ja: '経営セミナー', en: 'Seminar' },
      actionItemCode: 'A1-1',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
      venue: '会議所',
      capacity: 30,
      audience: 'members',
    };
    const mine = await call<SignUp>(server.api, 'POST', '/events', {
      token: staff,
      body,
      headers: { 'idempotency-key': key },
    });
    const replay = await call<SignUp>(server.api, 'POST', '/events', {
      token: staff,
      body,
      headers: { 'idempotency-key': key },
    });
    const theirs = await call<SignUp>(server.api, 'POST', '/events', {
      token: admin,
      body,
      headers: { 'idempotency-key': key },
    });
    expect([mine.status, replay.status, theirs.status]).toEqual([201, 201, 201]);
    expect(replay.body.id).toBe(mine.body.id);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    const changed = await call<SignUp>(server.api, 'POST', '/events', {
      token: staff,
      body: { ...body, capacity: 31 },
      headers: { 'idempotency-key': key },
    });
    expect(changed.status).toBe(422);
  });
});
