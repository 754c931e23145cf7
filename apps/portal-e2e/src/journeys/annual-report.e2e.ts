/**
 * Browser journey: a manager opens the dashboard, narrows it to what is behind, opens a KPI's
 * history; staff open the annual report, whose numbers are those of GET /api/reports/annual, write
 * a narrative (its history names them) and download the workbook, read back with ExcelJS.
 */
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AnnualReport, KpiHistory, KpiReading, PlanSummary, PlanView } from '@chamber/contracts';
import { currentFiscalYear } from '@chamber/domain';
import { apiLogin, launchBrowser, startServer, type RunningServer } from '../support/server';

jest.setTimeout(180_000);

const PASSWORD = 'demo-pass-2019';

async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.waitForSelector('[data-testid="login-email"]');
  await page.fill('[data-testid="login-email"]', email);
  await page.fill('[data-testid="login-password"]', PASSWORD);
  await page.click('[data-testid="login-submit"]');
  await page.waitForURL(/\/dashboard/, { timeout: 15_000 });
}

async function get<T>(server: RunningServer, token: string, path: string): Promise<T> {
  const res = await fetch(`${server.api}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(inner);
}

const percent = (a: number | null) =>
  a === null ? '—' : new Intl.NumberFormat('ja-JP', { style: 'percent', maximumFractionDigits: 0 }).format(a);

describe('portal journey: dashboard → KPI history, annual report', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  async function newPage(width = 1366, height = 900): Promise<Page> {
    if (!browser) throw new Error('browser not started');
    const context = await browser.newContext({
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      viewport: { width, height },
      acceptDownloads: true,
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

  it('manager: the summary counts what the API reads, "behind" narrows the list, a KPI opens its history', async () => {
    if (!server) throw new Error('server not started');
    const token = await apiLogin(server.api, 'manager@example.jp');
    const fy = currentFiscalYear();
    const kpis = await get<KpiReading[]>(server, token, `/kpis?fiscalYear=${fy}`);
    const page = await newPage();
    await signIn(page, server.baseUrl, 'manager@example.jp');
    await page.waitForSelector('cp-kpi-row');

    // the summary first: one tile per status with the API's counts
    for (const status of ['met', 'on_track', 'behind', 'not_started', 'no_target'] as const) {
      const count = await page.getAttribute(`[data-testid="total-${status}"]`, 'data-count');
      expect(Number(count)).toBe(kpis.filter((k) => k.status === status).length);
    }
    expect(await page.locator('cp-kpi-row').count()).toBe(kpis.length);
    // status in words on every line, not by colour alone
    expect(await page.locator('cp-kpi-row [data-testid="kpi-status"]').count()).toBe(kpis.length);

    // "behind" only, kept in the address
    const behind = kpis.filter((k) => k.status === 'behind');
    await page.click('[data-testid="total-behind"]');
    await page.waitForURL(/status=behind/);
    expect(await page.getAttribute('[data-testid="total-behind"]', 'aria-pressed')).toBe('true');
    const shown = await page.$$eval('cp-kpi-row', (rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(shown).toHaveLength(behind.length);
    expect(new Set(shown)).toEqual(new Set(behind.length ? ['behind'] : []));

    // the compact table, ordered by attainment (lowest first)
    await page.click('[data-testid="view-table"]');
    await page.waitForSelector('[data-testid="kpi-table"]');
    const target = [...behind].sort((a, b) => (a.attainment ?? 0) - (b.attainment ?? 0))[0] ?? kpis[0]!;

    // a reload keeps the filters
    await page.reload();
    await page.waitForSelector('[data-testid="kpi-table"]');
    expect(await page.locator('[data-testid="kpi-table"] tbody tr').count()).toBe(behind.length);

    // the KPI's history: each year as GET /api/kpis/:id/history, the projection said to be linear
    await page.click(`[data-testid="kpi-table"] tr[data-kpi-id="${target.id}"] [data-testid="kpi-history-link"]`);
    await page.waitForURL(new RegExp(`/plan/kpis/${target.id}$`));
    await page.waitForSelector('[data-testid="history-table"]');
    const history = await get<KpiHistory>(server, token, `/kpis/${target.id}/history`);
    expect(await page.locator('[data-testid="history-table"] tbody tr[data-fiscal-year]').count()).toBe(
      history.years.length,
    );
    expect(await page.textContent('[data-testid="history-projection"]')).toContain('線形予測');
    const verdict = await page.getAttribute('[data-testid="history-verdict"]', 'data-verdict');
    const expected =
      history.projection.value === null
        ? null
        : { true: 'meet', false: 'miss', null: 'none' }[String(history.projection.willMeetTarget) as 'true'];
    expect(verdict).toBe(expected);
  });

  it('staff: the report shows the API numbers, a narrative is written with its history, the xlsx holds it', async () => {
    if (!server) throw new Error('server not started');
    const token = await apiLogin(server.api, 'staff@example.jp');
    const page = await newPage();
    await signIn(page, server.baseUrl, 'staff@example.jp');
    // the plan page leads to the report too; the dashboard's button is the shorter way
    await page.goto(`${server.baseUrl}/plan`);
    await page.waitForSelector('[data-testid="plan-open-report"]');
    await page.goto(`${server.baseUrl}/dashboard`);
    await page.click('[data-testid="open-report"]');
    await page.waitForURL(/\/plan\/report/);
    await page.waitForSelector('[data-testid="report-summary-met"]');
    const fy = Number(new URL(page.url()).searchParams.get('fiscalYear'));
    const report = await get<AnnualReport>(server, token, `/reports/annual?fiscalYear=${fy}`);

    for (const status of Object.keys(report.summary) as (keyof AnnualReport['summary'])[]) {
      expect(Number(await page.getAttribute(`[data-testid="report-summary-${status}"]`, 'data-count'))).toBe(
        report.summary[status],
      );
    }
    // every KPI row: the attainment the API computed (one computation, the dashboard's)
    const apiRows = report.pillars.flatMap((p) => p.items.flatMap((i) => i.kpis));
    const pageRows = await page.$$eval('article[data-item-code] tr[data-kpi-code]', (rows) =>
      rows.map((r) => ({
        code: r.getAttribute('data-kpi-code'),
        attainment: r.querySelector('[data-testid="report-attainment"]')?.textContent?.trim(),
      })),
    );
    expect(pageRows).toEqual(
      apiRows.map((k) => ({ code: k.code, attainment: k.status === 'no_target' ? '—' : percent(k.attainment) })),
    );
    expect(await page.locator('ngx-charts-bar-vertical').count()).toBeGreaterThan(0);

    // a narrative for the first item, and its history naming who wrote it
    const item = report.pillars[0]!.items[0]!;
    const text = `ブラウザから記入した評価 ${Date.now()}`;
    const form = `[data-testid="narrative-form-${item.code}"]`;
    await page.fill(`${form} [data-testid="narrative-evaluation"]`, text);
    await page.click(`[data-testid="narrative-save-${item.code}"]`);
    await page.waitForFunction(
      async ({ api, t, fy, code, text }) => {
        const res = await fetch(`${api}/reports/annual?fiscalYear=${fy}`, {
          headers: { Authorization: `Bearer ${t}` },
        });
        const r = (await res.json()) as AnnualReport;
        return r.pillars.some((p) => p.items.some((i) => i.code === code && i.narrative.evaluation === text));
      },
      { api: server.api, t: token, fy, code: item.code, text },
      { timeout: 10_000 },
    );
    await page.click(`${form} button[aria-expanded]`);
    await page.waitForSelector(`[data-testid="narrative-history-${item.code}"] .change`);
    expect(await page.textContent(`[data-testid="narrative-history-${item.code}"]`)).toContain('職員 デモ');

    // the workbook: a sheet per pillar, the narrative in it
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="report-xlsx"]')]);
    expect(download.suggestedFilename()).toBe(`annual-report-FY${fy}.xlsx`);
    const path = await download.path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets).toHaveLength(report.pillars.length);
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.text ?? ''))));
    expect(cells).toContain(text);
  });

  it('phone: dashboard, report, history and review do not scroll sideways at 390 px', async () => {
    if (!server) throw new Error('server not started');
    const page = await newPage(390, 844);
    await signIn(page, server.baseUrl, 'staff@example.jp');
    await page.waitForSelector('cp-kpi-row');
    await noSidewaysScroll(page);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(9_000);
    await page.click('[data-testid="view-table"]');
    await page.waitForSelector('[data-testid="kpi-table"]');
    await noSidewaysScroll(page);
    await page.click('[data-testid="open-report"]');
    await page.waitForSelector('[data-testid="report-summary-met"]');
    await noSidewaysScroll(page);
    await page.click('[data-testid="open-review"]');
    await page.waitForSelector('[data-testid="review-table"]');
    await noSidewaysScroll(page);
  });

  it('staff: the next plan editor changes a target and adds a KPI, and lists both against the previous plan', async () => {
    if (!server) throw new Error('server not started');
    const token = await apiLogin(server.api, 'staff@example.jp');
    const plans = await get<PlanSummary[]>(server, token, '/plans');
    const next = plans.find((p) => p.continuedFromId !== null)!;
    const before = await get<PlanView>(server, token, `/plan?fiscalYear=${next.startFiscalYear}`);
    const item = before.pillars[0]!.themes[0]!.actionItems.find((a) => a.kpis.some((k) => k.kind === 'cumulative'))!;
    const kpi = item.kpis.find((k) => k.kind === 'cumulative')!;

    const page = await newPage();
    await signIn(page, server.baseUrl, 'staff@example.jp');
    await page.goto(`${server.baseUrl}/plan/edit/${next.id}`);
    await page.waitForSelector('[data-testid="plan-changes"]');
    expect(await page.locator('[data-testid="plan-changes"] li[data-change]').count()).toBe(0);

    await page.fill(`[data-testid="kpi-target-${kpi.code}"]`, String((kpi.target ?? 0) + 25));
    await page.click(`[data-testid="kpi-save-${kpi.code}"]`);
    await page.waitForSelector('[data-testid="plan-changes"] li[data-change="kpi_target"]');

    await page.click(`[data-testid="kpi-add-${item.code}"]`);
    await page.fill('[data-testid="kpi-add-code"]', 'companies');
    await page.fill('[data-testid="kpi-add-label-ja"]', '参加企業数');
    await page.fill('[data-testid="kpi-add-label-en"]', 'Participating companies');
    await page.fill('[data-testid="kpi-add-target"]', '30');
    await page.click('[data-testid="kpi-add-save"]');
    await page.waitForSelector('[data-testid="plan-changes"] li[data-change="kpi_added"]');
    const list = await page.textContent('[data-testid="plan-changes"]');
    expect(list).toContain(kpi.code);
    expect(list).toContain('参加企業数');

    const after = await get<PlanView>(server, token, `/plan?fiscalYear=${next.startFiscalYear}`);
    const edited = after.pillars[0]!.themes[0]!.actionItems.find((a) => a.code === item.code)!;
    expect(edited.kpis.find((k) => k.code === kpi.code)!.target).toBe((kpi.target ?? 0) + 25);
    expect(edited.kpis.find((k) => k.code === `${item.code}-companies`)).toMatchObject({ target: 30, unit: 'persons' });
  });
});
