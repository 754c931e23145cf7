/**
 * Browser journeys by keyboard only (Tab, Shift+Tab, Enter, Space and typing; no mouse, no click):
 * a student signs up on the public form on a phone and cancels by the link it shows; a member
 * company's contact signs two employees up for a seminar. After a refused submit, focus is on the
 * first field at fault. Runs against the built API + portal on a fresh database with the demo seed.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RosterEntry } from '@chamber/contracts';
import { apiLogin, launchBrowser, startServer, waitFor, type RunningServer } from '../support/server';

const PASSWORD = 'demo-pass-2019';
const MARK = Date.now().toString(36);

jest.setTimeout(180_000);

/** What has the focus: its data-testid, else tag and type. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    return (
      el.getAttribute('data-testid') ??
      `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''}`
    );
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches the selector. */
async function tabTo(page: Page, selector: string, options: { back?: boolean; max?: number } = {}): Promise<void> {
  const max = options.max ?? 80;
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(
    `${selector} not reached in ${max} ${options.back ? 'Shift+Tab' : 'Tab'} presses (at ${await focused(page)})`,
  );
}

const testid = (id: string) => `[data-testid="${id}"]`;

describe('portal journeys by keyboard only', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let staffToken: string;
  const contexts: BrowserContext[] = [];

  async function newPage(phone: boolean): Promise<Page> {
    const context = await browser!.newContext({
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      viewport: phone ? { width: 390, height: 844 } : { width: 1366, height: 900 },
      isMobile: phone,
      hasTouch: phone,
    });
    contexts.push(context);
    return context.newPage();
  }

  async function createEvent(body: Record<string, unknown>): Promise<string> {
    const day = new Date(Date.now() + 9 * 3_600_000 + 14 * 86_400_000).toISOString().slice(0, 10);
    const res = await fetch(`${server!.api}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staffToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        startsAt: `${day}T13:00:00+09:00`,
        endsAt: `${day}T17:00:00+09:00`,
        venue: '商工会議所 3階ホール',
        capacity: 30,
        actionItemCode: 'A1-1',
        ...body,
      }),
    });
    if (res.status !== 201) throw new Error(`POST /events: ${res.status}`);
    return ((await res.json()) as { id: string }).id;
  }

  async function roster(eventId: string): Promise<RosterEntry[]> {
    const res = await fetch(`${server!.api}/events/${eventId}/roster`, {
      headers: { authorization: `Bearer ${staffToken}` },
    });
    return (await res.json()) as RosterEntry[];
  }

  /**
   * Enter on the submit button until the form is taken: each refusal must put the focus on a field
   * at fault; a checkbox there (a consent the form may ask for) is ticked with Space.
   */
  async function submitUntil(page: Page, submit: string, done: string): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      await tabTo(page, testid(submit));
      await page.keyboard.press('Enter');
      const outcome = await waitFor(
        async () =>
          (await page.locator(testid(done)).count()) > 0
            ? 'done'
            : await page.evaluate(() => (document.activeElement?.closest('.ng-invalid:not(form)') ? 'refused' : false)),
        15_000,
        `${done} or focus on a field at fault`,
      );
      if (outcome === 'done') return;
      if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'checkbox'))
        await page.keyboard.press('Space');
      else throw new Error(`refused at ${await focused(page)}`);
    }
    throw new Error(`${submit}: not taken`);
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    staffToken = await apiLogin(server.api, 'staff@example.jp');
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('a student signs up on a phone and cancels by the link shown, keyboard only', async () => {
    const eventId = await createEvent({
      kind: 'job_fair',
      title: { ja: '合同就職説明会（キーボード試験）', en: 'Joint job fair (keyboard test)' },
      audience: 'students',
    });
    const page = await newPage(true);
    await page.goto(`${server!.baseUrl}/public/events/${eventId}`);
    await page.waitForSelector(testid('public-signup-form'));

    // an empty submit is refused and the focus lands on the first field at fault
    await tabTo(page, testid('signup-submit'));
    await page.keyboard.press('Enter');
    await waitFor(async () => (await focused(page)) === 'signup-name', 5000, 'focus on the name field');
    // …and its message is read with it (Material ties the error to the input by aria-describedby)
    await page.waitForFunction(
      (sel) => {
        const input = document.querySelector(sel);
        const ids = (input?.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
        return ids.some((id) => document.getElementById(id)?.closest('mat-error'));
      },
      testid('signup-name'),
      { timeout: 5000 },
    );

    await page.keyboard.type('相模 次郎');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('signup-nameKana');
    await page.keyboard.type('さがみ じろう');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('signup-email');
    // a malformed address: refused, focus back on it
    await page.keyboard.type(`jiro.${MARK}example.jp`);
    await tabTo(page, testid('signup-submit'));
    await page.keyboard.press('Enter');
    await waitFor(async () => (await focused(page)) === 'signup-email', 5000, 'focus on the e-mail field');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(`jiro.${MARK}@example.jp`);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('signup-school');
    await page.keyboard.type('相模原工業大学');

    await submitUntil(page, 'signup-submit', 'signup-result');
    await page.waitForSelector(`${testid('signup-result')}[data-status="registered"]`);
    expect((await roster(eventId)).map((r) => r.status)).toEqual(['registered']);

    // the cancel link it shows, followed by Enter; then the cancel button, by Enter
    await tabTo(page, testid('cancel-link'), { max: 40 });
    await page.keyboard.press('Enter');
    await page.waitForSelector(testid('public-cancel-submit'), { timeout: 15_000 });
    await tabTo(page, testid('public-cancel-submit'));
    await page.keyboard.press('Enter');
    await page.waitForSelector(testid('public-cancel-done'), { timeout: 15_000 });
    expect((await roster(eventId)).map((r) => r.status)).toEqual(['cancelled']);
  });

  it("a member company's contact signs two employees up, keyboard only", async () => {
    const eventId = await createEvent({
      kind: 'seminar',
      title: { ja: '経営セミナー（キーボード試験）', en: 'Management seminar (keyboard test)' },
      audience: 'members',
    });
    const page = await newPage(false);
    await page.goto(`${server!.baseUrl}/login`);
    await page.waitForSelector(testid('login-email'));
    await tabTo(page, testid('login-email'));
    await page.keyboard.type('member-admin@example.jp');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('login-password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 });

    // to the event through the navigation and the list, by Tab and Enter
    await tabTo(page, testid('nav-events'));
    await page.keyboard.press('Enter');
    const link = `a[href="/events/${eventId}"]`;
    const listed = await page
      .waitForSelector(link, { timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (listed) {
      await tabTo(page, link, { max: 120 });
      await page.keyboard.press('Enter');
    } else {
      // a month view that does not reach the event's day: the address, as typed from its mail
      await page.goto(`${server!.baseUrl}/events/${eventId}`);
    }
    await page.waitForSelector(testid('registration-form'), { timeout: 15_000 });

    // submitting the empty row is refused: focus on its name
    await tabTo(page, testid('register-submit'), { max: 120 });
    await page.keyboard.press('Enter');
    await waitFor(async () => (await focused(page)) === 'participant-0-name', 5000, 'focus on the first name');

    const employees = [
      { name: '鈴木 一郎', kana: 'すずき いちろう', email: `ichiro.${MARK}@demo.example.jp` },
      { name: '佐藤 花子', kana: 'さとう はなこ', email: `hanako.${MARK}@demo.example.jp` },
    ];
    await page.keyboard.type(employees[0]!.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(employees[0]!.kana);
    await page.keyboard.press('Tab');
    await page.keyboard.type(employees[0]!.email);
    // a second row: the add button, by Space
    await tabTo(page, testid('add-participant'));
    await page.keyboard.press('Space');
    await page.waitForSelector(testid('participant-1-name'));
    await tabTo(page, testid('participant-1-name'), { back: true });
    await page.keyboard.type(employees[1]!.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(employees[1]!.kana);
    await page.keyboard.press('Tab');
    await page.keyboard.type(employees[1]!.email);

    await tabTo(page, testid('register-submit'));
    await page.keyboard.press('Enter');
    const result = page.locator(testid('registration-result'));
    await result.waitFor({ timeout: 20_000 });
    expect(await result.locator('li[data-status="registered"]').count()).toBe(2);
    expect((await roster(eventId)).map((r) => r.email).sort()).toEqual(employees.map((e) => e.email).sort());
  });
});
