import * as iconv from 'iconv-lite';
import type { ImportResult, Page, MemberSummary } from '@chamber/contracts';
import { fiscalYearOfDate } from '@chamber/domain';
import { startTestApp, TestApp } from '../../testing/test-app';
import {
  corporateNumber,
  createMember,
  kpiValue,
  ledgerMatchesCounters,
  wrongCheckDigit,
} from './testing/member-fixtures';

const HEADER_JA = '会社名,フリガナ,法人番号,業種,区,入会日';
const WARDS_JA = ['緑区', '中央区', '南区', '市外'];

/** 5,000 companies as Japanese Excel writes them; `bad` data rows (0-based) get one fault each. */
function companies(count: number, serialBase: number, bad: Record<number, 'number' | 'kana' | 'ward'> = {}): string[] {
  const lines = [HEADER_JA];
  for (let i = 0; i < count; i++) {
    let number = corporateNumber(serialBase + i);
    let kana = `インポートテスト${i % 2 ? 'ショウジ' : 'セイサクショ'}`;
    let ward = WARDS_JA[i % 4]!;
    if (bad[i] === 'number') number = wrongCheckDigit(number);
    if (bad[i] === 'kana') kana = 'Import Test';
    if (bad[i] === 'ward') ward = '港区';
    const fy = 2019 + (i % 3);
    lines.push(`インポート試験${serialBase + i}株式会社,${kana},${number},製造業,${ward},${fy}/${(i % 12) + 1}/1`);
  }
  return lines;
}

describe('CSV import and export of member companies (real PostgreSQL, real HTTP)', () => {
  let t: TestApp;
  let staff: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.login('staff@example.jp');
  });
  afterAll(() => t.close());

  const upload = async (body: Buffer, query: string, lang = 'ja') => {
    const res = await fetch(`${t.api}/members/import${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff}`, 'content-type': 'text/csv', 'accept-language': lang },
      body: new Uint8Array(body),
    });
    return { status: res.status, body: (await res.json()) as ImportResult & { message?: string } };
  };
  const memberCount = async () =>
    Number(((await t.db.query('SELECT count(*) AS n FROM member')) as { n: string }[])[0]!.n);
  const joined = async () =>
    Number(
      (
        (await t.db.query(`SELECT coalesce(sum(delta), 0) AS n FROM kpi_ledger WHERE measure = 'members_joined'`)) as {
          n: string;
        }[]
      )[0]!.n,
    );

  it('a 5,000-row CP932 file with 3 bad rows reports them and imports nothing; fixed, it imports all, deduped', async () => {
    const bad = { 99: 'number', 2499: 'kana', 4999: 'ward' } as const;
    const cp932 = (lines: string[]) => iconv.encode(lines.join('\r\n') + '\r\n', 'cp932');
    const existing = await createMember(t, staff, { corporateNumber: corporateNumber(100_000 + 7) });
    const [count, joinedBefore] = [await memberCount(), await joined()];

    for (const query of ['?dryRun=true', '']) {
      const res = await upload(cp932(companies(5000, 100_000, bad)), query, 'en');
      expect({ query, status: res.status }).toEqual({ query, status: query ? 200 : 400 });
      expect(res.body).toMatchObject({ rows: 5000, valid: 4997, encoding: 'cp932', imported: 0 });
      expect(res.body.errors.map((e) => [e.row, e.field])).toEqual([
        [101, 'corporateNumber'],
        [2501, 'nameKana'],
        [5001, 'ward'],
      ]);
      expect(res.body.errors.map((e) => e.record)).toEqual([100, 2500, 5000]);
      expect(res.body.errors[0]!.message).toContain('corporate number');
      expect(await memberCount()).toBe(count);
      expect(await joined()).toBe(joinedBefore);
    }

    // fixed, with a repeated row and one company already a member: both deduped by corporate number
    const fixed = companies(5000, 100_000);
    fixed.push(fixed[10]!);
    const started = Date.now();
    const res = await upload(cp932(fixed), '');
    const took = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 5001, valid: 5001, duplicates: 2, imported: 4999, errors: [] });
    expect(took).toBeLessThan(20_000);
    expect(await memberCount()).toBe(count + 4999);
    expect(await joined()).toBe(joinedBefore + 4999);
    const dup = (await t.db.query(`SELECT count(*)::int AS n FROM member WHERE corporate_number = $1`, [
      existing.corporateNumber,
    ])) as { n: number }[];
    expect(dup[0]!.n).toBe(1);
    // the kana of an imported row is searchable like any other
    const found = await t.call<Page<MemberSummary>>('GET', `/members?q=${encodeURIComponent('いんぽーと試験100042')}`, {
      token: staff,
    });
    expect(found.body.total).toBe(1);
    await ledgerMatchesCounters(t);

    // importing the same file again adds nothing
    const again = await upload(cp932(fixed), '');
    expect(again.body).toMatchObject({ imported: 0, duplicates: 5001 });
    expect(await memberCount()).toBe(count + 4999);
  }, 120_000);

  it('skipInvalid imports the valid rows of a UTF-8 file (BOM, English header) and counts them by fiscal year', async () => {
    const lines = companies(30, 200_000, { 3: 'kana' }).slice(1);
    const body = Buffer.from('\uFEFF' + ['name,nameKana,corporateNumber,industry,ward,joinedOn', ...lines].join('\n'));
    const newMembers2020 = await kpiValue(t, staff, 2020, 'C1-9-new-members');
    const rejected = await upload(body, '');
    expect(rejected.status).toBe(400);
    expect(rejected.body.errors).toHaveLength(1);
    const res = await upload(body, '?skipInvalid=true');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ encoding: 'utf-8', rows: 30, valid: 29, skipped: 1, imported: 29 });
    // C1-9-new-members is cumulative over the plan: every join of FY2019 and FY2020
    const expected2020 = Array.from({ length: 30 }, (_, i) => i)
      .filter((i) => i !== 3)
      .map((i) => fiscalYearOfDate(`${2019 + (i % 3)}-${String((i % 12) + 1).padStart(2, '0')}-01`))
      .filter((fy) => fy >= 2019 && fy <= 2020).length;
    expect(await kpiValue(t, staff, 2020, 'C1-9-new-members')).toBe(newMembers2020 + expected2020);
  });

  it('names a missing header column and refuses an empty body', async () => {
    const res = await upload(Buffer.from('会社名,業種\nA,B\n'), '?dryRun=true');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.field)).toEqual(['nameKana', 'ward', 'joinedOn']);
    const empty = await fetch(`${t.api}/members/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff}`, 'content-type': 'text/csv' },
      body: '',
    });
    expect(empty.status).toBe(400);
    const manager = await t.login('manager@example.jp');
    const forbidden = await fetch(`${t.api}/members/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${manager}`, 'content-type': 'text/csv' },
      body: 'x',
    });
    expect(forbidden.status).toBe(403);
  });

  it('exports CSV for Japanese Excel: UTF-8 with BOM or CP932, Japanese header, re-importable', async () => {
    await createMember(t, staff, { name: '輸出テスト株式会社', nameKana: 'ユシュツテスト', ward: 'minami' });
    const utf8 = await fetch(`${t.api}/members.csv?q=${encodeURIComponent('ゆしゅつてすと')}`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    expect(utf8.status).toBe(200);
    expect(utf8.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await utf8.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toMatch(/^会社名,フリガナ,法人番号,業種,区,入会日,/);
    expect(text).toContain('輸出テスト株式会社,ユシュツテスト,,小売業,南区,2020-05-01');

    const sjis = await fetch(`${t.api}/members.csv?encoding=sjis&q=${encodeURIComponent('ユシュツテスト')}`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    const decoded = iconv.decode(Buffer.from(await sjis.arrayBuffer()), 'cp932');
    expect(decoded).toContain('輸出テスト株式会社');
    // what was exported imports again (as a duplicate-free dry run: no corporate number, so a new row)
    const dry = await upload(
      Buffer.from(
        await (
          await fetch(`${t.api}/members.csv?q=ユシュツ`, { headers: { authorization: `Bearer ${staff}` } })
        ).arrayBuffer(),
      ),
      '?dryRun=true',
    );
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ rows: 1, valid: 1, errors: [] });
  });
});
