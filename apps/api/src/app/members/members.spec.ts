import type { ApiError, MemberDetail, MemberProfile, MemberSummary, Page } from '@chamber/contracts';
import { startTestApp, TestApp } from '../../testing/test-app';
import {
  corporateNumber,
  createMember,
  kpiValue,
  ledgerMatchesCounters,
  wrongCheckDigit,
} from './testing/member-fixtures';

describe('members: companies, search, membership KPIs, access (real PostgreSQL, real HTTP)', () => {
  let t: TestApp;
  let staff: string;
  let manager: string;
  let memberAdmin: string;
  let member: string;
  let demoMemberId: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.login('staff@example.jp');
    manager = await t.login('manager@example.jp');
    memberAdmin = await t.login('member-admin@example.jp');
    member = await t.login('member@example.jp');
    const me = await t.call<{ memberId: string }>('GET', '/auth/me', { token: memberAdmin });
    demoMemberId = me.body.memberId;
  });
  afterAll(() => t.close());

  const search = (q: string, token = staff) =>
    t.call<Page<MemberSummary>>('GET', `/members?q=${encodeURIComponent(q)}`, { token });

  it('finds a company with a valid corporate number by katakana, hiragana, half-width kana, name and number', async () => {
    const number = corporateNumber(424242);
    const created = await createMember(t, staff, {
      name: '相模原 カナ検索精機株式会社',
      nameKana: 'さがみはら かなけんさくせいき',
      corporateNumber: number,
    });
    expect(created.nameKana).toBe('サガミハラ カナケンサクセイキ');
    expect(created.corporateNumber).toBe(number);
    for (const q of [
      'カナケンサクセイキ',
      'かなけんさくせいき',
      'ｶﾅｹﾝｻｸｾｲｷ',
      'カナ ケンサク',
      '検索精機',
      number,
      number.slice(0, 6),
    ]) {
      const res = await search(q);
      expect(res.status).toBe(200);
      expect({ q, ids: res.body.items.map((m) => m.id) }).toEqual({ q, ids: expect.arrayContaining([created.id]) });
    }
    const none = await search('ソンザイシナイカイシャ');
    expect(none.body).toMatchObject({ items: [], total: 0, page: 1 });
  });

  it('rejects an invalid check digit naming corporateNumber, and writes nothing', async () => {
    const count = async () => Number(((await t.db.query('SELECT count(*) AS n FROM member')) as { n: string }[])[0]!.n);
    const ledger = async () =>
      Number(((await t.db.query('SELECT count(*) AS n FROM kpi_ledger')) as { n: string }[])[0]!.n);
    const [members, entries] = [await count(), await ledger()];
    const res = await t.call<ApiError>('POST', '/members', {
      token: staff,
      headers: { 'accept-language': 'en' },
      body: {
        name: '誤番号株式会社',
        nameKana: 'ゴバンゴウ',
        corporateNumber: wrongCheckDigit(corporateNumber(77)),
        industry: '製造業',
        ward: 'midori',
        joinedOn: '2020-06-01',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.field)).toEqual(['corporateNumber']);
    expect(res.body.errors?.[0]?.message).toContain('corporate number');
    expect(await count()).toBe(members);
    expect(await ledger()).toBe(entries);
  });

  it('lists every field at fault and refuses unknown fields and a duplicate corporate number', async () => {
    const res = await t.call<ApiError>('POST', '/members', {
      token: staff,
      body: { name: '', nameKana: 'Yamada', industry: '', ward: 'tokyo', joinedOn: '2020-02-30', extra: 1 },
    });
    expect(res.status).toBe(400);
    expect(new Set(res.body.errors?.map((e) => e.field))).toEqual(
      new Set(['name', 'nameKana', 'industry', 'ward', 'joinedOn', 'extra']),
    );
    const number = corporateNumber(5151);
    await createMember(t, staff, { corporateNumber: number });
    const again = await t.call<ApiError>('POST', '/members', {
      token: staff,
      body: {
        name: '重複',
        nameKana: 'チョウフク',
        corporateNumber: number,
        industry: '業',
        ward: 'chuo',
        joinedOn: '2020-06-01',
      },
    });
    expect(again.status).toBe(409);
  });

  it('a new member moves C1-9-new-members and C1-9-members; leaving lowers only the latter', async () => {
    const fy = 2020;
    const before = {
      newMembers: await kpiValue(t, staff, fy, 'C1-9-new-members'),
      members: await kpiValue(t, staff, fy, 'C1-9-members'),
    };
    const created = await createMember(t, staff, { joinedOn: '2020-04-01' });
    expect(await kpiValue(t, staff, fy, 'C1-9-new-members')).toBe(before.newMembers + 1);
    expect(await kpiValue(t, staff, fy, 'C1-9-members')).toBe(before.members + 1);

    const left = await t.call<MemberProfile>('PATCH', `/members/${created.id}`, {
      token: staff,
      body: { leftOn: '2021-03-31' },
    });
    expect(left.status).toBe(200);
    expect(left.body.status).toBe('left');
    expect(await kpiValue(t, staff, fy, 'C1-9-new-members')).toBe(before.newMembers + 1);
    expect(await kpiValue(t, staff, fy, 'C1-9-members')).toBe(before.members);

    // recording the same leaving again moves nothing; leftOn before joinedOn is refused
    await t.call('PATCH', `/members/${created.id}`, { token: staff, body: { leftOn: '2021-03-31', notes: 'again' } });
    expect(await kpiValue(t, staff, fy, 'C1-9-members')).toBe(before.members);
    const early = await t.call<ApiError>('PATCH', `/members/${created.id}`, {
      token: staff,
      body: { leftOn: '2020-01-01' },
    });
    expect(early.status).toBe(400);
    expect(early.body.errors?.[0]?.field).toBe('leftOn');
    await ledgerMatchesCounters(t);
  });

  it('concurrent joins each count once', async () => {
    const before = await kpiValue(t, staff, 2020, 'C1-9-new-members');
    await Promise.all(Array.from({ length: 12 }, () => createMember(t, staff, { joinedOn: '2020-09-09' })));
    expect(await kpiValue(t, staff, 2020, 'C1-9-new-members')).toBe(before + 12);
    await ledgerMatchesCounters(t);
  });

  it('a member_admin sees and edits only their own company; staff and managers see any', async () => {
    const other = await createMember(t, staff);
    await t.call('POST', `/members/${other.id}/people`, {
      token: staff,
      body: { name: '他社 太郎', nameKana: 'タシャ タロウ', email: 'taro@other.example.jp' },
    });
    expect((await t.call('GET', `/members/${other.id}/people`, { token: memberAdmin })).status).toBe(403);
    expect((await t.call('GET', `/members/${other.id}`, { token: memberAdmin })).status).toBe(403);
    expect((await t.call('GET', `/members/${other.id}`, { token: member })).status).toBe(403);
    expect((await t.call('PATCH', `/members/${other.id}`, { token: memberAdmin, body: { phone: '1' } })).status).toBe(
      403,
    );
    const staffPeople = await t.call<unknown[]>('GET', `/members/${other.id}/people`, { token: staff });
    expect(staffPeople.status).toBe(200);
    expect(staffPeople.body).toHaveLength(1);
    expect((await t.call('GET', `/members/${other.id}/people`, { token: manager })).status).toBe(200);

    const own = await t.call<MemberDetail>('GET', `/members/${demoMemberId}`, { token: memberAdmin });
    expect(own.status).toBe(200);
    expect(own.body.accounts.map((a) => a.email).sort()).toEqual(['member-admin@example.jp', 'member@example.jp']);
    const edit = await t.call<MemberProfile>('PATCH', `/members/${demoMemberId}`, {
      token: memberAdmin,
      body: { representative: '相模 一郎', phone: '042-000-0000', employees: 12 },
    });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ representative: '相模 一郎', employees: 12 });
    const name = await t.call('PATCH', `/members/${demoMemberId}`, { token: memberAdmin, body: { name: '改名' } });
    expect(name.status).toBe(403);
    expect((await t.call('PATCH', `/members/${demoMemberId}`, { token: member, body: { phone: '1' } })).status).toBe(
      403,
    );
    expect((await t.call('GET', '/members', { token: memberAdmin })).status).toBe(403);
    expect((await t.call('POST', '/members', { token: manager, body: {} })).status).toBe(403);
  });

  it('pages the search and answers 404 for an unknown company', async () => {
    const res = await t.call<Page<MemberSummary>>('GET', '/members?q=テストカイイン&page=2&pageSize=5', {
      token: staff,
    });
    expect(res.status).toBe(200);
    expect(res.body.page).toBe(2);
    expect(res.body.pageSize).toBe(5);
    expect(res.body.total).toBeGreaterThan(10);
    expect(res.body.items).toHaveLength(5);
    expect((await t.call('GET', '/members/00000000-0000-4000-8000-000000000000', { token: staff })).status).toBe(404);
    expect((await t.call('GET', '/members?pageSize=1000', { token: staff })).status).toBe(400);
  });

  it('searches 10,000 companies quickly', async () => {
    await t.db.query(
      `INSERT INTO member (name, name_kana, industry, ward, joined_on, search_key, corporate_number)
       SELECT '負荷試験' || i || '株式会社', 'フカシケン', '業', 'chuo', '2015-04-01',
              '負荷試験' || i || '株式会社|フカシケン|', NULL
       FROM generate_series(1, 10000) AS i`,
    );
    await t.db.query('ANALYZE member');
    const [index] = (await t.db.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'IDX_member_search_key'`)) as {
      indexdef: string;
    }[];
    expect(index?.indexdef).toMatch(/gin_trgm_ops|text_pattern_ops/);
    const started = Date.now();
    const res = await search('負荷試験9999株式会社');
    expect(Date.now() - started).toBeLessThan(500);
    expect(res.body.total).toBe(1);
    const many = await search('ふかしけん');
    expect(many.body.total).toBe(10000);
    expect(many.body.items).toHaveLength(20);
  });
});
