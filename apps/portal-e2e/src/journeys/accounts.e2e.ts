/**
 * Browser journey of the account life cycle: a member who forgot the password asks for a link,
 * opens the mailed link (caught by an SMTP sink: the mail went through the outbox), chooses a new
 * password (a common one is refused), signs in, changes it again, posts an anonymous suggestion and
 * sees its receipt, and signs out. Runs against the built API + portal on a fresh database.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startServer, waitFor, type RunningServer } from '../support/server';
// the SMTP sink of the API end-to-end tests: the same minimal server, not a second copy
// eslint-disable-next-line @nx/enforce-module-boundaries
import { smtpSink } from '../../../api-e2e/src/support/smtp';

jest.setTimeout(240_000);

const EMAIL = 'member@example.jp';

describe('portal journey: forgotten password, reset by mail, change, anonymous receipt', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let smtp: Awaited<ReturnType<typeof smtpSink>> | undefined;

  beforeAll(async () => {
    smtp = await smtpSink();
    server = await startServer({ env: { SMTP_URL: smtp.url, JOB_RETRY_DELAY_SECONDS: '1' } });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  async function signIn(page: Page, password: string): Promise<void> {
    await page.goto(`${server!.baseUrl}/login`);
    await page.fill('[data-testid="login-email"]', EMAIL);
    await page.fill('[data-testid="login-password"]', password);
    await page.click('[data-testid="login-submit"]');
    await page.waitForSelector('[data-testid="account-menu"]', { timeout: 15_000 });
  }

  it('resets the password from the mailed link, changes it, and follows an anonymous suggestion', async () => {
    const context = await browser!.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();

    await page.goto(`${server!.baseUrl}/login`);
    await page.click('[data-testid="forgot-password"]');
    await page.fill('[data-testid="reset-email"]', EMAIL);
    await page.click('[data-testid="reset-request"]');
    await page.waitForSelector('[data-testid="reset-sent"]');

    const mail = await waitFor(async () => smtp!.received.find((m) => m.to.includes(EMAIL)), 30_000, 'the reset mail');
    const link = /https?:\/\/\S+\/login\/reset\?token=[\w-]+/.exec(mail.text)?.[0];
    if (!link) throw new Error(`no reset link in: ${mail.text}`);
    await page.goto(`${server!.baseUrl}${new URL(link).pathname}${new URL(link).search}`);
    await page.fill('[data-testid="reset-password"]', 'password1234');
    await page.click('[data-testid="reset-confirm"]');
    await page.waitForSelector('[data-testid="reset-error"]');
    await page.fill('[data-testid="reset-password"]', 'sakura-namiki-2026');
    await page.click('[data-testid="reset-confirm"]');
    await page.waitForSelector('[data-testid="reset-done"]');

    await signIn(page, 'sakura-namiki-2026');
    await page.click('[data-testid="account-menu"]');
    await page.click('[data-testid="nav-password"]');
    await page.fill('[data-testid="current-password"]', 'sakura-namiki-2026');
    await page.fill('[data-testid="new-password"]', 'aaaaaaaaaaaaaa');
    await page.click('[data-testid="change-password"]');
    await page.waitForSelector('[data-testid="new-password-error"]');
    await page.fill('[data-testid="new-password"]', 'ajisai-no-oka-2026');
    await page.click('[data-testid="change-password"]');
    await page.waitForSelector('[data-testid="password-changed"]');

    // an anonymous suggestion: the receipt is shown, and the card comes from it
    await page.goto(`${server!.baseUrl}/suggestions/new`);
    await page.click('[data-testid="suggestion-category"]');
    await page.click('[data-testid="suggestion-category-services"]');
    await page.fill('[data-testid="suggestion-body-input"]', 'Anonymous: longer opening hours, please');
    await page.check('[data-testid="suggestion-anonymous"] input[type="checkbox"]');
    await page.click('[data-testid="suggestion-submit"]');
    const receipt = (
      await (await page.waitForSelector('[data-testid="suggestion-receipt"] code')).textContent()
    )?.trim();
    expect(receipt).toMatch(/^[\w-]{20,}$/);
    await page.waitForSelector('[data-testid="suggestion-card"]', { timeout: 10_000 });
    expect(await page.textContent('[data-testid="my-suggestions"]')).toContain('longer opening hours');

    // sign out: the session is over on the server too, not only the cookie gone from the browser
    const cookie = (await context.cookies()).find((c) => c.name === 'cp_token');
    expect(cookie).toBeTruthy();
    const meWith = () => fetch(`${server!.api}/auth/me`, { headers: { cookie: `cp_token=${cookie!.value}` } });
    expect((await meWith()).status).toBe(200);
    await page.click('[data-testid="account-menu"]');
    await page.click('[data-testid="sign-out"]');
    await page.waitForURL(/\/login/);
    expect((await meWith()).status).toBe(401);
    await context.close();
  });
});
