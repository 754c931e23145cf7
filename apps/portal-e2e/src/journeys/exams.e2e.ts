/**
 * Browser journey: someone without an account opens the exam calendar on a phone, applies to a
 * public sitting and sees the examinee number; the cancel link from the answer frees the seat.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import type { ExamApplication, ExamSitting } from '@chamber/contracts';
import { apiLogin, launchBrowser, startServer, type RunningServer } from '../support/server';

jest.setTimeout(120_000);

describe('portal journey: anonymous exam application', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('applies to a public sitting without signing in and shows the examinee number', async () => {
    const api = server!.api;
    const staff = await apiLogin(api, 'staff@example.jp');
    const created = await fetch(`${api}/exams`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${staff}` },
      body: JSON.stringify({
        examCode: 'boki',
        grade: '3',
        startsAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
        venue: '相模原商工会議所 3階',
        capacity: 30,
        fee: 2850,
        audience: 'public',
      }),
    });
    expect(created.status).toBe(201);
    const sitting = (await created.json()) as ExamSitting;

    context = await browser!.newContext({
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${server!.baseUrl}/exams`);
    await page.waitForSelector('[data-testid="nav-exams"]');
    const card = page.locator(`[data-testid="exam-sitting"][data-sitting-id="${sitting.id}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain('日商簿記 3級');
    await card.locator('[data-testid="apply-button"]').click();

    await page.waitForSelector('[data-testid="apply-name"]');
    expect(page.url()).toContain(`/exams/${sitting.id}/apply`);
    await page.fill('[data-testid="apply-name"]', '相模 花子');
    await page.fill('[data-testid="apply-kana"]', 'さがみ はなこ');
    await page.fill('[data-testid="apply-birth"]', '2004-05-06');
    await page.fill('[data-testid="apply-email"]', 'hanako@example.jp');
    await page.fill('[data-testid="apply-phone"]', '090-1234-5678');
    // 個人情報の取扱い: refused until agreed, and nothing sent
    await page.click('[data-testid="apply-submit"]');
    await page.waitForSelector('[data-testid="privacy-consent-error"]');
    expect(await page.locator('[data-testid="examinee-number"]').count()).toBe(0);
    await page.check('[data-testid="privacy-consent"] input[type="checkbox"]');
    await page.click('[data-testid="apply-submit"]');

    const number = page.locator('[data-testid="examinee-number"]');
    await number.waitFor();
    expect((await number.textContent())?.trim()).toBe(`${sitting.code}-0001`);

    const list = await fetch(`${api}/exams/${sitting.id}/applications`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    const applications = (await list.json()) as ExamApplication[];
    expect(applications).toHaveLength(1);
    expect(applications[0]).toMatchObject({ nameKana: 'サガミ ハナコ', channel: 'public', status: 'applied' });
    const mails = await fetch(`${api}/mails?relatedId=${applications[0]!.id}`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    const sent = (await mails.json()) as { subject: string }[];
    expect(sent[0]?.subject).toContain(`${sitting.code}-0001`);

    // the cancel link shown after applying frees the seat
    await page.click('[data-testid="cancel-link"]');
    // the page names what is being cancelled before the applicant confirms
    await page.waitForSelector('[data-testid="cancel-details"]');
    const details = (await page.textContent('[data-testid="cancel-details"]')) ?? '';
    expect(details).toContain('日商簿記 3級');
    expect(details).toContain(`${sitting.code}-0001`);
    expect(details).toContain('相模 花子');
    await page.click('[data-testid="cancel-confirm"]');
    await page.waitForSelector('[data-testid="cancel-done"]');
    expect(await page.textContent('[data-testid="cancel-done-exam"]')).toContain('日商簿記 3級');
    const after = (await (await fetch(`${api}/exams/${sitting.id}`)).json()) as ExamSitting;
    expect(after.applicationsCount).toBe(0);
  });
});
