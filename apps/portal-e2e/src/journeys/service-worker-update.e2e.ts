/**
 * Browser journey: a deploy reaches a portal left open (issue 17). Angular's service worker
 * (ngsw-worker.js) controls the page; a new build appears on the server (here: ngsw.json and
 * index.html answered by the test with a changed index.html and its hash); the page asks for it
 * when shown again (SwUpdate.checkForUpdate), the worker fetches it and says VERSION_READY. The
 * open page is not reloaded under the user's hands (the dashboard keeps its live stream); the next
 * move to another page loads that page afresh, on the new build.
 */
import { createHash } from 'crypto';
import type { Browser } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from '../support/server';

jest.setTimeout(120_000);

interface NgswManifest {
  timestamp: number;
  hashTable: Record<string, string>;
}

describe('portal journey: a new build after a deploy', () => {
  let server: RunningServer;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('takes the new build at the next move to another page, not under the open one', async () => {
    const context = await browser!.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.fill('[data-testid="login-email"]', 'staff@example.jp');
    await page.fill('[data-testid="login-password"]', 'demo-pass-2019');
    await page.click('[data-testid="login-submit"]');
    await page.waitForURL((url) => url.pathname.startsWith('/dashboard'), { timeout: 20_000 });
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.locator('[data-testid="nav-events"]').waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/ngsw-worker\.js$/);

    // the next build: index.html with a mark, and the manifest that names it
    const index = await (await fetch(`${server.baseUrl}/index.html`)).text();
    const next = index.replace('<head>', '<head>\n    <meta name="cp-build" content="next" />');
    expect(next).not.toBe(index);
    const manifest = (await (await fetch(`${server.baseUrl}/ngsw.json`)).json()) as NgswManifest;
    manifest.timestamp += 1;
    manifest.hashTable['/index.html'] = createHash('sha1').update(next).digest('hex');
    await context.route(
      (url) => url.pathname === '/ngsw.json',
      (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(manifest) }),
    );
    await context.route(
      (url) => url.pathname === '/index.html',
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: next }),
    );

    // the page is shown again: it asks for a new build, and the worker has it ready
    await page.evaluate(() => {
      (window as unknown as { cpOld: boolean }).cpOld = true;
      navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
        if (event.data?.type === 'VERSION_READY') (window as unknown as { cpReady: boolean }).cpReady = true;
      });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.waitForFunction(() => (window as unknown as { cpReady?: boolean }).cpReady === true, undefined, {
      timeout: 30_000,
    });
    // not reloaded under the user's hands
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as unknown as { cpOld?: boolean }).cpOld)).toBe(true);
    expect(await page.locator('meta[name="cp-build"]').count()).toBe(0);

    // the next move: a full load of the page asked for, on the new build
    await page.click('[data-testid="nav-events"]');
    await page.waitForURL((url) => url.pathname === '/events', { timeout: 20_000 });
    await page.locator('meta[name="cp-build"]').waitFor({ state: 'attached', timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { cpOld?: boolean }).cpOld)).toBeUndefined();
    await page.locator('[data-testid="nav-events"]').waitFor({ timeout: 20_000 });
    await context.close();
  });
});
