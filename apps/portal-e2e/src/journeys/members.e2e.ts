/**
 * Browser journey: staff find a member company by typing its furigana in hiragana, open its page,
 * and record a consultation there, then delete it. Runs against the built API + portal on a fresh database.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { MemberProfile } from '@chamber/contracts';
import { apiLogin, launchBrowser, startServer, type RunningServer } from '../support/server';

const PASSWORD = 'demo-pass-2019';
const MARK = Date.now().toString(36).toUpperCase();
const NAME = `旅程テスト精機${MARK}株式会社`;
const KANA = 'リョテイテストセイキ';
const SUMMARY = `資金繰りの相談 ${MARK}`;

jest.setTimeout(180_000);

async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.waitForSelector('[data-testid="login-email"]');
  await page.fill('[data-testid="login-email"]', email);
  await page.fill('[data-testid="login-password"]', PASSWORD);
  await page.click('[data-testid="login-submit"]');
  await page.waitForSelector('[data-testid="nav-members"]', { timeout: 15_000 });
}

describe('portal journey: members', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let member: MemberProfile;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const token = await apiLogin(server.api, 'staff@example.jp');
    const res = await fetch(`${server.api}/members`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: NAME, nameKana: KANA, industry: '製造業', ward: 'midori', joinedOn: '2021-04-01' }),
    });
    if (res.status !== 201) throw new Error(`POST /members: ${res.status}`);
    member = (await res.json()) as MemberProfile;
  }, 180_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('staff search a company by hiragana, open its page, record a consultation and delete it', async () => {
    const baseUrl = server!.baseUrl;
    context = await browser!.newContext({
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    // a signed-out visit asks nothing of the session (no 401 for /api/auth/me in every console)
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/auth/me')) asked.push(r.url());
    });
    await page.goto(`${baseUrl}/login`);
    await page.waitForSelector('[data-testid="login-email"]');
    expect(asked).toEqual([]);
    await signIn(page, baseUrl, 'staff@example.jp');

    await page.click('[data-testid="nav-members"]');
    await page.waitForSelector('[data-testid="members-search"]');
    // Material's paginator speaks Japanese too
    await page.waitForSelector('mat-paginator');
    const paginator = (await page.locator('mat-paginator').textContent()) ?? '';
    expect(paginator).toContain('表示件数');
    expect(paginator).not.toMatch(/Items per page| of /);
    await page.fill('[data-testid="members-search"]', 'りょていてすとせいき');
    const row = page.locator('[data-testid="member-row"]', { hasText: NAME });
    await row.waitFor({ timeout: 10_000 });
    // the unfiltered list may still be on screen until the search answers
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="member-row"]').length === 1, null, {
      timeout: 10_000,
    });
    expect(await page.locator('[data-testid="member-row"]').count()).toBe(1);
    expect(await row.textContent()).toContain(KANA);

    await row.locator('[data-testid="member-link"]').click();
    await page.waitForURL(new RegExp(`/members/${member.id}$`), { timeout: 10_000 });
    await page.waitForSelector('[data-testid="member-name"]');
    expect(await page.textContent('[data-testid="member-name"]')).toBe(NAME);
    await page.waitForSelector('[data-testid="member-people"]');
    await page.waitForSelector('[data-testid="member-consultations"]');

    await page.click('[data-testid="consultation-add"]');
    await page.waitForSelector('[data-testid="consultation-form"]');
    await page.fill('[data-testid="consultation-summary"]', SUMMARY);
    await page.click('[data-testid="consultation-save"]');
    const entry = page.locator('[data-testid="member-consultations"] tr', { hasText: SUMMARY });
    await entry.waitFor({ timeout: 10_000 });

    // an entry made by mistake is deleted after a confirmation
    await entry.locator('[data-testid="consultation-delete"]').click();
    await page.click('[data-testid="confirm-yes"]');
    await entry.waitFor({ state: 'detached', timeout: 10_000 });
  });
});
