/**
 * Browser journey: the built portal and Swagger UI run under the server's Content-Security-Policy
 * (helmet, apps/api/src/app/create-app.ts) without a single violation, page after page.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startServer } from '../support/server';

jest.setTimeout(120_000);

describe('portal journey: the Content-Security-Policy blocks nothing the portal needs', () => {
  let server: { baseUrl: string; stop(): Promise<void> } | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A page that records every CSP violation (the event, and Chromium's console report). */
  async function watchedPage(violations: string[]): Promise<Page> {
    const context = await browser!.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy|CSP violation/i.test(m.text())) violations.push(m.text());
    });
    return page;
  }

  it('signs staff in and walks the main pages with no violation', async () => {
    const violations: string[] = [];
    const page = await watchedPage(violations);
    const response = await page.goto(`${server!.baseUrl}/login`);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.fill('[data-testid="login-email"]', 'staff@example.jp');
    await page.fill('[data-testid="login-password"]', 'demo-pass-2019');
    await page.click('[data-testid="login-submit"]');
    await page.waitForURL(/\/dashboard$/, { timeout: 15_000 });
    await page.waitForSelector('[data-testid="kpi-value"]', { timeout: 15_000 });
    for (const path of ['/events', '/members', '/exams', '/suggestions', '/plan', '/settings']) {
      await page.goto(`${server!.baseUrl}${path}`);
      await page.waitForLoadState('networkidle');
      // Angular Material's components styled: their run-time <style> elements were allowed
      expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBeGreaterThan(0);
    }
    expect(violations).toEqual([]);
  });

  it('renders Swagger UI (development) with no violation', async () => {
    const violations: string[] = [];
    const page = await watchedPage(violations);
    await page.goto(`${server!.baseUrl}/api/docs`);
    await page.waitForSelector('.opblock', { timeout: 15_000 });
    expect(violations).toEqual([]);
  });
});
