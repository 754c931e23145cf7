/**
 * Browser journey: check-in at the venue with no network (issue 17). Two staff devices (two
 * browser contexts: their own storage, IndexedDB and service worker) open the check-in page once
 * online, lose the network (context.setOffline), reload the page offline, check three people in
 * between them (one of them on both), come back online one after the other, and the server holds
 * three check-ins counted once each, the second device told who had the duplicate first.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { EventDetail, RegistrationView, RosterEntry } from '@chamber/contracts';
import { fiscalYearOf } from '@chamber/domain';
import { apiLogin, launchBrowser, startServer, waitFor, type RunningServer } from '../support/server';

jest.setTimeout(180_000);

interface Counter {
  measure: string;
  value: number;
  ledgerSum: number;
}

describe('portal journey: offline check-in on two devices', () => {
  let server: RunningServer;
  let browser: Browser | undefined;
  let staff: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    staff = await apiLogin(server.api, 'staff@example.jp');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.api}${path}`, {
      method,
      headers: { authorization: `Bearer ${staff}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  async function attendance(fiscalYear: number): Promise<Counter> {
    const counters = await api<Counter[]>('GET', `/kpis/counters?actionItemCode=A1-1&fiscalYear=${fiscalYear}`);
    return counters.find((c) => c.measure === 'attendance') ?? { measure: 'attendance', value: 0, ledgerSum: 0 };
  }

  /** A device: signed in, the check-in page opened online, then the network gone and the page reloaded. */
  async function device(eventId: string): Promise<{ context: BrowserContext; page: Page; id: string }> {
    const context = await browser!.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.fill('[data-testid="login-email"]', 'staff@example.jp');
    await page.fill('[data-testid="login-password"]', 'demo-pass-2019');
    await page.click('[data-testid="login-submit"]');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 20_000 });
    await page.goto(`${server.baseUrl}/events/${eventId}/check-in`);
    await page.locator('[data-testid="attended-count"]', { hasText: '0 / 3' }).waitFor({ timeout: 20_000 });
    // Angular's worker (ngsw-worker.js) is installed and keeps the app's files (ngsw.json's prefetch)
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.locator('[data-testid="attended-count"]', { hasText: '0 / 3' }).waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

    await context.setOffline(true);
    await page.reload();
    await page.locator('[data-testid="network-state"]', { hasText: 'オフライン' }).waitFor({ timeout: 20_000 });
    await page.locator('[data-testid="attended-count"]', { hasText: '0 / 3' }).waitFor({ timeout: 20_000 });
    // the network is really gone, for the worker too: a file never loaded cannot be fetched (the
    // worker answers 504 Gateway Timeout), so the page above came from the worker's cache
    const fetched = await page.evaluate(() =>
      fetch(`/assets/favicon.svg?never-loaded=${Date.now()}`).then(
        (r) => r.status,
        () => 'failed',
      ),
    );
    expect(['failed', 504]).toContain(fetched);
    // the worker on the page is Angular's, and it never answers for /api from a cache (the portal's
    // own calls pass it by, ngsw-bypass; any other goes to the network, here gone)
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/ngsw-worker\.js$/);
    const apiOffline = await page.evaluate(() =>
      fetch('/api/auth/me').then(
        (r) => r.status,
        () => 'failed',
      ),
    );
    expect(['failed', 504]).toContain(apiOffline);
    const id = (await page.locator('[data-testid="device-id"]').innerText()).replace(/^端末\s*/, '').trim();
    return { context, page, id };
  }

  async function byName(page: Page, kana: string, registrationId: string): Promise<void> {
    await page.fill('[data-testid="check-in-search"]', kana);
    await page.click(`[data-testid="check-in-${registrationId}"]`);
  }

  async function byCode(page: Page, token: string): Promise<void> {
    await page.fill('[data-testid="check-in-code"]', token);
    await page.press('[data-testid="check-in-code"]', 'Enter');
  }

  it('serves the files naming the build (ngsw.json, the worker, index.html) uncached, hashed files for an hour', async () => {
    const cacheControl = async (path: string) => {
      const res = await fetch(`${server.baseUrl}${path}`);
      expect(res.status).toBe(200);
      return res.headers.get('cache-control');
    };
    for (const path of ['/ngsw.json', '/ngsw-worker.js', '/safety-worker.js', '/index.html', '/manifest.webmanifest'])
      expect([path, await cacheControl(path)]).toEqual([path, 'no-cache']);
    const manifest = (await (await fetch(`${server.baseUrl}/ngsw.json`)).json()) as {
      assetGroups: { name: string; urls: string[] }[];
      dataGroups?: unknown[];
      navigationUrls: { positive: boolean; regex: string }[];
    };
    // the app shell and its assets kept ahead; nothing of /api (no data groups; not a navigation)
    const urls = manifest.assetGroups.flatMap((g) => g.urls);
    expect(urls).toEqual(
      expect.arrayContaining(['/index.html', '/manifest.webmanifest', '/assets/i18n/events/ja.json']),
    );
    expect(urls.filter((u) => u.startsWith('/api'))).toEqual([]);
    expect(manifest.dataGroups ?? []).toEqual([]);
    const excluded = manifest.navigationUrls.filter((n) => !n.positive).map((n) => new RegExp(n.regex));
    expect(excluded.some((r) => r.test('/api/events/x/check-in-roster'))).toBe(true);
    expect(excluded.some((r) => r.test('/events/x/check-in'))).toBe(false);
    const chunk = urls.find((u) => /^\/main-.*\.js$/.test(u))!;
    expect(await cacheControl(chunk)).toBe('public, max-age=3600');
  });

  it('checks three people in offline on two devices; back online, each counts once and the duplicate is reported', async () => {
    const start = Date.now() - 3_600_000;
    const event = await api<EventDetail>('POST', '/events', {
      kind: 'job_fair',
      title: { ja: 'オフライン受付 合同就職説明会', en: 'Offline check-in job fair' },
      actionItemCode: 'A1-1',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 4 * 3_600_000).toISOString(),
      venue: '商工会議所 3階ホール',
      capacity: 10,
      audience: 'students',
    });
    const { registrations } = await api<{ registrations: { id: string }[] }>(
      'POST',
      `/events/${event.id}/registrations`,
      {
        participants: [
          { name: '大野 一郎', nameKana: 'オオノ イチロウ', email: 'ichiro@example.ac.jp' },
          { name: '大野 二郎', nameKana: 'オオノ ジロウ', email: 'jiro@example.ac.jp' },
          { name: '大野 三郎', nameKana: 'オオノ サブロウ', email: 'saburo@example.ac.jp' },
        ],
      },
    );
    const [a, b, c] = await Promise.all(
      registrations.map((r) => api<RegistrationView>('GET', `/registrations/${r.id}`)),
    );
    const fiscalYear = fiscalYearOf(event.startsAt);
    const before = await attendance(fiscalYear);

    const one = await device(event.id);
    const two = await device(event.id);
    expect(one.id).not.toBe(two.id);

    // device one: 一郎 by QR code (typed), 二郎 by name; device two: 二郎 too, and 三郎 by QR code
    await byCode(one.page, a!.checkInToken!);
    await byName(one.page, 'じろう', b!.id);
    await one.page.locator('[data-testid="pending-count"]', { hasText: '2' }).waitFor();
    await byName(two.page, 'オオノ ジ', b!.id);
    await byCode(two.page, c!.checkInToken!);
    await two.page.locator('[data-testid="pending-count"]', { hasText: '2' }).waitFor();
    // nothing reached the server
    expect((await attendance(fiscalYear)).value).toBe(before.value);

    await one.context.setOffline(false);
    await one.page.locator('[data-testid="pending-count"]', { hasText: '0' }).waitFor({ timeout: 45_000 });
    await one.page.locator('[data-testid="check-in-log"] li[data-outcome="checked_in"]').nth(1).waitFor();

    await two.context.setOffline(false);
    await two.page.locator('[data-testid="pending-count"]', { hasText: '0' }).waitFor({ timeout: 45_000 });
    const duplicate = two.page.locator('[data-testid="check-in-log"] li[data-outcome="already_checked_in"]');
    await duplicate.waitFor();
    expect(await duplicate.innerText()).toContain('大野 二郎');
    expect(await duplicate.innerText()).toContain(one.id);
    expect(await two.page.locator('[data-testid="check-in-log"] li[data-outcome="checked_in"]').count()).toBe(1);

    const roster = await waitFor(
      async () => {
        const rows = await api<RosterEntry[]>('GET', `/events/${event.id}/roster`);
        return rows.filter((r) => r.status === 'attended').length === 3 ? rows : undefined;
      },
      10_000,
      'three check-ins',
    );
    expect(roster.map((r) => r.status)).toEqual(['attended', 'attended', 'attended']);
    const after = await attendance(fiscalYear);
    expect(after.value - before.value).toBe(3);
    expect(after.value).toBe(after.ledgerSum);

    // signing out takes the participants' names off the device
    const rostersKept = (page: Page) =>
      page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const req = indexedDB.open('chamber-check-in');
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              const count = req.result.transaction('rosters').objectStore('rosters').count();
              count.onsuccess = () => resolve(count.result);
              count.onerror = () => reject(count.error);
            };
          }),
      );
    expect(await rostersKept(one.page)).toBe(1);
    await one.page.click('[data-testid="account-menu"]');
    await one.page.click('[data-testid="sign-out"]');
    await one.page.waitForURL(/\/login/);
    await waitFor(async () => (await rostersKept(one.page)) === 0, 5000, 'the roster gone from the device');
    await one.context.close();
    await two.context.close();
  });
});
