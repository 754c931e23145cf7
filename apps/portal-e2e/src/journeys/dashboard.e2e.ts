/**
 * Browser journey: language switch on the sign-in page, a staff member's live dashboard, and a
 * member who never sees the dashboard. Runs against the built API + portal on a fresh database
 * with the demo seed (see ../support/server.ts).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { KpiReading, LoginResponse } from '@chamber/contracts';
import { currentFiscalYear } from '@chamber/domain';
import { launchBrowser, startServer } from '../support/server';

const PASSWORD = 'demo-pass-2019';
const KPI_CODE = 'A1-6-hearings';
const VALUE_SELECTOR = `[data-kpi-code="${KPI_CODE}"] [data-testid="kpi-value"]`;

jest.setTimeout(120_000);

/** The number a KPI card shows ("1,234" → 1234; "—" for no figure yet → 0). */
function parseFigure(text: string | null): number {
  const digits = (text ?? '').replace(/[^\d.-]/g, '');
  return digits === '' ? 0 : Number(digits);
}

async function apiLogin(baseUrl: string, email: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as LoginResponse;
  return body.accessToken;
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.fill('[data-testid="login-email"]', email);
  await page.fill('[data-testid="login-password"]', PASSWORD);
  await page.click('[data-testid="login-submit"]');
}

async function formText(page: Page): Promise<string> {
  return (await page.textContent('form')) ?? '';
}

describe('portal journey: sign-in, language, live dashboard', () => {
  let server: { baseUrl: string; stop(): Promise<void> } | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  function baseUrlOf(): string {
    if (!server) throw new Error('server not started');
    return server.baseUrl;
  }

  async function newPage(): Promise<Page> {
    if (!browser) throw new Error('browser not started');
    const context = await browser.newContext({
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      viewport: { width: 1280, height: 900 },
    });
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('shows the sign-in page in Japanese, switches to English and remembers it', async () => {
    const baseUrl = baseUrlOf();
    const page = await newPage();
    await page.goto(`${baseUrl}/login`);
    await page.waitForSelector('[data-testid="login-email"]');

    expect(await formText(page)).toContain('メールアドレス');
    expect(await page.getAttribute('html', 'lang')).toBe('ja');

    await page.click('[data-testid="lang-en"]');
    await page.waitForFunction(() => document.querySelector('form')?.textContent?.includes('Email') ?? false);
    expect(await formText(page)).not.toContain('メールアドレス');
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    await page.reload();
    await page.waitForSelector('[data-testid="login-email"]');
    await page.waitForFunction(() => document.querySelector('form')?.textContent?.includes('Email') ?? false);
    expect(await formText(page)).not.toContain('メールアドレス');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });

  it('lands staff on the dashboard and shows a manual entry made through the API without reload', async () => {
    const baseUrl = baseUrlOf();
    const fiscalYear = currentFiscalYear();
    const page = await newPage();
    await page.goto(`${baseUrl}/login`);
    await page.waitForSelector('[data-testid="login-email"]');
    await signIn(page, 'staff@example.jp');

    await page.waitForURL(/\/dashboard$/, { timeout: 15_000 });
    await page.waitForSelector(VALUE_SELECTOR, { timeout: 15_000 });
    // Give the live stream time to open before the change (its subscription is what delivers the
    // event); a server that holds the headers back until the first event still delivers it.
    await page
      .waitForSelector('[data-testid="live-state"][data-state="live"]', { timeout: 10_000 })
      .catch(() => undefined);

    const before = parseFigure(await page.textContent(VALUE_SELECTOR));
    // A marker that a reload would wipe out.
    await page.evaluate(() => {
      (window as unknown as { journeyMarker?: string }).journeyMarker = 'still here';
    });

    const token = await apiLogin(baseUrl, 'staff@example.jp');
    const listRes = await fetch(`${baseUrl}/api/kpis?fiscalYear=${fiscalYear}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(listRes.status).toBe(200);
    const kpis = (await listRes.json()) as KpiReading[];
    const kpi = kpis.find((k) => k.code === KPI_CODE);
    if (!kpi) throw new Error(`${KPI_CODE} is not among the KPIs of FY${fiscalYear}`);

    const entryRes = await fetch(`${baseUrl}/api/kpis/${kpi.id}/entries`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ fiscalYear, delta: 3, note: 'browser journey: three hearings' }),
    });
    expect(entryRes.status).toBe(201);

    await page.waitForFunction(
      ({ selector, expected }) => {
        const text = document.querySelector(selector)?.textContent ?? '';
        const digits = text.replace(/[^\d.-]/g, '');
        return (digits === '' ? 0 : Number(digits)) === expected;
      },
      { selector: VALUE_SELECTOR, expected: before + 3 },
      { timeout: 5_000 },
    );
    expect(parseFigure(await page.textContent(VALUE_SELECTOR))).toBe(before + 3);
    expect(await page.evaluate(() => (window as unknown as { journeyMarker?: string }).journeyMarker)).toBe(
      'still here',
    );
  });

  it('keeps members away from the dashboard', async () => {
    const baseUrl = baseUrlOf();
    const page = await newPage();
    await page.goto(`${baseUrl}/login`);
    await page.waitForSelector('[data-testid="login-email"]');
    await signIn(page, 'member@example.jp');

    // members land on their home: what they can join and have joined, not the chamber's plan
    await page.waitForURL(/\/home$/, { timeout: 15_000 });
    await page.waitForSelector('[data-testid="home-events"]');
    await page.waitForSelector('[data-testid="home-mine"]');
    expect(await page.locator('[data-testid="nav-dashboard"]').count()).toBe(0);

    // Typing the address does not help either: the guard sends the member home.
    await page.goto(`${baseUrl}/dashboard`);
    await page.waitForURL(/\/home$/, { timeout: 15_000 });
    expect(await page.locator('[data-testid="kpi-value"]').count()).toBe(0);
  });
});
