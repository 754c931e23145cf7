/**
 * Browser journey: a member posts a suggestion with HTML tags in it, staff answer it from the
 * inbox, and the member reads the answer — every tag shown as text, none rendered or run.
 * Runs against the built API + portal on a fresh database with the demo seed.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiLogin, launchBrowser, startServer, type RunningServer } from '../support/server';

const PASSWORD = 'demo-pass-2019';
const MARK = `journey-${Date.now().toString(36)}`;
const BODY = `${MARK} 夜間セミナーを <b>bold</b> 増やしてください <img src=x onerror="window.__xss=1">`;
const ANSWER = `${MARK} 秋から <i>italic</i> 月1回開催します <script>window.__xss=2</script>`;

jest.setTimeout(180_000);

async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.waitForSelector('[data-testid="login-email"]');
  await page.fill('[data-testid="login-email"]', email);
  await page.fill('[data-testid="login-password"]', PASSWORD);
  await page.click('[data-testid="login-submit"]');
  await page.waitForSelector('[data-testid="nav-suggestions"]', { timeout: 15_000 });
}

/** The card of our suggestion on the current page. */
const card = (id: string) => `[data-testid="suggestion-card"][data-suggestion-id="${id}"]`;

describe('portal journey: suggestion box', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

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

  it('member posts with tags, staff answer, the member sees the answer and every tag as text', async () => {
    const baseUrl = server!.baseUrl;

    // the member posts
    const member = await newPage();
    await signIn(member, baseUrl, 'member@example.jp');
    await member.click('[data-testid="nav-suggestions"]');
    await member.waitForURL(/\/suggestions\/mine$/, { timeout: 15_000 });
    await member.click('[data-testid="tab-new"]');
    await member.waitForSelector('[data-testid="suggestion-form"]');
    await member.click('[data-testid="suggestion-category"]');
    await member.click('[data-testid="suggestion-category-events"]');
    await member.fill('[data-testid="suggestion-body-input"]', BODY);
    await member.click('[data-testid="suggestion-submit"]');
    await member.waitForURL(/\/suggestions\/mine$/, { timeout: 15_000 });
    const posted = member.locator('[data-testid="suggestion-card"]', { hasText: MARK });
    await posted.waitFor({ timeout: 10_000 });
    const id = await posted.getAttribute('data-suggestion-id');
    if (!id) throw new Error('no suggestion id on the card');
    expect(await member.textContent(`${card(id)} [data-testid="suggestion-body"]`)).toBe(BODY);
    expect(await member.locator(`${card(id)} [data-testid="suggestion-body"] b, ${card(id)} img`).count()).toBe(0);
    expect(await member.getAttribute(card(id), 'data-status')).toBe('received');

    // staff answer it from the inbox, publicly
    const staff = await newPage();
    await signIn(staff, baseUrl, 'staff@example.jp');
    await staff.click('[data-testid="nav-suggestions"]');
    await staff.waitForURL(/\/suggestions\/inbox$/, { timeout: 15_000 });
    const row = `[data-testid="inbox-row"][data-suggestion-id="${id}"]`;
    await staff.waitForSelector(row, { timeout: 10_000 });
    expect(await staff.textContent(row)).toContain('<b>bold</b>');
    expect(await staff.textContent(row)).toContain('会員社員 デモ');
    await staff.click(`${row} [data-testid="inbox-open"]`);
    await staff.waitForSelector('[data-testid="answer-form"]', { timeout: 10_000 });
    await staff.fill('[data-testid="answer-body"]', ANSWER);
    await staff.check('[data-testid="answer-public"] input[type="checkbox"]'); // fails unless it ends checked
    // the inbox speaks to staff, not to members asking them to write
    expect(await staff.textContent('[data-testid="suggestions-heading"]')).toContain('受付');
    expect(await staff.textContent('[data-testid="suggestions-lead"]')).not.toContain('お寄せください');
    await staff.click('[data-testid="answer-submit"]');
    // nothing goes out yet: a preview says what will be sent, to whom, and that it will be public
    await staff.waitForSelector('[data-testid="answer-preview"]', { timeout: 10_000 });
    expect(await staff.textContent('[data-testid="answer-preview-body"]')).toBe(ANSWER);
    expect(await staff.textContent('[data-testid="answer-preview-recipient"]')).toContain('member@example.jp');
    expect(await staff.textContent('[data-testid="answer-preview-public"]')).toContain('公開されます');
    // focus follows to the preview's heading
    await staff.waitForFunction(() => document.activeElement?.id === 'answer-preview-heading');
    const beforeConfirm = await fetch(`${server!.api}/suggestions/${id}`, {
      headers: { authorization: `Bearer ${await apiLogin(server!.api, 'staff@example.jp')}` },
    });
    expect(((await beforeConfirm.json()) as { status: string }).status).not.toBe('answered');
    // back to the form keeps the text; then send for real
    await staff.click('[data-testid="answer-edit"]');
    expect(await staff.inputValue('[data-testid="answer-body"]')).toBe(ANSWER);
    await staff.click('[data-testid="answer-submit"]');
    await staff.click('[data-testid="answer-confirm"]');
    await staff.waitForSelector(`${card(id)}[data-status="answered"] [data-testid="suggestion-answer-body"]`, {
      timeout: 10_000,
    });
    expect(await staff.textContent(`${card(id)} [data-testid="suggestion-answer-body"]`)).toBe(ANSWER);

    // the member sees the answer, tags as text and nothing run
    await member.reload();
    await member.waitForSelector(`${card(id)}[data-status="answered"] [data-testid="suggestion-answer-body"]`, {
      timeout: 15_000,
    });
    expect(await member.textContent(`${card(id)} [data-testid="suggestion-answer-body"]`)).toBe(ANSWER);
    expect(await member.textContent(`${card(id)} [data-testid="suggestion-body"]`)).toBe(BODY);
    expect(await member.locator(`${card(id)} b, ${card(id)} i, ${card(id)} img, ${card(id)} script`).count()).toBe(0);
    expect(await member.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    // public answers: searchable by a colleague, never naming the poster
    const colleague = await newPage();
    await signIn(colleague, baseUrl, 'member-admin@example.jp');
    await colleague.goto(`${baseUrl}/suggestions/voices`);
    await colleague.waitForSelector('[data-testid="voices-search"]');
    await colleague.fill('[data-testid="voices-search"]', MARK);
    await colleague.waitForSelector(card(id), { timeout: 10_000 });
    const publicText = (await colleague.textContent('[data-testid="voices-list"]')) ?? '';
    expect(publicText).toContain('<i>italic</i>');
    expect(publicText).not.toContain('会員社員 デモ');
    expect(await staff.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    // the server log never names the member
    expect(server!.log()).not.toContain('member@example.jp');
  });
});
