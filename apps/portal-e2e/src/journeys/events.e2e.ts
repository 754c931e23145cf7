/**
 * Browser journey of events: staff create a students' job fair with one seat (through the API);
 * two students sign up on a phone — the first is registered, the second waitlisted at position 1;
 * staff open the roster in the portal and check the first one in with one click, and the open
 * dashboard's job-fair attendance KPI moves; a member company's contact registers two employees at
 * once and sees them in "my registrations".
 * Runs against the built API + portal on a fresh database with the demo seed (../support/server.ts).
 * Set E2E_SCREENSHOT_DIR to keep screenshots of the pages on the way.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { EventDetail, RosterEntry } from '@chamber/contracts';
import { apiLogin, launchBrowser, startServer, type RunningServer } from '../support/server';

jest.setTimeout(180_000);

const PHONE = { width: 390, height: 844 };
const ATTENDANCE = '[data-kpi-code="A1-1-students"] [data-testid="kpi-value"]';
const shotDir = process.env['E2E_SCREENSHOT_DIR'];

/** "YYYY-MM-DD" of a day some weeks ahead, in Tokyo. */
function tokyoDayAhead(days: number): string {
  return new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** The number a KPI card shows ("1,234" → 1234; "—" → 0). */
function figure(text: string | null): number {
  const digits = (text ?? '').replace(/[^\d.-]/g, '');
  return digits === '' ? 0 : Number(digits);
}

async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.waitForSelector('[data-testid="login-email"]');
  await page.fill('[data-testid="login-email"]', email);
  await page.fill('[data-testid="login-password"]', 'demo-pass-2019');
  await page.click('[data-testid="login-submit"]');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 20_000 });
}

async function shot(page: Page, name: string): Promise<void> {
  if (shotDir) await page.screenshot({ path: `${shotDir}/events-${name}.png`, fullPage: true });
}

describe('portal journey: job-fair sign-up on a phone, waitlist, one-click check-in', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  let eventId = '';
  let staffToken = '';
  const first = { name: '山田 花子', kana: 'やまだ はなこ', email: `hanako.${Date.now()}@example.ac.jp` };
  const second = { name: '佐藤 太郎', kana: 'サトウ タロウ', email: `taro.${Date.now()}@example.ac.jp` };

  function api(): string {
    if (!server) throw new Error('server not started');
    return server.api;
  }

  async function newPage(options: { phone?: boolean } = {}): Promise<Page> {
    if (!browser) throw new Error('browser not started');
    const context = await browser.newContext({
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      viewport: options.phone ? PHONE : { width: 1280, height: 900 },
      isMobile: options.phone ?? false,
      hasTouch: options.phone ?? false,
      deviceScaleFactor: options.phone ? 2 : 1,
    });
    contexts.push(context);
    return context.newPage();
  }

  async function signUp(page: Page, student: { name: string; kana: string; email: string }): Promise<void> {
    if (!server) throw new Error('server not started');
    await page.goto(`${server.baseUrl}/public/events/${eventId}`);
    await page.waitForSelector('[data-testid="public-signup-form"]', { timeout: 20_000 });
    await page.fill('[data-testid="signup-name"]', student.name);
    await page.fill('[data-testid="signup-nameKana"]', student.kana);
    await page.fill('[data-testid="signup-email"]', student.email);
    await page.fill('[data-testid="signup-school"]', '相模原工業大学');
    await page.check('[data-testid="privacy-consent"] input[type="checkbox"]'); // 個人情報の取扱い
    await page.click('[data-testid="signup-submit"]');
    await page.waitForSelector('[data-testid="signup-result"]', { timeout: 20_000 });
  }

  async function createEvent(body: Record<string, unknown>): Promise<string> {
    const day = tokyoDayAhead(21);
    const res = await fetch(`${api()}/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${staffToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        startsAt: `${day}T13:00:00+09:00`,
        endsAt: `${day}T17:00:00+09:00`,
        venue: '商工会議所 3階ホール',
        ...body,
      }),
    });
    expect(res.status).toBe(201);
    const id = ((await res.json()) as EventDetail).id;
    expect(id).toBeTruthy();
    return id;
  }

  async function roster(): Promise<RosterEntry[]> {
    const res = await fetch(`${api()}/events/${eventId}/roster`, {
      headers: { Authorization: `Bearer ${staffToken}` },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as RosterEntry[];
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    staffToken = await apiLogin(server.api, 'staff@example.jp');
    eventId = await createEvent({
      kind: 'job_fair',
      title: { ja: '合同就職説明会（ブラウザ試験）', en: 'Joint job fair (browser test)' },
      actionItemCode: 'A1-1',
      capacity: 1,
      audience: 'students',
    });
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('registers the first student on a phone and shows 登録完了 with a self-cancel link', async () => {
    const page = await newPage({ phone: true });
    await signUp(page, first);

    const result = page.locator('[data-testid="signup-result"]');
    expect(await result.getAttribute('data-status')).toBe('registered');
    expect(await page.textContent('[data-testid="result-heading"]')).toContain('登録完了');
    expect(await page.getAttribute('[data-testid="cancel-link"]', 'href')).toMatch(/\/public\/cancel\?token=.+/);
    // phone first: nothing wider than the screen
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'public-registered');

    // hiragana furigana was taken and stored in katakana
    const row = (await roster()).find((r) => r.email === first.email);
    expect(row).toMatchObject({ status: 'registered', nameKana: 'ヤマダ ハナコ' });
  });

  it('puts the second student on the waitlist at position 1 and says so', async () => {
    const page = await newPage({ phone: true });
    await page.goto(`${server?.baseUrl}/public/events/${eventId}`);
    // the page is honest about the full event before anyone types
    await page.waitForSelector('[data-testid="event-seats"][data-state="full"]', { timeout: 20_000 });
    expect(await page.textContent('[data-testid="event-seats"]')).toContain('満席');
    await signUp(page, second);

    expect(await page.getAttribute('[data-testid="signup-result"]', 'data-status')).toBe('waitlisted');
    expect(await page.getAttribute('[data-testid="waitlist-position"]', 'data-position')).toBe('1');
    expect(await page.textContent('[data-testid="result-heading"]')).toContain('キャンセル待ち');
    expect(await page.textContent('[data-testid="waitlist-position"]')).toContain('1番目');
    await shot(page, 'public-waitlisted');
  });

  it('lets staff check the registered student in with one click on the roster, and the dashboard moves', async () => {
    if (!server) throw new Error('server not started');
    const page = await newPage();
    await signIn(page, server.baseUrl, 'staff@example.jp');
    // a dashboard left open in another tab of the same session
    const dashboard = await page.context().newPage();
    await dashboard.goto(`${server.baseUrl}/dashboard`);
    await dashboard.waitForSelector(ATTENDANCE, { timeout: 20_000 });
    await dashboard
      .waitForSelector('[data-testid="live-state"][data-state="live"]', { timeout: 10_000 })
      .catch(() => undefined);
    const before = figure(await dashboard.textContent(ATTENDANCE));

    await page.goto(`${server.baseUrl}/events/${eventId}/roster`);
    const firstRow = page.locator(`[data-testid="roster-row"][data-email="${first.email}"]`);
    const secondRow = page.locator(`[data-testid="roster-row"][data-email="${second.email}"]`);
    await firstRow.waitFor({ timeout: 20_000 });
    await secondRow.waitFor();
    expect(await firstRow.getAttribute('data-status')).toBe('registered');
    expect(await secondRow.getAttribute('data-status')).toBe('waitlisted');
    expect(await secondRow.locator('[data-testid="check-in"]').count()).toBe(0);
    expect(await secondRow.textContent()).toContain('キャンセル待ち 1番目');
    await shot(page, 'roster-before');

    await firstRow.locator('[data-testid="check-in"]').click();
    // the fair is three weeks ahead: the API refuses (not_yet) and the page asks before checking in
    await page.waitForSelector('[data-testid="confirm-yes"]', { timeout: 10_000 });
    expect(await page.locator('mat-dialog-container').textContent()).toContain('イベント当日ではありません');
    expect(await firstRow.getAttribute('data-status')).toBe('registered');
    await page.click('[data-testid="confirm-yes"]');
    await page.waitForSelector(`[data-testid="roster-row"][data-email="${first.email}"][data-status="attended"]`, {
      timeout: 10_000,
    });
    expect(await firstRow.locator('[data-testid="checked-in"]').count()).toBe(1);
    expect(await firstRow.locator('[data-testid="check-in"]').count()).toBe(0);
    await shot(page, 'roster-after');

    const rows = await roster();
    expect(rows.find((r) => r.email === first.email)?.status).toBe('attended');
    expect(rows.find((r) => r.email === second.email)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    // the job-fair attendance KPI (A1-1-students) moved by exactly one, live
    await dashboard.waitForFunction(
      ({ selector, expected }) => {
        const digits = (document.querySelector(selector)?.textContent ?? '').replace(/[^\d.-]/g, '');
        return (digits === '' ? 0 : Number(digits)) === expected;
      },
      { selector: ATTENDANCE, expected: before + 1 },
      { timeout: 10_000 },
    );
    expect(figure(await dashboard.textContent(ATTENDANCE))).toBe(before + 1);
  });

  it('prints the roster on A4 for the reception desk: the table alone, no menus or buttons (poppler)', async () => {
    if (!server) throw new Error('server not started');
    const page = await newPage();
    await signIn(page, server.baseUrl, 'staff@example.jp');
    await page.goto(`${server.baseUrl}/events/${eventId}/roster`);
    await page.waitForSelector(`[data-testid="roster-row"][data-email="${first.email}"]`, { timeout: 20_000 });
    await page.emulateMedia({ media: 'print' });
    const dir = mkdtempSync(join(tmpdir(), 'print-'));
    try {
      const file = join(dir, 'roster.pdf');
      await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain(first.name);
      expect(text).toContain(second.name);
      expect(text).toContain('相模原工業大学');
      // the frame and the controls stay on screen
      expect(text).not.toContain('名簿をダウンロード');
      expect(text).not.toContain('QRコードで受付');
      expect(text).not.toContain('ダッシュボード');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lets a member company register two employees at once and see them', async () => {
    if (!server) throw new Error('server not started');
    const seminar = await createEvent({
      kind: 'seminar',
      title: { ja: '事業承継セミナー（ブラウザ試験）', en: 'Succession seminar (browser test)' },
      actionItemCode: 'A1-8',
      capacity: 10,
      audience: 'members',
    });
    const page = await newPage();
    await signIn(page, server.baseUrl, 'member-admin@example.jp');
    await page.goto(`${server.baseUrl}/events/${seminar}`);
    await page.waitForSelector('[data-testid="registration-form"]', { timeout: 20_000 });
    await page.click('[data-testid="add-participant"]');
    const stamp = Date.now();
    const employees = [
      { name: '鈴木 一郎', kana: 'すずき いちろう', email: `ichiro.${stamp}@demo.example.jp` },
      { name: '田中 二郎', kana: 'タナカ ジロウ', email: `jiro.${stamp}@demo.example.jp` },
    ];
    for (const [i, e] of employees.entries()) {
      await page.fill(`[data-testid="participant-${i}-name"]`, e.name);
      await page.fill(`[data-testid="participant-${i}-nameKana"]`, e.kana);
      await page.fill(`[data-testid="participant-${i}-email"]`, e.email);
    }
    await page.click('[data-testid="register-submit"]');
    const result = page.locator('[data-testid="registration-result"]');
    await result.waitFor({ timeout: 20_000 });
    expect(await result.locator('li[data-status="registered"]').count()).toBe(2);
    await shot(page, 'member-result');

    await page.goto(`${server.baseUrl}/events/mine`);
    const mine = page.locator(`[data-event-id="${seminar}"] [data-testid="my-registration"]`);
    await mine.first().waitFor({ timeout: 20_000 });
    expect(await mine.count()).toBe(2);
    const text = (await page.locator(`[data-event-id="${seminar}"]`).textContent()) ?? '';
    expect(text).toContain('鈴木 一郎');
    expect(text).toContain('スズキ イチロウ');
    expect(text).toContain('田中 二郎');
    expect(await page.locator(`[data-event-id="${seminar}"] [data-testid="qr-code"]`).count()).toBe(2);
    await shot(page, 'member-mine');
  });
});
