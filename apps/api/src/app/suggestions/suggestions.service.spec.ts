import type {
  AnswerSuggestionResponse,
  CreateSuggestionResponse,
  KpiEvent,
  KpiReading,
  OwnSuggestionView,
  PublicSuggestionView,
  StaffSuggestionView,
  SuggestionStats,
  SuggestionView,
} from '@chamber/contracts';
import { SUGGESTION_DAILY_LIMIT } from '@chamber/contracts';
import { currentFiscalYear } from '@chamber/domain';
import { startTestApp, TestApp } from '../../testing/test-app';
import { KpiRecorder } from '../plan/kpi-recorder.service';

interface Identity {
  id: string;
  email: string;
  displayName: string;
  memberId: string;
  memberName: string;
}

/** A live SSE client on GET /api/kpis/stream that collects every `kpi` event. */
async function openKpiStream(t: TestApp, token: string) {
  const controller = new AbortController();
  const res = await fetch(`${t.api}/kpis/stream`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  const events: KpiEvent[] = [];
  const reader = res.body!.getReader();
  let buffer = '';
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += Buffer.from(value).toString('utf8');
        let match: RegExpExecArray | null;
        while ((match = /event: kpi\n(?:id: .*\n)?data: (.*)\n\n/.exec(buffer))) {
          events.push(JSON.parse(match[1]!) as KpiEvent);
          buffer = buffer.slice(match.index + match[0].length);
        }
      }
    } catch {
      /* aborted */
    }
  })();
  return {
    events,
    /** resolves with the first event (from `from` on) that satisfies the check */
    async next(check: (e: KpiEvent) => boolean, from = 0, timeoutMs = 3000): Promise<KpiEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.slice(from).find(check);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching kpi event; got ${JSON.stringify(events.slice(from))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      controller.abort();
      await pump;
    },
  };
}

describe('suggestion box (real PostgreSQL, real HTTP)', () => {
  let t: TestApp;
  let staff: string;
  let member: string;
  let memberAdmin: string;
  let poster: Identity;

  const post = (token: string, body: unknown, headers?: Record<string, string>) =>
    t.call<CreateSuggestionResponse>('POST', '/suggestions', { token, body, headers });
  const answer = (id: string, body: unknown, token = staff) =>
    t.call<AnswerSuggestionResponse>('POST', `/suggestions/${id}/answer`, { token, body });
  const count = async (sql: string, params: unknown[] = []) =>
    ((await t.db.query(sql, params)) as [{ n: number }])[0].n;

  /** Another member account of the demo company (same password), for tests that need a clean slate. */
  const extraMember = async (email: string): Promise<string> => {
    await t.db.query(
      `INSERT INTO user_account (email, password_hash, role, display_name, member_id)
       SELECT $1, password_hash, 'member', $2, member_id FROM user_account WHERE email = 'member@example.jp'`,
      [email, `追加会員 ${email}`],
    );
    return t.login(email);
  };

  const c14 = async (fy: number) => {
    const res = await t.call<KpiReading[]>('GET', `/kpis?fiscalYear=${fy}`, { token: staff });
    expect(res.status).toBe(200);
    const k = res.body.find((r) => r.code === 'C1-4-answer-rate');
    if (!k) throw new Error('no C1-4-answer-rate');
    return k;
  };

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.login('staff@example.jp');
    member = await t.login('member@example.jp');
    memberAdmin = await t.login('member-admin@example.jp');
    const [row] = (await t.db.query(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.member_id AS "memberId", m.name AS "memberName"
       FROM user_account u JOIN member m ON m.id = u.member_id WHERE u.email = 'member@example.jp'`,
    )) as Identity[];
    poster = row!;
  });
  afterAll(() => t.close());

  it('an anonymous suggestion: no staff list, detail, CSV, mail, ledger or audit row names its poster; the poster follows it by receipt', async () => {
    const created = await post(member, {
      category: 'services',
      body: '窓口の受付時間を延ばしてほしい',
      anonymous: true,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), status: 'received', receipt: expect.any(String) });
    const id = created.body.id;
    const receipt = created.body.receipt!;

    const identifying = [poster.id, poster.email, poster.displayName, poster.memberId, poster.memberName];
    const expectNoPoster = (raw: string) => {
      for (const needle of identifying) expect(raw).not.toContain(needle);
    };

    // staff triage and answer it, then every staff read is searched as raw text
    const assignees = await t.call<{ id: string; name: string }[]>('GET', '/suggestions/assignees', { token: staff });
    expect(assignees.status).toBe(200);
    const patched = await t.call<StaffSuggestionView>('PATCH', `/suggestions/${id}`, {
      token: staff,
      body: { status: 'in_review', division: '総務課', assigneeId: assignees.body[0]!.id },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ status: 'in_review', division: '総務課', anonymous: true, poster: null });
    expect((await answer(id, { body: '来月から18時まで延長します。' })).status).toBe(200);

    const raw = async (path: string) => {
      const res = await fetch(`${t.api}${path}`, { headers: { authorization: `Bearer ${staff}` } });
      expect(res.status).toBe(200);
      return Buffer.from(await res.arrayBuffer()).toString('utf8');
    };
    const list = await raw('/suggestions');
    expect(list).toContain(id);
    expectNoPoster(list);
    const detail = await raw(`/suggestions/${id}`);
    expect(JSON.parse(detail)).toMatchObject({ view: 'staff', anonymous: true, poster: null, status: 'answered' });
    expectNoPoster(detail);
    const csv = await raw('/suggestions.csv');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(id);
    expect(csv).toContain('匿名');
    expectNoPoster(csv);
    const manager = await t.login('manager@example.jp');
    const managerList = await t.call('GET', '/suggestions', { token: manager });
    expectNoPoster(JSON.stringify(managerList.body));

    // no answer mail (the outbox is readable by staff), nothing in the ledger or the audit log
    expect(await count(`SELECT count(*)::int AS n FROM mail_outbox WHERE related_id = $1`, [id])).toBe(0);
    const ledger = JSON.stringify(await t.db.query(`SELECT * FROM kpi_ledger WHERE source_id = $1`, [id]));
    expectNoPoster(ledger);
    expectNoPoster(JSON.stringify(await t.db.query(`SELECT * FROM audit_log`)));
    expect(
      await count(`SELECT count(*)::int AS n FROM suggestion WHERE id = $1 AND named_poster_id IS NULL`, [id]),
    ).toBe(1);

    // the poster follows it with the receipt (no account needed); the account itself no longer knows it
    const followed = await t.call<OwnSuggestionView>('GET', `/suggestions/receipts/${receipt}`);
    expect(followed.status).toBe(200);
    expect(followed.body).toMatchObject({
      view: 'own',
      id,
      anonymous: true,
      status: 'answered',
      answer: { body: '来月から18時まで延長します。', public: false },
    });
    expect((await t.call('GET', `/suggestions/receipts/${receipt.slice(1)}x`)).status).toBe(404);
    const mine = await t.call<OwnSuggestionView[]>('GET', '/suggestions', { token: member });
    expect(mine.body.map((s) => s.id)).not.toContain(id);
    expect((await t.call('GET', `/suggestions/${id}`, { token: member })).status).toBe(404);
    // only the receipt's hash is kept
    expectNoPoster(JSON.stringify(await t.db.query(`SELECT * FROM suggestion WHERE id = $1`, [id])));
    expect(JSON.stringify(await t.db.query(`SELECT * FROM suggestion WHERE id = $1`, [id]))).not.toContain(receipt);
    // the colleague at the same company sees neither the item nor its existence
    const colleague = await t.call<OwnSuggestionView[]>('GET', '/suggestions', { token: memberAdmin });
    expect(colleague.body.map((s) => s.id)).not.toContain(id);
    expect((await t.call('GET', `/suggestions/${id}`, { token: memberAdmin })).status).toBe(404);
  });

  it('a named suggestion shows its poster to staff, and the answer is mailed to the poster', async () => {
    const created = await post(member, {
      category: 'events',
      body: '夜間のセミナーを増やしてください',
      anonymous: false,
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const detail = await t.call<StaffSuggestionView>('GET', `/suggestions/${id}`, { token: staff });
    expect(detail.body).toMatchObject({
      anonymous: false,
      poster: { email: poster.email, name: poster.displayName, memberName: poster.memberName },
    });
    const res = await answer(id, { body: '秋から月1回、夜間セミナーを開催します。', public: true });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id, status: 'answered', answeredAt: expect.any(String) });
    const mails = await t.call<{ toAddress: string; bodyText: string; kind: string }[]>(
      'GET',
      `/mails?relatedId=${id}`,
      { token: staff },
    );
    expect(mails.body).toEqual([expect.objectContaining({ toAddress: poster.email, kind: 'suggestion_answered' })]);
    expect(mails.body[0]!.bodyText).toContain('秋から月1回、夜間セミナーを開催します。');

    // answering twice is a conflict and counts nothing more
    const ledgerBefore = await count(`SELECT count(*)::int AS n FROM kpi_ledger WHERE source_id = $1`, [id]);
    expect((await answer(id, { body: 'もう一度' })).status).toBe(409);
    expect(await count(`SELECT count(*)::int AS n FROM kpi_ledger WHERE source_id = $1`, [id])).toBe(ledgerBefore);
    expect((await t.call('PATCH', `/suggestions/${id}`, { token: staff, body: { status: 'in_review' } })).status).toBe(
      409,
    );

    // public answers: any signed-in member can read and search them, never with the poster
    const other = await t.call<PublicSuggestionView[]>(
      'GET',
      `/suggestions/public?q=${encodeURIComponent('せみなー 夜間')}`,
      {
        token: memberAdmin,
      },
    );
    expect(other.status).toBe(200);
    expect(other.body.map((s) => s.id)).toEqual([id]);
    const text = JSON.stringify(other.body);
    for (const needle of [poster.id, poster.email, poster.displayName, poster.memberName]) {
      expect(text).not.toContain(needle);
    }
    const single = await t.call<SuggestionView>('GET', `/suggestions/${id}`, { token: memberAdmin });
    expect(single.status).toBe(200);
    expect(single.body.view).toBe('public');
    expect(
      (await t.call<PublicSuggestionView[]>('GET', '/suggestions/public?q=nothing-like-this', { token: memberAdmin }))
        .body,
    ).toEqual([]);
    // withdrawing it from the public page hides it again
    await t.call('PATCH', `/suggestions/${id}`, { token: staff, body: { answerPublic: false } });
    expect((await t.call('GET', `/suggestions/${id}`, { token: memberAdmin })).status).toBe(404);
  });

  it("a member can't read another member's non-public suggestion, and members can't triage", async () => {
    const created = await post(memberAdmin, {
      category: 'website',
      body: '会員専用ページが見づらい',
      anonymous: false,
    });
    const id = created.body.id;
    expect((await t.call('GET', `/suggestions/${id}`, { token: member })).status).toBe(404);
    expect((await t.call('GET', `/suggestions/00000000-0000-4000-8000-000000000000`, { token: staff })).status).toBe(
      404,
    );
    expect((await t.call('PATCH', `/suggestions/${id}`, { token: member, body: { status: 'in_review' } })).status).toBe(
      403,
    );
    expect((await answer(id, { body: 'x' }, member)).status).toBe(403);
    expect((await t.call('GET', '/suggestions.csv', { token: member })).status).toBe(403);
    expect((await t.call('GET', '/suggestions/stats', { token: member })).status).toBe(403);
    expect((await post(staff, { category: 'other', body: 'x', anonymous: false })).status).toBe(403);
    expect((await t.call('GET', '/suggestions')).status).toBe(401);
    const doc = await t.call<{ paths: Record<string, unknown> }>('GET', '/docs-json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/suggestions', '/api/suggestions.csv', '/api/suggestions/{id}/answer']),
    );
    const still = await t.call<StaffSuggestionView>('GET', `/suggestions/${id}`, { token: staff });
    expect(still.body.status).toBe('received');
  });

  it('stores and returns a <script> body as plain text, in JSON and CSV; formulas stay text in Excel', async () => {
    const body = '<script>alert("x")</script> & <b>bold</b>';
    const created = await post(member, { category: 'other', body, anonymous: false });
    expect(created.status).toBe(201);
    const [row] = (await t.db.query(`SELECT body FROM suggestion WHERE id = $1`, [created.body.id])) as {
      body: string;
    }[];
    expect(row!.body).toBe(body);
    const mine = await t.call<SuggestionView>('GET', `/suggestions/${created.body.id}`, { token: member });
    expect(mine.headers.get('content-type')).toContain('application/json');
    expect(mine.body.body).toBe(body);
    const formula = await post(member, { category: 'other', body: '=HYPERLINK("http://x")', anonymous: false });
    const csv = await t.call<string>('GET', '/suggestions.csv', { token: staff });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.body).toContain('"<script>alert(""x"")</script> & <b>bold</b>"');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(formula.status).toBe(201);
  });

  it('rejects bad bodies with every field named and writes nothing', async () => {
    const before = await count(`SELECT count(*)::int AS n FROM suggestion`);
    const ledger = await count(`SELECT count(*)::int AS n FROM kpi_ledger`);
    const res = await t.call<{ errors: { field: string }[] }>('POST', '/suggestions', {
      token: member,
      body: { category: 'complaints', body: '   ', extra: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['category', 'body', 'anonymous', 'extra']),
    );
    const tooLong = await post(member, { category: 'other', body: 'あ'.repeat(4001), anonymous: false });
    expect(tooLong.status).toBe(400);
    expect((await post(member, { category: 'other', body: 'あ'.repeat(4000), anonymous: true })).status).toBe(201);
    expect(await count(`SELECT count(*)::int AS n FROM suggestion`)).toBe(before + 1);
    expect(await count(`SELECT count(*)::int AS n FROM kpi_ledger`)).toBe(ledger + 1);
    const s = (await t.call<StaffSuggestionView[]>('GET', '/suggestions', { token: staff })).body[0]!;
    expect((await answer(s.id, { body: '' })).status).toBe(400);
    expect(
      (await t.call('PATCH', `/suggestions/${s.id}`, { token: staff, body: { assigneeId: poster.id } })).status,
    ).toBe(400);
  });

  it('answering 3 of 4 suggestions received in a FY gives C1-4 75 %, and an SSE client sees every change', async () => {
    const fy = currentFiscalYear();
    // Set the FY's C1-4 counters to zero through the ledger (counters stay equal to it), so the
    // rate is exactly ours; the demo seed and earlier tests recorded some.
    const start = await c14(fy);
    await t.db.transaction((m) =>
      new KpiRecorder().record(
        m,
        {
          actionItemCode: 'C1-4',
          measure: 'suggestions_received',
          fiscalYear: fy,
          delta: -start.denominator!,
          sourceType: 'test',
        },
        {
          actionItemCode: 'C1-4',
          measure: 'suggestions_answered',
          fiscalYear: fy,
          delta: -start.numerator!,
          sourceType: 'test',
        },
      ),
    );
    expect(await c14(fy)).toMatchObject({ numerator: 0, denominator: 0 });

    const user = await extraMember('kpi-poster@example.jp');
    const stream = await openKpiStream(t, staff);
    await new Promise((r) => setTimeout(r, 100));
    const isC14 = (n: number, d: number) => (e: KpiEvent) =>
      e.code === 'C1-4-answer-rate' && e.fiscalYear === fy && e.numerator === n && e.denominator === d;

    const ids: string[] = [];
    for (let i = 1; i <= 4; i++) {
      const from = stream.events.length;
      const res = await post(user, { category: 'membership', body: `提案 ${i}`, anonymous: i % 2 === 0 });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
      await stream.next(isC14(0, i), from);
    }
    for (let i = 1; i <= 3; i++) {
      const from = stream.events.length;
      expect((await answer(ids[i - 1]!, { body: `回答 ${i}` })).status).toBe(200);
      const event = await stream.next(isC14(i, 4), from);
      expect(event.value).toBeCloseTo(i / 4, 6);
    }
    await stream.close();

    const after = await c14(fy);
    expect(after).toMatchObject({ numerator: 3, denominator: 4 });
    expect(after.value).toBeCloseTo(0.75, 6);

    const stats = await t.call<SuggestionStats>('GET', `/suggestions/stats?fiscalYear=${fy}`, { token: staff });
    expect(stats.status).toBe(200);
    const rows = await count(`SELECT count(*)::int AS n FROM suggestion WHERE received_fiscal_year = $1`, [fy]);
    const answered = await count(
      `SELECT count(*)::int AS n FROM suggestion WHERE received_fiscal_year = $1 AND status = 'answered'`,
      [fy],
    );
    expect(stats.body).toMatchObject({ fiscalYear: fy, received: rows, answered, open: rows - answered });
    expect(stats.body.answerRate).toBeCloseTo(answered / rows, 6);
    expect(stats.body.medianDaysToAnswer).toBe(0);
  });

  it('an answer counts in the fiscal year the suggestion was received, even after the FY boundary', async () => {
    const fy = currentFiscalYear();
    const old = fy - 1;
    const [row] = (await t.db.query(
      `INSERT INTO suggestion (category, body, anonymous, status, received_fiscal_year, created_at)
       VALUES ('events', '昨年度の提案', true, 'received', $1, $2) RETURNING id`,
      [old, `${old + 1}-03-20T10:00:00+09:00`],
    )) as { id: string }[];
    const before = { old: await c14(old), now: await c14(fy) };
    expect((await answer(row!.id, { body: '遅くなりましたが回答します' })).status).toBe(200);
    expect((await c14(old)).numerator).toBe(before.old.numerator! + 1);
    expect((await c14(fy)).numerator).toBe(before.now.numerator);
    const stats = await t.call<SuggestionStats>('GET', `/suggestions/stats?fiscalYear=${old}`, { token: staff });
    expect(stats.body.received).toBe(1);
    expect(stats.body.answered).toBe(1);
    expect(stats.body.medianDaysToAnswer).toBeGreaterThan(1);
  });

  it('filters the staff box by status, category, age and words', async () => {
    const [row] = (await t.db.query(
      `INSERT INTO suggestion (category, body, anonymous, status, received_fiscal_year, created_at)
       VALUES ('website', '古いサイトの提案', true, 'received', $1, now() - interval '40 days') RETURNING id`,
      [currentFiscalYear(new Date(Date.now() - 40 * 86400_000))],
    )) as { id: string }[];
    const list = async (query: string) =>
      (await t.call<StaffSuggestionView[]>('GET', `/suggestions?${query}`, { token: staff })).body;
    const old = await list('olderThanDays=30');
    expect(old.map((s) => s.id)).toContain(row!.id);
    expect(old.every((s) => Date.parse(s.createdAt) <= Date.now() - 30 * 86400_000)).toBe(true);
    expect((await list('olderThanDays=30&status=received&category=website')).map((s) => s.id)).toEqual(
      expect.arrayContaining([row!.id]),
    );
    expect((await list('status=answered')).every((s) => s.status === 'answered')).toBe(true);
    expect((await list('category=events')).every((s) => s.category === 'events')).toBe(true);
    expect((await list(`q=${encodeURIComponent('さいと 古い')}`)).map((s) => s.id)).toEqual([row!.id]);
    expect((await t.call('GET', '/suggestions?status=lost', { token: staff })).status).toBe(400);
  });

  it('concurrent answers count once; concurrent posts stop at the daily cap with 429', async () => {
    const created = await post(member, { category: 'events', body: '同時回答テスト', anonymous: false });
    const id = created.body.id;
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => answer(id, { body: `回答 ${i}` })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM kpi_ledger WHERE source_id = $1 AND measure = 'suggestions_answered'`,
        [id],
      ),
    ).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM mail_outbox WHERE related_id = $1`, [id])).toBe(1);

    const user = await extraMember('busy-poster@example.jp');
    const posts = await Promise.all(
      Array.from({ length: SUGGESTION_DAILY_LIMIT + 5 }, (_, i) =>
        post(user, { category: 'other', body: `連投 ${i}`, anonymous: true }, { 'accept-language': 'en' }),
      ),
    );
    const statuses = posts.map((p) => p.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(SUGGESTION_DAILY_LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    expect((posts.find((p) => p.status === 429)!.body as unknown as { message: string }).message).toMatch(/a day/);
    // anonymous: the account lists none of them, and nothing in the database counts them by account
    expect((await t.call<OwnSuggestionView[]>('GET', '/suggestions', { token: user })).body).toHaveLength(0);
    const quotas = (await t.db.query(`SELECT * FROM suggestion_quota`)) as { key: string; count: number }[];
    expect(quotas.some((q) => q.count === SUGGESTION_DAILY_LIMIT)).toBe(true);
    const mismatches = (await t.db.query(`
      SELECT c.measure FROM kpi_counter c
      LEFT JOIN (SELECT action_item_code, measure, fiscal_year, SUM(delta) s FROM kpi_ledger GROUP BY 1,2,3) l
        USING (action_item_code, measure, fiscal_year)
      WHERE c.action_item_code = 'C1-4' AND c.value IS DISTINCT FROM COALESCE(l.s, 0)`)) as unknown[];
    expect(mismatches).toEqual([]);
  });

  it('an Idempotency-Key retry of a post writes nothing twice', async () => {
    const before = await count(`SELECT count(*)::int AS n FROM suggestion`);
    const headers = { 'idempotency-key': 'suggestion-retry-1' };
    const first = await post(memberAdmin, { category: 'other', body: '再送テスト', anonymous: false }, headers);
    const again = await post(memberAdmin, { category: 'other', body: '再送テスト', anonymous: false }, headers);
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await count(`SELECT count(*)::int AS n FROM suggestion`)).toBe(before + 1);
  });

  it('after an anonymous post, no row of any table ties it to the account (every table read as text)', async () => {
    // a fresh poster, signed in well before the post so that its log-in is not "at the same time"
    const email = 'anonymous-poster@example.jp';
    const token = await extraMember(email);
    const [who] = (await t.db.query(
      `SELECT u.id, u.email, u.display_name, u.member_id, m.name FROM user_account u JOIN member m ON m.id = u.member_id WHERE u.email = $1`,
      [email],
    )) as { id: string; email: string; display_name: string; member_id: string; name: string }[];
    // it has written before (audited), so its id is in the database: what matters is what ties it to the post
    await post(token, { category: 'events', body: '名前入りの投稿', anonymous: false });
    await new Promise((r) => setTimeout(r, 1500));
    const from = Date.now();
    const body = `匿名の意見 ${from}`;
    const headers = { 'idempotency-key': `anon-${from}` };
    const first = await post(token, { category: 'other', body, anonymous: true }, headers);
    const retried = await post(token, { category: 'other', body, anonymous: true }, headers);
    const until = Date.now();
    expect(first.status).toBe(201);
    expect(retried.body).toEqual(first.body);
    const other = await post(token, { category: 'other', body: '別の内容', anonymous: true }, headers);
    expect(other.status).toBe(422);
    const { id, receipt } = first.body;
    expect(await count(`SELECT count(*)::int AS n FROM suggestion WHERE body = $1`, [body])).toBe(1);

    const needles = [who!.id, who!.email, who!.display_name, who!.member_id, who!.name];
    const tables = (await t.db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    )) as { table_name: string }[];
    expect(tables.length).toBeGreaterThan(20);
    const ties: string[] = [];
    for (const { table_name } of tables) {
      const rows = (await t.db.query(`SELECT t::text AS row FROM "${table_name}" t`)) as { row: string }[];
      for (const { row } of rows) {
        const names = needles.filter((n) => row.includes(n));
        if (row.includes(receipt!)) ties.push(`${table_name}: the receipt in clear`);
        if (!names.length) continue;
        // a row naming the account must not name the suggestion, nor have been written during the post
        if (row.includes(id) || row.includes(body)) ties.push(`${table_name}: ${row.slice(0, 200)}`);
        const stamps = [...row.matchAll(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?[+-]\d\d(?::\d\d)?/g)].map((m) =>
          new Date(m[0].replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).getTime(),
        );
        if (stamps.some((at) => at >= from - 500 && at <= until + 500))
          ties.push(`${table_name} (same time): ${row.slice(0, 200)}`);
      }
    }
    expect(ties).toEqual([]);
  });
});
