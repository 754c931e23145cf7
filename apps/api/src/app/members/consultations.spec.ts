import type { ApiError, Consultation, InactiveMembersPage, MemberActivity, Page, Visit } from '@chamber/contracts';
import { fiscalYearOf } from '@chamber/domain';
import { startTestApp, TestApp } from '../../testing/test-app';
import { createMember, kpiValue, ledgerMatchesCounters } from './testing/member-fixtures';

describe('consultations and visits feed the plan (real PostgreSQL, real HTTP)', () => {
  let t: TestApp;
  let staff: string;
  let memberAdmin: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.login('staff@example.jp');
    memberAdmin = await t.login('member-admin@example.jp');
  });
  afterAll(() => t.close());

  const consult = (memberId: string, body: Record<string, unknown>, token = staff) =>
    t.call<Consultation & ApiError>('POST', `/members/${memberId}/consultations`, {
      token,
      body: { summary: '経営分析を実施', ...body },
    });

  it('three analysis entries for one company in one FY move A3-2-analysed by 1 and A2-1-guidance by 3', async () => {
    const company = await createMember(t, staff);
    const analysed = await kpiValue(t, staff, 2020, 'A3-2-analysed');
    const guidance = await kpiValue(t, staff, 2020, 'A2-1-guidance');
    const answers = [];
    for (const date of ['2020-04-01', '2020-09-15', '2021-03-31'])
      answers.push(await consult(company.id, { kind: 'analysis', date }));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(answers.map((a) => a.body.firstInFiscalYear)).toEqual([true, false, false]);
    expect(answers.map((a) => a.body.actionItemCode)).toEqual(['A3-2', 'A3-2', 'A3-2']);
    expect(await kpiValue(t, staff, 2020, 'A3-2-analysed')).toBe(analysed + 1);
    expect(await kpiValue(t, staff, 2020, 'A2-1-guidance')).toBe(guidance + 3);
    await ledgerMatchesCounters(t);
  });

  it('an entry dated 2020-04-01 (Asia/Tokyo) counts in FY2020, 2020-03-31 in FY2019', async () => {
    const company = await createMember(t, staff);
    const fy2019 = await kpiValue(t, staff, 2019, 'A3-3-plans');
    const fy2020 = await kpiValue(t, staff, 2020, 'A3-3-plans');
    const april = await consult(company.id, { kind: 'business_plan', date: '2020-04-01' });
    expect(april.body).toMatchObject({ fiscalYear: 2020, date: '2020-04-01' });
    // an instant is read in Tokyo: 2020-03-31T15:00Z is 2020-04-01 00:00 JST
    const instant = await consult(company.id, { kind: 'business_plan', date: '2020-03-31T15:00:00Z' });
    expect(instant.body).toMatchObject({ fiscalYear: 2020, date: '2020-04-01' });
    const march = await consult(company.id, { kind: 'business_plan', date: '2020-03-31' });
    expect(march.body).toMatchObject({ fiscalYear: 2019 });
    expect(await kpiValue(t, staff, 2020, 'A3-3-plans')).toBe(fy2020 + 1);
    expect(await kpiValue(t, staff, 2019, 'A3-3-plans')).toBe(fy2019 + 1);
  });

  it('counts a company once per kind per FY under concurrency', async () => {
    const company = await createMember(t, staff);
    const analysed = await kpiValue(t, staff, 2021, 'A3-2-analysed');
    const guidance = await kpiValue(t, staff, 2021, 'A2-1-guidance');
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, i) => consult(company.id, { kind: 'analysis', date: `2021-05-${10 + i}` })),
    );
    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(answers.filter((a) => a.body.firstInFiscalYear)).toHaveLength(1);
    expect(await kpiValue(t, staff, 2021, 'A3-2-analysed')).toBe(analysed + 1);
    expect(await kpiValue(t, staff, 2021, 'A2-1-guidance')).toBe(guidance + 15);
    await ledgerMatchesCounters(t);
  });

  it('each kind feeds its KPI: marukei, innovation, startup, follow-up (founders apart)', async () => {
    const founder = await createMember(t, staff, { founder: true });
    const plain = await createMember(t, staff);
    const before = {
      marukei: await kpiValue(t, staff, 2020, 'A2-1-marukei'),
      innovation: await kpiValue(t, staff, 2020, 'A2-1-innovation'),
      founders: await kpiValue(t, staff, 2020, 'A1-9-founders'),
      followUp: await kpiValue(t, staff, 2020, 'A3-4-follow-up'),
      followUpFounders: await kpiValue(t, staff, 2020, 'A3-4-founders'),
      guidance: await kpiValue(t, staff, 2020, 'A2-1-guidance'),
    };
    await consult(plain.id, { kind: 'marukei_recommendation', date: '2020-06-01' });
    await consult(plain.id, { kind: 'innovation_plan_approval', date: '2020-06-02' });
    await consult(founder.id, { kind: 'startup', date: '2020-06-03' });
    for (const c of [founder, founder, plain]) await consult(c.id, { kind: 'follow_up', date: '2020-07-01' });
    expect(await kpiValue(t, staff, 2020, 'A2-1-marukei')).toBe(before.marukei + 1);
    expect(await kpiValue(t, staff, 2020, 'A2-1-innovation')).toBe(before.innovation + 1);
    expect(await kpiValue(t, staff, 2020, 'A1-9-founders')).toBe(before.founders + 1);
    expect(await kpiValue(t, staff, 2020, 'A3-4-follow-up')).toBe(before.followUp + 2);
    expect(await kpiValue(t, staff, 2020, 'A3-4-founders')).toBe(before.followUpFounders + 1);
    expect(await kpiValue(t, staff, 2020, 'A2-1-guidance')).toBe(before.guidance + 6);
  });

  it('refuses a bad entry without writing, and only staff write the log', async () => {
    const company = await createMember(t, staff);
    const ledger = async () =>
      Number(((await t.db.query('SELECT count(*) AS n FROM kpi_ledger')) as { n: string }[])[0]!.n);
    const entries = await ledger();
    const bad = await consult(company.id, { kind: 'chat', date: '2020-02-30', summary: '' });
    expect(bad.status).toBe(400);
    expect(new Set(bad.body.errors?.map((e) => e.field))).toEqual(new Set(['kind', 'date', 'summary']));
    expect((await consult(company.id, { kind: 'analysis', date: '2020-05-01' }, memberAdmin)).status).toBe(403);
    expect(
      (await consult('00000000-0000-4000-8000-000000000000', { kind: 'analysis', date: '2020-05-01' })).status,
    ).toBe(404);
    expect(await ledger()).toBe(entries);
  });

  it('visits move C1-3-visits once per company per FY; the inactive list loses a visited company', async () => {
    const company = await createMember(t, staff, { joinedOn: '2019-04-01' });
    const visited = await kpiValue(t, staff, 2020, 'C1-3-visits');
    const inactive = () =>
      t.call<InactiveMembersPage>('GET', '/members/inactive?fiscalYear=2020&pageSize=500', { token: staff });
    const listed = await inactive();
    expect(listed.status).toBe(200);
    expect(listed.body.basis).toEqual(expect.arrayContaining(['consultations', 'visits']));
    expect(listed.body.items.map((m) => m.id)).toContain(company.id);

    const answers = await Promise.all(
      ['2020-05-01', '2020-08-01', '2020-11-01'].map((date) =>
        t.call<Visit>('POST', `/members/${company.id}/visits`, { token: staff, body: { date, note: '巡回' } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(answers.filter((a) => a.body.firstInFiscalYear)).toHaveLength(1);
    expect(await kpiValue(t, staff, 2020, 'C1-3-visits')).toBe(visited + 1);
    expect((await inactive()).body.items.map((m) => m.id)).not.toContain(company.id);
    // still inactive in FY2021
    const next = await t.call<InactiveMembersPage>('GET', '/members/inactive?fiscalYear=2021&pageSize=500', {
      token: staff,
    });
    expect(next.body.items.map((m) => m.id)).toContain(company.id);
    const sums = (await t.db.query(
      `SELECT measure, sum(delta)::int AS n FROM kpi_ledger WHERE source_type = 'visit' AND action_item_code = 'C1-3' AND fiscal_year = 2020 GROUP BY measure`,
    )) as { measure: string; n: number }[];
    expect(sums.find((s) => s.measure === 'visits')?.n).toBeGreaterThanOrEqual(3);
    await ledgerMatchesCounters(t);
  });

  it("the company page's activity and the log lists show the entries", async () => {
    const company = await createMember(t, staff);
    await consult(company.id, { kind: 'guidance', date: '2020-10-10', followUpOn: '2020/11/10' });
    await t.call('POST', `/members/${company.id}/visits`, { token: staff, body: { date: '2020-10-11', note: '訪問' } });
    const activity = await t.call<MemberActivity>('GET', `/members/${company.id}/activity`, { token: staff });
    expect(activity.status).toBe(200);
    expect(activity.body.consultations).toHaveLength(1);
    expect(activity.body.consultations[0]).toMatchObject({
      kind: 'guidance',
      followUpOn: '2020-11-10',
      staffName: '職員 デモ',
    });
    expect(activity.body.visits).toHaveLength(1);
    expect(Array.isArray(activity.body.examApplications)).toBe(true);
    const log = await t.call<Page<Consultation>>('GET', `/consultations?fiscalYear=2020&kind=guidance`, {
      token: staff,
    });
    expect(log.body.items.map((c) => c.memberName)).toContain(company.name);
    expect((await t.call('GET', `/members/${company.id}/activity`, { token: memberAdmin })).status).toBe(403);
  });

  it("an event registration counts as taking part, and shows on the company's page with its attendance", async () => {
    const demoId = (await t.call<{ memberId: string }>('GET', '/auth/me', { token: memberAdmin })).body.memberId;
    const start = new Date(Date.now() + 3 * 86_400_000);
    const fy = fiscalYearOf(start);
    const inactiveIds = async () =>
      (
        await t.call<InactiveMembersPage>('GET', `/members/inactive?fiscalYear=${fy}&pageSize=500`, { token: staff })
      ).body.items.map((m) => m.id);
    expect(await inactiveIds()).toContain(demoId);

    const event = await t.call<{ id: string }>('POST', '/events', {
      token: staff,
      body: {
        kind: 'seminar',
        title: { ja: '会員向けセミナー', en: 'Members seminar' },
        actionItemCode: 'A2-2',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
        venue: '相模原市産業会館',
        capacity: 20,
        audience: 'members',
      },
    });
    expect(event.status).toBe(201);
    const reg = await t.call<{ registrations: { id: string }[] }>('POST', `/events/${event.body.id}/registrations`, {
      token: memberAdmin,
      body: {
        participants: [{ name: '会員 参加者', nameKana: 'カイイン サンカシャ', email: 'sanka@demo.example.jp' }],
      },
    });
    expect(reg.status).toBe(201);
    const listed = await t.call<InactiveMembersPage>('GET', `/members/inactive?fiscalYear=${fy}&pageSize=500`, {
      token: staff,
    });
    expect(listed.body.basis).toContain('registrations');
    expect(listed.body.items.map((m) => m.id)).not.toContain(demoId);

    const activity = await t.call<MemberActivity>('GET', `/members/${demoId}/activity`, { token: staff });
    expect(activity.body.unavailable).not.toContain('registrations');
    expect(activity.body.registrations).toEqual([
      expect.objectContaining({
        eventId: event.body.id,
        eventTitle: '会員向けセミナー',
        name: '会員 参加者',
        status: 'registered',
      }),
    ]);
  });

  describe('deleting an entry made by mistake', () => {
    const counter = async (code: string, measure: string, fy: number) =>
      (
        (await t.db.query(
          `SELECT COALESCE((SELECT value::int FROM kpi_counter WHERE action_item_code = $1 AND measure = $2
                            AND fiscal_year = $3), 0) AS n`,
          [code, measure, fy],
        )) as { n: number }[]
      )[0]!.n;
    const remove = (path: string, token = staff) => t.call<ApiError>('DELETE', path, { token });

    it('reverses the entry; the distinct count passes to the next entry, and drops with the last', async () => {
      const company = await createMember(t, staff);
      const analysed = await kpiValue(t, staff, 2021, 'A3-2-analysed');
      const guidance = await kpiValue(t, staff, 2021, 'A2-1-guidance');
      const first = await consult(company.id, { kind: 'analysis', date: '2021-05-01' });
      const second = await consult(company.id, { kind: 'analysis', date: '2021-06-01' });
      expect(await kpiValue(t, staff, 2021, 'A3-2-analysed')).toBe(analysed + 1);

      expect((await remove(`/consultations/${first.body.id}`, memberAdmin)).status).toBe(403);
      expect((await remove(`/consultations/${first.body.id}`)).status).toBe(204);
      expect(await kpiValue(t, staff, 2021, 'A3-2-analysed')).toBe(analysed + 1);
      expect(await kpiValue(t, staff, 2021, 'A2-1-guidance')).toBe(guidance + 1);
      const left = await t.call<Page<Consultation>>('GET', `/members/${company.id}/consultations`, { token: staff });
      expect(left.body.items.map((c) => [c.id, c.firstInFiscalYear])).toEqual([[second.body.id, true]]);

      expect((await remove(`/consultations/${second.body.id}`)).status).toBe(204);
      expect(await kpiValue(t, staff, 2021, 'A3-2-analysed')).toBe(analysed);
      expect(await kpiValue(t, staff, 2021, 'A2-1-guidance')).toBe(guidance);
      const again = await remove(`/consultations/${second.body.id}`);
      expect(again.status).toBe(404);
      expect(again.body.message).toBeTruthy();
      // a new entry after the deletions is the company's first again
      const third = await consult(company.id, { kind: 'analysis', date: '2021-07-01' });
      expect(third.body.firstInFiscalYear).toBe(true);
      expect(await kpiValue(t, staff, 2021, 'A3-2-analysed')).toBe(analysed + 1);
      await ledgerMatchesCounters(t);
    });

    it('deletes visits the same way', async () => {
      const company = await createMember(t, staff);
      const visits = await counter('C1-3', 'visits', 2021);
      const distinct = await counter('C1-3', 'distinct_members:visit', 2021);
      const visit = await t.call<Visit>('POST', `/members/${company.id}/visits`, {
        token: staff,
        body: { date: '2021-08-02', note: '巡回' },
      });
      expect(await counter('C1-3', 'distinct_members:visit', 2021)).toBe(distinct + 1);
      expect((await remove(`/visits/${visit.body.id}`)).status).toBe(204);
      expect(await counter('C1-3', 'visits', 2021)).toBe(visits);
      expect(await counter('C1-3', 'distinct_members:visit', 2021)).toBe(distinct);
      expect((await remove(`/visits/${visit.body.id}`)).status).toBe(404);
    });

    it('keeps the counts right when entries are added and deleted at the same time', async () => {
      const company = await createMember(t, staff);
      const analysed = await kpiValue(t, staff, 2021, 'A3-2-analysed');
      const guidance = await kpiValue(t, staff, 2021, 'A2-1-guidance');
      const made = [];
      for (let i = 0; i < 8; i++) made.push(await consult(company.id, { kind: 'analysis', date: `2021-09-${10 + i}` }));
      // every entry deleted at once, while four new ones arrive
      const answers = await Promise.all([
        ...made.map((c) => remove(`/consultations/${c.body.id}`)),
        ...Array.from({ length: 4 }, (_, i) => consult(company.id, { kind: 'analysis', date: `2021-10-0${i + 1}` })),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([...Array(4).fill(201), ...Array(8).fill(204)]);
      expect(await kpiValue(t, staff, 2021, 'A3-2-analysed')).toBe(analysed + 1);
      expect(await kpiValue(t, staff, 2021, 'A2-1-guidance')).toBe(guidance + 4);
      const left = await t.call<Page<Consultation>>('GET', `/members/${company.id}/consultations`, { token: staff });
      expect(left.body.items.filter((c) => c.firstInFiscalYear)).toHaveLength(1);
      await ledgerMatchesCounters(t);
    });
  });
});
