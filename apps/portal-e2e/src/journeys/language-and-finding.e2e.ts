/**
 * Browser journey of issue 12's "language, raw values, finding things, public forms":
 * - the tab title follows a language switch at once, without a reload;
 * - the events list opens on the next events (one 40 days ahead is there), the month view is an option;
 * - staff on a students' job fair get the public sign-up (full address, copy, QR poster), not the company form;
 * - a student on a phone: graduation years start at the coming March, consent to 個人情報の取扱い is
 *   required (refused submit sends nothing), the cancel page names the event;
 * - the company page (staff) shows no raw codes: 日商簿記 3級, 申込済, 事業・イベント, 受付, times to the
 *   minute, and English titles in English mode.
 * Runs against the built API + portal on a fresh database with the demo seed (../support/server.ts).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ExamSitting, MemberSummary, Page as ResultPage } from '@chamber/contracts';
import { apiLogin, launchBrowser, startServer, waitFor, type RunningServer } from '../support/server';

jest.setTimeout(240_000);

const PHONE = { width: 390, height: 844 };
const i18n = (file: string) =>
  JSON.parse(readFileSync(join(__dirname, '../../../portal/src/assets/i18n', file), 'utf8')) as Record<
    string,
    Record<string, string>
  >;

/** The Tokyo fiscal year today (April to March). */
function tokyoFiscalYear(): number {
  const tokyo = new Date(Date.now() + 9 * 3_600_000);
  return tokyo.getUTCMonth() >= 3 ? tokyo.getUTCFullYear() : tokyo.getUTCFullYear() - 1;
}

/** The page does not scroll sideways (390 px phone). */
async function fitsWidth(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(width);
}

async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.waitForSelector('[data-testid="login-email"]');
  await page.fill('[data-testid="login-email"]', email);
  await page.fill('[data-testid="login-password"]', 'demo-pass-2019');
  await page.click('[data-testid="login-submit"]');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 20_000 });
}

describe('portal journey: one language, no raw values, finding events, public forms', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  let staffToken = '';
  let fairId = '';
  let seminarId = '';
  const fairTitle = { ja: '2027年卒 合同就職説明会（相模原）', en: 'Sagamihara job fair for 2027 graduates' };
  const seminarTitle = { ja: '事業承継セミナー', en: 'Business succession seminar' };

  function srv(): RunningServer {
    if (!server) throw new Error('server not started');
    return server;
  }

  async function newPage(options: { phone?: boolean } = {}): Promise<Page> {
    if (!browser) throw new Error('browser not started');
    const context = await browser.newContext({
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      viewport: options.phone ? PHONE : { width: 1366, height: 900 },
      isMobile: options.phone ?? false,
      hasTouch: options.phone ?? false,
    });
    contexts.push(context);
    return context.newPage();
  }

  async function post<T>(path: string, token: string | null, body: unknown): Promise<T> {
    const res = await fetch(`${srv().api}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    staffToken = await apiLogin(srv().api, 'staff@example.jp');
    // "YYYY-MM-DDTHH:00:00+09:00", some days ahead in Tokyo
    const day = (days: number, hour: number) =>
      `${new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00+09:00`;
    // 40 days ahead: never in this month, so only the upcoming view shows it on opening
    fairId = (
      await post<{ id: string }>('/events', staffToken, {
        kind: 'job_fair',
        title: fairTitle,
        actionItemCode: 'A1-1',
        startsAt: day(40, 13),
        endsAt: day(40, 16),
        venue: '相模原市立産業会館',
        capacity: 80,
        audience: 'students',
      })
    ).id;
    seminarId = (
      await post<{ id: string }>('/events', staffToken, {
        kind: 'seminar',
        title: seminarTitle,
        actionItemCode: 'A1-1',
        startsAt: day(12, 14),
        endsAt: day(12, 16),
        venue: '本所 3階',
        capacity: 40,
        audience: 'members',
      })
    ).id;
    // the demo company's activity: a registration, an exam application, a signed suggestion
    const memberAdmin = await apiLogin(srv().api, 'member-admin@example.jp');
    const member = await apiLogin(srv().api, 'member@example.jp');
    await post(`/events/${seminarId}/registrations`, memberAdmin, {
      participants: [{ name: '相模 一郎', nameKana: 'サガミ イチロウ', email: 'ichiro@demo.example.jp' }],
    });
    const sitting = await post<ExamSitting>('/exams', staffToken, {
      examCode: 'boki',
      grade: '3',
      startsAt: day(50, 9),
      venue: '相模原商工会議所 3階',
      capacity: 30,
      fee: 2850,
      audience: 'members',
    });
    await post(`/exams/${sitting.id}/applications`, memberAdmin, {
      candidates: [{ name: '相模 一郎', nameKana: 'サガミ イチロウ', email: 'ichiro@demo.example.jp' }],
    });
    await post('/suggestions', member, {
      category: 'events',
      body: '夜間のセミナーを増やしてください',
      anonymous: false,
    });
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('staff: the tab title switches language at once; the events list opens on the next events', async () => {
    const page = await newPage();
    await signIn(page, srv().baseUrl, 'staff@example.jp');
    await page.goto(`${srv().baseUrl}/events`);
    const ja = i18n('events/ja.json')['titles']!['list']!;
    const en = i18n('events/en.json')['titles']!['list']!;
    await page.waitForFunction((t) => document.title.startsWith(t), ja);

    // upcoming by default: the job fair 40 days ahead is listed without paging months
    await page.waitForSelector(`[data-testid="event-list"] [data-event-id="${fairId}"]`, { timeout: 15_000 });
    expect(await page.locator('[data-testid="month-label"]').count()).toBe(0);
    // staff read the plan's code of each event
    expect(await page.locator(`[data-event-id="${fairId}"] [data-testid="event-action-item"]`).textContent()).toBe(
      'A1-1',
    );
    // the month view is an option, and this month does not hold it
    await page.click('[data-testid="view-list"]');
    await page.waitForSelector('[data-testid="month-label"]');
    await waitFor(
      async () => (await page.locator(`[data-event-id="${fairId}"]`).count()) === 0,
      10_000,
      'the month view of this month without the fair',
    );
    await page.click('[data-testid="view-upcoming"]');
    await page.waitForSelector(`[data-event-id="${fairId}"]`);

    // English, then back: the title follows without a reload
    const navigations: string[] = [];
    page.on('framenavigated', (f) => navigations.push(f.url()));
    await page.click('[data-testid="lang-en"]');
    await page.waitForFunction((t) => document.title.startsWith(t), en, { timeout: 5_000 });
    await page.click('[data-testid="lang-ja"]');
    await page.waitForFunction((t) => document.title.startsWith(t), ja, { timeout: 5_000 });
    expect(navigations).toEqual([]);
  });

  it('staff on a students’ job fair get the public sign-up address, a copy button and the QR poster, not the company form', async () => {
    const page = await newPage();
    await signIn(page, srv().baseUrl, 'staff@example.jp');
    await page.goto(`${srv().baseUrl}/events/${fairId}`);
    await page.waitForSelector('[data-testid="public-signup-share"]', { timeout: 15_000 });
    const url = await page.inputValue('[data-testid="public-signup-url"]');
    expect(url).toMatch(new RegExp(`^https?://[^/]+/public/events/${fairId}$`));
    expect(await page.locator('cp-registration-form').count()).toBe(0);
    expect(await page.textContent('body')).not.toContain('貴社の従業員');
    expect(await page.locator('[data-testid="copy-signup-url"]').count()).toBe(1);
    const href = await page.getAttribute('[data-testid="poster-download"]', 'href');
    expect(href).toBe(`/api/events/${fairId}/poster.pdf`);
    // the link works with the session cookie the portal holds
    const poster = await page.evaluate(async (h) => {
      const res = await fetch(h!, { credentials: 'same-origin' });
      return { status: res.status, type: res.headers.get('content-type'), size: (await res.arrayBuffer()).byteLength };
    }, href);
    expect(poster).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(poster.size).toBeGreaterThan(10_000);

    // on a phone the panel fits: the address scrolls inside its field, the page does not
    const phone = await newPage({ phone: true });
    await signIn(phone, srv().baseUrl, 'staff@example.jp');
    await phone.goto(`${srv().baseUrl}/events/${fairId}`);
    await phone.waitForSelector('[data-testid="public-signup-share"]', { timeout: 15_000 });
    await fitsWidth(phone);
  });

  it('a student on a phone: graduation years from the coming March, consent required, the cancel page names the event', async () => {
    const page = await newPage({ phone: true });
    await page.goto(`${srv().baseUrl}/public/events/${fairId}`);
    await page.waitForSelector('[data-testid="public-signup-form"]', { timeout: 20_000 });
    await page.waitForSelector('[data-testid="privacy-notice"]');
    expect(await page.textContent('[data-testid="privacy-notice"]')).toContain('個人情報の取扱い');
    await fitsWidth(page);

    await page.click('[data-testid="signup-graduation"]');
    const options = (await page.locator('mat-option').allTextContents()).map((t) => t.trim()).filter((t) => t !== '—');
    const first = tokyoFiscalYear() + 1;
    expect(options[0]).toBe(`${first}年3月卒業予定`);
    expect(options.some((o) => o.startsWith(`${first - 1}年`))).toBe(false);
    await page.locator('mat-option', { hasText: `${first}年3月` }).click();

    await page.fill('[data-testid="signup-name"]', '山田 花子');
    await page.fill('[data-testid="signup-nameKana"]', 'やまだ はなこ');
    await page.fill('[data-testid="signup-email"]', `hanako.${Date.now()}@example.ac.jp`);
    // without the consent box: refused on the page, nothing sent
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/registrations')) posts.push(r.url());
    });
    await page.click('[data-testid="signup-submit"]');
    await page.waitForSelector('[data-testid="privacy-consent-error"]');
    expect(posts).toEqual([]);
    await page.check('[data-testid="privacy-consent"] input[type="checkbox"]');
    await page.click('[data-testid="signup-submit"]');
    await page.waitForSelector('[data-testid="signup-result"]', { timeout: 20_000 });
    expect(posts).toHaveLength(1);

    const cancelUrl = await page.getAttribute('[data-testid="cancel-link"]', 'href');
    await page.goto(cancelUrl!);
    await page.waitForSelector('[data-testid="public-cancel-lead"]', { timeout: 15_000 });
    const lead = (await page.textContent('[data-testid="public-cancel-lead"]')) ?? '';
    expect(lead).toContain(fairTitle.ja);
    expect(lead).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    await fitsWidth(page);
    await page.click('[data-testid="public-cancel-submit"]');
    await page.waitForSelector('[data-testid="public-cancel-done-event"]');
    expect(await page.textContent('[data-testid="public-cancel-done-event"]')).toContain(fairTitle.ja);
  });

  it('the company page shows labels, not codes: 日商簿記 3級, 申込済, 事業・イベント, 受付, times to the minute, English titles in English', async () => {
    const found = await fetch(`${srv().api}/members?q=${encodeURIComponent('相模原デモ商事')}`, {
      headers: { authorization: `Bearer ${staffToken}` },
    });
    const company = ((await found.json()) as ResultPage<MemberSummary>).items[0];
    if (!company) throw new Error('demo company not found');
    const page = await newPage();
    await signIn(page, srv().baseUrl, 'staff@example.jp');
    await page.goto(`${srv().baseUrl}/members/${company.id}`);
    await page.waitForSelector('[data-testid="member-exams"] tbody tr td', { timeout: 20_000 });

    const exams = (await page.textContent('[data-testid="member-exams"]')) ?? '';
    await waitFor(
      async () => ((await page.textContent('[data-testid="member-exams"]')) ?? '').includes('3級'),
      10_000,
      '3級',
    );
    expect(exams).toContain('申込済');
    expect(exams).not.toMatch(/\bapplied\b/);
    const suggestions = (await page.textContent('[data-testid="member-suggestions"]')) ?? '';
    expect(suggestions).toContain('事業・イベント');
    expect(suggestions).toContain('受付');
    expect(suggestions).not.toMatch(/\b(events|received)\b/);
    const registrations = (await page.textContent('[data-testid="member-registrations"]')) ?? '';
    expect(registrations).toContain(seminarTitle.ja);
    expect(registrations).toMatch(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/);
    expect(registrations).not.toMatch(/\d{2}:\d{2}:\d{2}/);

    await page.click('[data-testid="lang-en"]');
    await waitFor(
      async () => ((await page.textContent('[data-testid="member-registrations"]')) ?? '').includes(seminarTitle.en),
      10_000,
      'the English event title',
    );
    // the feature's English strings arrive with their file: wait for them, then nothing Japanese is left
    await waitFor(
      async () => ((await page.textContent('[data-testid="member-exams"]')) ?? '').includes('Applied'),
      10_000,
      'the English exam status',
    );
    const examsEn = (await page.textContent('[data-testid="member-exams"]')) ?? '';
    expect(examsEn).not.toContain('日商簿記');
    // and no Material text left in English when back in Japanese
    await page.click('[data-testid="lang-ja"]');
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
    const labels = await page.evaluate(() =>
      [...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label') ?? ''),
    );
    expect(
      labels.filter((l) =>
        /^(Items per page|Next page|Previous page|First page|Last page|Remove|Open calendar)/.test(l),
      ),
    ).toEqual([]);
  });

  it('a company contact sees no plan codes on events, and cancelling an exam application is asked in the portal’s dialog, naming the exam, day and person', async () => {
    const page = await newPage();
    await signIn(page, srv().baseUrl, 'member-admin@example.jp');
    // members are not shown the plan's internal codes (A1-1) on events
    await page.goto(`${srv().baseUrl}/events`);
    await page.waitForSelector(`[data-event-id="${seminarId}"]`, { timeout: 20_000 });
    expect(await page.locator('[data-testid="event-action-item"]').count()).toBe(0);
    await page.goto(`${srv().baseUrl}/events/${seminarId}`);
    await page.waitForSelector('[data-testid="event-title"]');
    expect(await page.locator('[data-testid="event-action-item"]').count()).toBe(0);

    await page.goto(`${srv().baseUrl}/exams/mine`);
    let nativeDialogs = 0;
    page.on('dialog', (d) => {
      nativeDialogs++;
      void d.dismiss();
    });
    await page.click('[data-testid="my-application"] [data-testid="my-cancel"]', { timeout: 20_000 });
    await page.waitForSelector('cp-confirm-dialog');
    const text = (await page.textContent('cp-confirm-dialog')) ?? '';
    expect(text).toContain('日商簿記 3級');
    expect(text).toContain('相模 一郎');
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(nativeDialogs).toBe(0);
    // not confirmed: nothing cancelled
    await page.click('[data-testid="confirm-no"]');
    await page.waitForSelector('cp-confirm-dialog', { state: 'detached' });
    expect(await page.locator('[data-testid="my-application"] [data-testid="my-cancel"]').count()).toBe(1);
  });
});
