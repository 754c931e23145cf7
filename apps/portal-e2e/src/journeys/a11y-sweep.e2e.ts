/**
 * Accessibility sweep: every route of the portal, signed out and as each demo role, at 1366 px and
 * 390 px (Japanese; English on the phone, where longer words are likeliest to overflow), through
 * axe-core. Fails on any critical or serious violation (rule id, target, page) and on any page that
 * scrolls sideways on a phone (document.documentElement.scrollWidth > innerWidth).
 * One browser; one context per role × viewport × language, signed in once.
 * A11Y_SWEEP=full runs English at 1366 px too.
 */
import { readFileSync } from 'fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LoginResponse } from '@chamber/contracts';
import { apiLogin, launchBrowser, startServer, type RunningServer } from '../support/server';

const PASSWORD = 'demo-pass-2019';
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

jest.setTimeout(600_000);

/** On a phone these must be within the screen's width (no sideways scrolling of their table to reach them). */
const ON_SCREEN = ['[data-testid="inbox-open"]'];

type Who = 'signed_out' | 'member' | 'member_admin' | 'staff' | 'manager' | 'admin';
const EMAIL: Record<Exclude<Who, 'signed_out'>, string> = {
  member: 'member@example.jp',
  member_admin: 'member-admin@example.jp',
  staff: 'staff@example.jp',
  manager: 'manager@example.jp',
  admin: 'admin@example.jp',
};

interface Fixtures {
  memberId: string;
  jobFairId: string;
  seminarId: string;
  sittingId: string;
  suggestionId: string;
  eventCancelToken: string;
  examCancelToken: string;
  kpiId: string;
  planId: string;
}

/** The pages each visitor can open (the guards' view of app.routes.ts and the feature routes). */
function routesFor(who: Who, f: Fixtures): string[] {
  const common = [
    '/plan',
    '/events',
    '/events?view=calendar',
    '/events?view=list',
    `/events/${f.seminarId}`,
    `/events/${f.jobFairId}`,
    '/exams',
    '/account/password',
  ];
  const member = [
    '/home',
    ...common,
    '/events/mine',
    `/members/${f.memberId}`,
    '/suggestions/new',
    '/suggestions/mine',
    '/suggestions/voices',
    '/exams/mine',
    `/exams/${f.sittingId}/apply`,
  ];
  const chamber = [
    '/dashboard',
    ...common,
    `/events/${f.jobFairId}/roster`,
    '/members',
    '/members/consultations',
    '/members/inactive',
    `/members/${f.memberId}`,
    '/suggestions/inbox',
    `/suggestions/inbox/${f.suggestionId}`,
    '/suggestions/voices',
    '/plan/report',
    `/plan/kpis/${f.kpiId}`,
    `/plan/review/${f.planId}`,
    `/plan/edit/${f.planId}`,
  ];
  const staff = [
    ...chamber,
    '/events/new',
    `/events/${f.seminarId}/edit`,
    '/members/new',
    '/members/import',
    `/members/${f.memberId}/edit`,
    '/exams/manage',
    '/exams/manage/new',
    `/exams/manage/${f.sittingId}`,
    `/exams/manage/${f.sittingId}/edit`,
    `/events/${f.jobFairId}/check-in`,
    '/governance/mail-templates',
  ];
  switch (who) {
    case 'signed_out':
      return [
        '/login',
        '/login/forgot',
        '/login/reset?token=not-a-real-token',
        '/public/events',
        `/public/events/${f.jobFairId}`,
        `/public/cancel?token=${f.eventCancelToken}`,
        '/exams',
        `/exams/${f.sittingId}/apply`,
        `/exams/cancel?token=${f.examCancelToken}`,
        '/members/invitations/not-a-real-token',
        '/no-such-page',
      ];
    case 'member':
      return member;
    case 'member_admin':
      return [...member, `/members/${f.memberId}/edit`];
    case 'staff':
      return staff;
    case 'manager':
      return [...chamber, '/governance/audit'];
    case 'admin':
      return [
        ...staff,
        '/settings/chamber',
        '/governance/audit',
        '/governance/personal-data',
        '/integrations/webhooks',
        '/integrations/api-tokens',
      ];
  }
}

interface Finding {
  page: string;
  what: string;
}

async function call<T>(api: string, path: string, token: string | null, body: unknown): Promise<T> {
  const res = await fetch(`${api}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

function tokyoDayAhead(days: number): string {
  return new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

async function createFixtures(api: string): Promise<Fixtures> {
  const staff = await apiLogin(api, EMAIL.staff);
  const day = tokyoDayAhead(10);
  const event = (body: Record<string, unknown>) =>
    call<{ id: string }>(api, '/events', staff, {
      startsAt: `${day}T13:00:00+09:00`,
      endsAt: `${day}T17:00:00+09:00`,
      venue: '商工会議所 3階ホール',
      capacity: 40,
      ...body,
    });
  const jobFair = await event({
    kind: 'job_fair',
    title: { ja: '合同就職説明会（アクセシビリティ試験）', en: 'Joint job fair (accessibility test)' },
    actionItemCode: 'A1-1',
    audience: 'students',
  });
  const seminar = await event({
    kind: 'seminar',
    title: { ja: '経営セミナー（アクセシビリティ試験）', en: 'Management seminar (accessibility test)' },
    actionItemCode: 'A1-1',
    audience: 'members',
  });
  const signup = await call<{ cancelToken: string }>(api, `/public/events/${jobFair.id}/registrations`, null, {
    name: '相模 太郎',
    nameKana: 'さがみ たろう',
    email: 'taro.a11y@example.jp',
    school: '相模原工業大学',
  });
  const sitting = await call<{ id: string }>(api, '/exams', staff, {
    examCode: 'boki',
    grade: '3',
    startsAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
    venue: '相模原商工会議所 3階',
    capacity: 30,
    fee: 2850,
    audience: 'public',
  });
  const application = await call<{ cancelToken: string }>(api, `/public/exams/${sitting.id}/applications`, null, {
    name: '相模 花子',
    nameKana: 'さがみ はなこ',
    email: 'hanako.a11y@example.jp',
    birthDate: '2004-05-06',
    phone: '090-1234-5678',
  });
  const login = await call<LoginResponse>(api, '/auth/login', null, { email: EMAIL.member, password: PASSWORD });
  const member = login.accessToken;
  await call(api, `/events/${seminar.id}/registrations`, member, {
    participants: [{ name: '会員社員 デモ', nameKana: 'かいいんしゃいん でも', email: EMAIL.member }],
  }).catch(() => undefined); // a member's own registration: nice to have on "my registrations", not essential
  const suggestion = await call<{ id: string }>(api, '/suggestions', member, {
    category: 'events',
    body: '夜間のセミナーを増やしてください（アクセシビリティ試験）',
    anonymous: false,
  });
  const kpis = await fetch(`${api}/kpis`, { headers: { authorization: `Bearer ${staff}` } });
  const kpiId = ((await kpis.json()) as { id: string }[])[0]?.id;
  if (!kpiId) throw new Error('GET /kpis: no KPI in the demo seed');
  const plans = await fetch(`${api}/plans`, { headers: { authorization: `Bearer ${staff}` } });
  const planId = ((await plans.json()) as { id: string }[])[0]?.id;
  if (!planId) throw new Error('GET /plans: no plan in the demo seed');
  return {
    kpiId,
    planId,
    memberId: login.user.memberId ?? '',
    jobFairId: jobFair.id,
    seminarId: seminar.id,
    sittingId: sitting.id,
    suggestionId: suggestion.id,
    eventCancelToken: signup.cancelToken,
    examCancelToken: application.cancelToken,
  };
}

/** Waits until the routed page has rendered and stopped loading. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('h1') !== null &&
      document.querySelector('mat-progress-bar[mode="indeterminate"], mat-spinner, mat-progress-spinner') === null,
    null,
    { timeout: 15_000 },
  );
  await page.waitForTimeout(250);
}

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

async function audit(page: Page, label: string, phone: boolean): Promise<Finding[]> {
  const findings: Finding[] = [];
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  for (const v of violations as AxeViolation[]) {
    if (v.impact !== 'critical' && v.impact !== 'serious') continue;
    for (const node of v.nodes.slice(0, 5))
      findings.push({
        page: label,
        what: `${v.impact} ${v.id} (${v.help}) at ${JSON.stringify(node.target)}${v.nodes.length > 5 ? ` (+${v.nodes.length - 5} more)` : ''}`,
      });
  }
  if (phone) {
    const overflow = await page.evaluate(() => {
      const width = window.innerWidth;
      const scroll = document.documentElement.scrollWidth;
      if (scroll <= width) return null;
      const wide = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 1)
        .slice(0, 4)
        .map(
          (el) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''}`,
        );
      return { scroll, width, wide };
    });
    // the actions a phone user came for stay on screen, not at the far end of a table scrolled sideways
    const offScreen = await page.evaluate((selectors) => {
      const width = window.innerWidth;
      return selectors.filter((sel) =>
        [...document.querySelectorAll(sel)].some((el) => el.getBoundingClientRect().right > width + 1),
      );
    }, ON_SCREEN);
    for (const sel of offScreen)
      findings.push({ page: label, what: `${sel} is off-screen at ${page.viewportSize()?.width} px` });
    if (overflow)
      findings.push({
        page: label,
        what: `scrolls sideways: ${overflow.scroll} px wide on ${overflow.width} px (${overflow.wide.join(', ')})`,
      });
  }
  return findings;
}

describe('accessibility sweep: every page, every role, desktop and phone', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let fixtures: Fixtures;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    fixtures = await createFixtures(server.api);
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  const viewports = [
    { name: '1366', lang: 'ja', width: 1366, height: 900, phone: false },
    { name: '390', lang: 'ja', width: 390, height: 844, phone: true },
    { name: '390', lang: 'en', width: 390, height: 844, phone: true },
    ...(process.env['A11Y_SWEEP'] === 'full'
      ? [{ name: '1366', lang: 'en', width: 1366, height: 900, phone: false }]
      : []),
  ] as const;
  const visitors: Who[] = ['signed_out', 'member', 'member_admin', 'staff', 'manager', 'admin'];

  it.each(visitors)('%s: 0 critical, 0 serious, no sideways scroll on a phone', async (who) => {
    const baseUrl = server!.baseUrl;
    const findings: Finding[] = [];
    for (const view of viewports) {
      const context = await browser!.newContext({
        locale: view.lang === 'ja' ? 'ja-JP' : 'en-US',
        timezoneId: 'Asia/Tokyo',
        viewport: { width: view.width, height: view.height },
        isMobile: view.phone,
        hasTouch: view.phone,
        reducedMotion: 'reduce',
      });
      contexts.push(context);
      await context.addInitScript({ content: AXE_SOURCE });
      await context.addInitScript((lang) => localStorage.setItem('cp.lang', lang), view.lang);
      const page = await context.newPage();
      if (who !== 'signed_out') {
        await page.goto(`${baseUrl}/login`);
        await page.fill('[data-testid="login-email"]', EMAIL[who]);
        await page.fill('[data-testid="login-password"]', PASSWORD);
        await page.press('[data-testid="login-password"]', 'Enter');
        await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 });
      }
      for (const route of routesFor(who, fixtures)) {
        const label = `${who} ${view.lang} ${view.name}px ${route}`;
        await page.goto(`${baseUrl}${route}`);
        try {
          await settle(page);
        } catch {
          findings.push({ page: label, what: 'did not finish loading (no <h1>, or a progress bar stayed)' });
          continue;
        }
        const path = new URL(page.url()).pathname;
        if (path !== route.split('?')[0]) findings.push({ page: label, what: `was sent to ${path}` });
        findings.push(...(await audit(page, label, view.phone)));
      }
      await context.close();
    }
    expect(findings.map((f) => `${f.page}: ${f.what}`)).toEqual([]);
  });
});
