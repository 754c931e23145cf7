import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { decode } from 'iconv-lite';
import { call, createJobFair, login, RunningServer, startServer, thisRunsEngine } from './support/server';

/** What a spreadsheet runs as a formula (OWASP): = + - @ first, also after spaces, full-width too; a tab or CR. */
const LIVE = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;
const FORMULAS = ['=HYPERLINK("http://x","詳細")', '=1+2', '+1', '-1+1', '@SUM(1)', '＝1+2', '\t=1+2'];

async function download(api: string, token: string, path: string): Promise<Buffer> {
  const res = await fetch(`${api}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return Buffer.from(await res.arrayBuffer());
}

function csvCells(bytes: Buffer, encoding: 'utf8' | 'sjis'): string[] {
  const text = encoding === 'sjis' ? decode(bytes, 'cp932') : bytes.toString('utf8').replace(/^\uFEFF/, '');
  return (parse(text, { relax_column_count: true }) as string[][]).flat();
}

/** Every cell of every sheet: a formula cell is reported as such, text as its string. */
async function xlsxCells(bytes: Buffer): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) cells.push(`FORMULA ${cell.formula}`);
        else cells.push(typeof cell.value === 'string' ? cell.value : String(cell.value));
      }),
    ),
  );
  return cells;
}

/** Each cell inert, and each hostile value there (so the walk saw it) with its apostrophe. */
function expectInert(route: string, cells: string[], values: string[]): void {
  const live = cells.filter((c) => c.startsWith('FORMULA ') || LIVE.test(c));
  expect({ route, live }).toEqual({ route, live: [] });
  for (const v of values) expect({ route, found: cells.includes(`'${v}`) }).toEqual({ route, found: true });
}

// the run's engine: npm test runs the API suites once on each (E2E_ENGINE)
describe.each(thisRunsEngine())('every export writes formulas as text (%s)', (_engine, embedded) => {
  let server: RunningServer;
  let staff: string;

  beforeAll(async () => {
    server = await startServer({ embedded });
    staff = (await login(server.api, 'staff@example.jp')).accessToken;
  });
  afterAll(() => server.stop());

  it('roster CSV (UTF-8, CP932) and Excel: names and schools from the public form', async () => {
    const event = await createJobFair(server.api, staff, {
      title: { ja: '=1+2', en: 'fair' },
      capacity: 50,
      daysAhead: 20,
    });
    for (const [i, name] of FORMULAS.entries()) {
      const res = await call(server.api, 'POST', `/public/events/${event.id}/registrations`, {
        body: { name, nameKana: 'ガクセイ', email: `s${i}@example.jp`, school: name },
      });
      expect(res.status).toBe(201);
    }
    // the public form trims names: a leading tab does not survive there, the school's neither
    const stored = FORMULAS.filter((f) => !f.startsWith('\t'));
    for (const encoding of ['utf8', 'sjis'] as const) {
      const path = `/events/${event.id}/roster.csv?encoding=${encoding}`;
      expectInert(path, csvCells(await download(server.api, staff, path), encoding), stored);
    }
    const path = `/events/${event.id}/roster.xlsx`;
    expectInert(path, await xlsxCells(await download(server.api, staff, path)), stored);
  });

  it('members.csv (UTF-8, CP932): profile fields a member_admin edits', async () => {
    const memberAdmin = await login(server.api, 'member-admin@example.jp');
    const values = {
      representative: '=HYPERLINK("http://x","詳細")',
      address: '+1',
      phone: '-1+1',
      postalCode: '@SUM(1)',
    };
    const res = await call(server.api, 'PATCH', `/members/${memberAdmin.user.memberId}`, {
      token: memberAdmin.accessToken,
      body: values,
    });
    expect(res.status).toBe(200);
    const renamed = await call(server.api, 'PATCH', `/members/${memberAdmin.user.memberId}`, {
      token: staff,
      body: { name: '=1+2', industry: '＝1+2' },
    });
    expect(renamed.status).toBe(200);
    for (const encoding of ['utf8', 'sjis'] as const) {
      const path = `/members.csv?encoding=${encoding}`;
      expectInert(path, csvCells(await download(server.api, staff, path), encoding), [
        ...Object.values(values),
        '=1+2',
        '＝1+2',
      ]);
    }
  });

  it('exam applicants CSV (UTF-8, CP932) and Excel', async () => {
    const sitting = await call<{ id: string }>(server.api, 'POST', '/exams', {
      token: staff,
      body: {
        examCode: 'boki',
        grade: '3',
        startsAt: new Date(Date.now() + 60 * 86_400_000).toISOString(),
        venue: '=1+2',
        capacity: 100,
        fee: 2850,
        audience: 'public',
      },
    });
    expect(sitting.status).toBe(201);
    const names = FORMULAS.filter((f) => !f.startsWith('\t'));
    for (const [i, name] of names.entries()) {
      const res = await call(server.api, 'POST', `/public/exams/${sitting.body.id}/applications`, {
        body: {
          name,
          nameKana: 'ジュケン',
          email: `e${i}@example.jp`,
          birthDate: '2004-05-06',
          phone: '090-1234-5678',
        },
      });
      expect(res.status).toBe(201);
    }
    for (const encoding of ['utf8', 'sjis'] as const) {
      const path = `/exams/${sitting.body.id}/applications.csv?encoding=${encoding}`;
      expectInert(path, csvCells(await download(server.api, staff, path), encoding), names);
    }
    const path = `/exams/${sitting.body.id}/applications.xlsx`;
    expectInert(path, await xlsxCells(await download(server.api, staff, path)), names);
  });

  it('suggestions.csv: a member’s suggestion and staff’s answer', async () => {
    const member = (await login(server.api, 'member@example.jp')).accessToken;
    const posted = await call<{ id: string }>(server.api, 'POST', '/suggestions', {
      token: member,
      body: { category: 'other', body: '=HYPERLINK("http://x","詳細")', anonymous: false },
    });
    expect(posted.status).toBe(201);
    const answered = await call(server.api, 'POST', `/suggestions/${posted.body.id}/answer`, {
      token: staff,
      body: { body: '@SUM(1)' },
    });
    expect(answered.status).toBe(200);
    const path = '/suggestions.csv';
    expectInert(path, csvCells(await download(server.api, staff, path), 'utf8'), [
      '=HYPERLINK("http://x","詳細")',
      '@SUM(1)',
    ]);
  });
});
