/**
 * Browser journey: data governance. A manager reads the audit trail and filters it; an admin looks
 * up what is held about an email and erases it after confirming; staff reword a mail, are told
 * which variable is unknown, preview it with a real registration and reset it.
 * Runs against the built API + portal on a fresh database with the demo seed.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiLogin, launchBrowser, startServer, waitFor, type RunningServer } from '../support/server';

const PASSWORD = 'demo-pass-2019';
const EMAIL = 'journey.erase@example.ac.jp';

jest.setTimeout(180_000);

async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.waitForSelector('[data-testid="login-email"]');
  await page.fill('[data-testid="login-email"]', email);
  await page.fill('[data-testid="login-password"]', PASSWORD);
  await page.click('[data-testid="login-submit"]');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 });
}

describe('portal journey: data governance', () => {
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
    server = await startServer({ env: { PUBLIC_RATE_LIMIT: '0' } });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('audit trail, personal data erased after a confirmation, a mail reworded and reset', async () => {
    const { baseUrl, api } = server!;
    // staff create an event and a student registers for it (audited write, a person to erase)
    const staffToken = await apiLogin(api, 'staff@example.jp');
    const startsAt = new Date(Date.now() + 20 * 86400_000);
    const created = await fetch(`${api}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${staffToken}` },
      body: JSON.stringify({
        kind: 'job_fair',
        title: { ja: 'ガバナンス説明会', en: 'Governance fair' },
        actionItemCode: 'A1-1',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(),
        venue: '相模原市立産業会館',
        capacity: 20,
        audience: 'students',
      }),
    });
    expect(created.status).toBe(201);
    const event = (await created.json()) as { id: string };
    const reg = await fetch(`${api}/public/events/${event.id}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: '消去 太郎',
        nameKana: 'ショウキョ タロウ',
        email: EMAIL,
        school: '相模原大学',
        graduationYear: 2028,
      }),
    });
    expect(reg.status).toBe(201);

    // the manager reads the audit trail from the account menu and filters it by kind of record
    const manager = await newPage();
    await signIn(manager, baseUrl, 'manager@example.jp');
    await manager.goto(`${baseUrl}/governance/audit`);
    await manager.waitForSelector('[data-testid="audit-row"]', { timeout: 15_000 });
    await manager.fill('[data-testid="audit-entity"]', 'events');
    await waitFor(
      async () => (await manager.locator('[data-testid="audit-row"]', { hasText: event.id }).count()) === 1,
      10_000,
      'the event creation row',
    );
    expect(await manager.textContent('[data-testid="audit-table"]')).toContain('POST /api/events');
    await manager.click('[data-testid="audit-export"]');
    expect(await manager.getAttribute('[data-testid="audit-csv-utf8"]', 'href')).toContain('entity=events');
    expect(await manager.getAttribute('[data-testid="audit-csv-utf8"]', 'href')).toContain('format=csv');

    // the admin looks up the email, sees the registration, and erases after confirming
    const admin = await newPage();
    await signIn(admin, baseUrl, 'admin@example.jp');
    await admin.goto(`${baseUrl}/governance/personal-data`);
    await admin.fill('[data-testid="personal-email"]', EMAIL);
    await admin.click('[data-testid="personal-look"]');
    await admin.waitForSelector('[data-testid="personal-counts"]', { timeout: 10_000 });
    expect(await admin.textContent('[data-kind="registrations"]')).toContain('1');
    expect(await admin.textContent('[data-testid="personal-json"]')).toContain('消去 太郎');
    await admin.click('[data-testid="personal-erase"]');
    await admin.click('[data-testid="confirm-yes"]');
    await admin.waitForSelector('[data-testid="personal-erased"]', { timeout: 15_000 });
    const adminToken = await apiLogin(api, 'admin@example.jp');
    const after = (await (
      await fetch(`${api}/personal-data?email=${encodeURIComponent(EMAIL)}`, {
        headers: { authorization: `Bearer ${adminToken}` },
      })
    ).json()) as { registrations: unknown[] };
    expect(after.registrations).toEqual([]);

    // staff reword the confirmation: an unknown variable is named, then saved, previewed and reset
    const staff = await newPage();
    await signIn(staff, baseUrl, 'staff@example.jp');
    await staff.goto(`${baseUrl}/governance/mail-templates`);
    await staff.waitForSelector('[data-testid="template-body"]', { timeout: 15_000 });
    expect(await staff.textContent('[data-testid="template-variables"]')).toContain('{{ eventTitle }}');
    await staff.fill('[data-testid="template-body"]', '{{ nmae }} 様、ご参加お待ちしています。');
    await staff.click('[data-testid="template-save"]');
    await waitFor(
      async () => ((await staff.textContent('[data-testid="template-body-hint"]')) ?? '').includes('nmae'),
      10_000,
      'the unknown variable named',
    );
    await staff.fill('[data-testid="template-body"]', '{{ name }} 様、{{ eventTitle }} でお待ちしています。');
    await staff.click('[data-testid="template-save"]');
    await waitFor(
      async () => ((await staff.textContent('[data-testid="template-state"]')) ?? '').includes('編集'),
      10_000,
      'saved',
    );
    await staff.click('[data-testid="template-preview"]');
    await staff.waitForSelector('[data-testid="template-preview-text"]', { timeout: 10_000 });
    expect(await staff.textContent('[data-testid="template-preview-text"]')).toMatch(/様、.+ でお待ちしています。/);
    await staff.click('[data-testid="template-reset"]');
    await waitFor(
      async () => ((await staff.textContent('[data-testid="template-state"]')) ?? '').includes('標準'),
      10_000,
      'reset',
    );
    expect(await staff.inputValue('[data-testid="template-body"]')).toContain('お申込みを受け付けました');
  });
});
