/**
 * Browser journey of an admin connecting another system: a webhook endpoint made in the portal
 * (its secret shown once, then never again), a delivery to a real receiver on 127.0.0.1 seen in
 * the delivery log and redelivered from it; an API token issued (shown once), used, and revoked
 * from the page, after which the API refuses it. In Japanese, then the page in English.
 */
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import type { Browser, Page } from 'playwright-core';
import { apiLogin, launchBrowser, startServer, waitFor, type RunningServer } from '../support/server';

jest.setTimeout(240_000);

describe('portal journey: webhooks and API tokens', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let receiver: Server | undefined;
  const received: { id: string; body: string }[] = [];
  let receiverUrl = '';

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ id: String(req.headers['webhook-id']), body: Buffer.concat(chunks).toString('utf8') });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    server = await startServer({ env: { JOB_RETRY_DELAY_SECONDS: '1' } });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
  });

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${server!.baseUrl}/login`);
    await page.fill('[data-testid="login-email"]', 'admin@example.jp');
    await page.fill('[data-testid="login-password"]', 'demo-pass-2019');
    await page.click('[data-testid="login-submit"]');
    await page.waitForSelector('[data-testid="account-menu"]', { timeout: 15_000 });
  }

  async function choose(page: Page, select: string, option: string): Promise<void> {
    await page.click(`[data-testid="${select}"]`);
    await page.click(`mat-option:has-text("${option}")`);
    await page.keyboard.press('Escape');
  }

  it('makes an endpoint, shows its secret once, logs and redelivers; issues and revokes a token', async () => {
    const context = await browser!.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page);
    await page.click('[data-testid="account-menu"]');
    await page.click('[data-testid="nav-integrations"]');
    await page.waitForSelector('[data-testid="webhook-form"]');
    expect(await page.textContent('h1')).toContain('Webhook');

    // a URL that is not http(s) is refused in the form, nothing is sent
    await page.fill('[data-testid="webhook-url"]', 'ftp://example.jp/x');
    await choose(page, 'webhook-events', '会員の入会');
    await page.click('[data-testid="webhook-create"]');
    await page.waitForSelector('mat-error');
    expect(await page.$('[data-testid="webhook-secret"]')).toBeNull();

    await page.fill('[data-testid="webhook-url"]', receiverUrl);
    await page.fill('[data-testid="webhook-description"]', '会計システム');
    await page.click('[data-testid="webhook-create"]');
    const secret = (await (await page.waitForSelector('[data-testid="webhook-secret-value"]')).textContent())!.trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    await page.click('[data-testid="webhook-secret-done"]');
    await page.waitForSelector('[data-testid="webhook-secret"]', { state: 'detached' });
    await page.reload();
    await page.waitForSelector('text=会計システム');
    expect(await page.content()).not.toContain(secret);

    // a change the endpoint wants: a member joins (staff, through the API)
    const staff = await apiLogin(server!.api, 'staff@example.jp');
    const joined = await fetch(`${server!.api}/members`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'ポータル連携株式会社',
        nameKana: 'ポータルレンケイ',
        industry: '製造業',
        ward: 'midori',
        joinedOn: '2020-05-01',
      }),
    });
    expect(joined.status).toBe(201);
    await waitFor(async () => received.length >= 1, 30_000, 'the delivery');
    expect(JSON.parse(received[0]!.body)).toMatchObject({ type: 'member.created' });

    await page.click('[data-testid="webhook-deliveries"]');
    await page.waitForSelector('[data-testid="webhook-delivery-log"]');
    expect(await page.textContent('[data-testid="webhook-delivery-log"]')).toContain('配信済み');
    await page.click('[data-testid="delivery-redeliver"]');
    await waitFor(async () => received.length >= 2, 30_000, 'the redelivery');
    expect(received[1]!.id).toBe(received[0]!.id);

    // switched off and on from the page
    await page.click('[data-testid="webhook-toggle"]');
    await page.waitForSelector('[data-testid="webhook-state"]:has-text("停止中")');
    await page.click('[data-testid="webhook-toggle"]');
    await page.waitForSelector('[data-testid="webhook-state"]:has-text("送信中")');

    // the same page in English
    await page.click('[data-testid="lang-en"]');
    await page.waitForSelector('h1:has-text("Webhooks")');
    expect(await page.textContent('[data-testid="webhook-state"]')).toContain('Sending');

    // API tokens
    await page.click('[data-testid="integrations-tokens"]');
    await page.waitForSelector('[data-testid="token-form"]');
    await page.fill('[data-testid="token-name"]', 'Mail magazine');
    await choose(page, 'token-scopes', 'Read events (events:read)');
    await page.click('[data-testid="token-create"]');
    const token = (await (await page.waitForSelector('[data-testid="token-value"]')).textContent())!.trim();
    expect(token).toMatch(/^cpt_[A-Za-z0-9_-]{43}$/);
    const used = await fetch(`${server!.api}/events`, { headers: { authorization: `Bearer ${token}` } });
    expect(used.status).toBe(200);
    await page.click('[data-testid="token-done"]');
    await page.reload();
    await page.waitForSelector('text=Mail magazine');
    expect(await page.content()).not.toContain(token);

    await page.click('[data-testid="token-revoke"]');
    await page.click('[data-testid="confirm-yes"]');
    await page.waitForSelector('[data-testid="tokens-empty"]');
    const refused = await fetch(`${server!.api}/events`, { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(401);
    await context.close();
  });
});
