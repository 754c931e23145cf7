import { startTestApp, TestApp } from '../../testing/test-app';

describe('answers are compressed, event streams are not (real HTTP)', () => {
  let t: TestApp;
  let staff: string;
  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.login('staff@example.jp');
  });
  afterAll(() => t.close());

  it('gzips a large JSON answer for a client that accepts it, and leaves it plain for one that does not', async () => {
    const gz = await fetch(`${t.api}/plan?fiscalYear=2020`, {
      headers: { authorization: `Bearer ${staff}`, 'accept-encoding': 'gzip' },
    });
    expect(gz.status).toBe(200);
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const plain = await fetch(`${t.api}/plan?fiscalYear=2020`, {
      headers: { authorization: `Bearer ${staff}`, 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await gz.json()).toEqual(await plain.json());
  });

  it('never compresses the KPI event stream (each event must reach the dashboard at once)', async () => {
    const abort = new AbortController();
    const res = await fetch(`${t.api}/kpis/stream`, {
      headers: { authorization: `Bearer ${staff}`, 'accept-encoding': 'gzip', accept: 'text/event-stream' },
      signal: abort.signal,
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('content-encoding')).toBeNull();
    abort.abort();
  });
});
