import type {
  ExamApplication,
  ExamApplicationResponse,
  ExamCancelResponse,
  ExamSitting,
  ExamType,
  PublicExamApplicationResponse,
} from '@chamber/contracts';
import * as iconv from 'iconv-lite';
import { mailsAbout } from '../../testing/mails';
import { readWithOpenpyxl } from '../../testing/openpyxl';
import { startTestApp, TestApp } from '../../testing/test-app';
import { createSitting } from './exam-test-helpers';

interface ErrorBody {
  message: string;
  code?: string;
  errors?: { field: string; message: string }[];
}

const publicCandidate = (i: number) => ({
  name: `受験 ${i}`,
  nameKana: 'じゅけん たろう',
  email: `applicant${i}@example.jp`,
  birthDate: '2004-05-06',
  phone: '090-1234-5678',
});

describe('exam sittings and applications (real PostgreSQL, real HTTP)', () => {
  let t: TestApp;
  let staff: string;
  let member: string;
  let memberAdmin: string;
  let manager: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.login('staff@example.jp');
    member = await t.login('member@example.jp');
    memberAdmin = await t.login('member-admin@example.jp');
    manager = await t.login('manager@example.jp');
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[] = []) =>
    Number(((await t.db.query(sql, params)) as { n: string }[])[0]!.n);

  it('serves the seeded catalogue to anyone', async () => {
    const res = await t.call<ExamType[]>('GET', '/exam-types');
    expect(res.status).toBe(200);
    expect(res.body.map((e) => e.code)).toEqual(['boki', 'shuzan', 'retail_marketing', 'pc']);
    const boki = res.body.find((e) => e.code === 'boki')!;
    expect(boki.name).toEqual({ ja: '日商簿記', en: 'JCCI Bookkeeping' });
    expect(boki.grades.map((g) => g.name.ja)).toEqual(['1級', '2級', '3級', '初級']);
    expect(res.body.find((e) => e.code === 'shuzan')!.grades).toHaveLength(6);
    expect(res.body.find((e) => e.code === 'retail_marketing')!.name.ja).toBe('リテールマーケティング(販売士)');
    expect(res.body.find((e) => e.code === 'pc')!.grades.length).toBeGreaterThanOrEqual(3);
  });

  it('staff create sittings (grade by code or name); anyone sees public ones, members also members-only', async () => {
    const pub = await createSitting(t, staff, { grade: '2級', capacity: 30 });
    expect(pub).toMatchObject({
      exam: { code: 'boki', name: { ja: '日商簿記' } },
      grade: '2',
      gradeName: { ja: '2級', en: 'Grade 2' },
      capacity: 30,
      applicationsCount: 0,
      seatsLeft: 30,
      open: true,
      actionItemCode: 'A1-7',
    });
    expect(pub.code).toMatch(/^BK2-\d{6}$/);
    const again = await createSitting(t, staff, { grade: '2', startsAt: pub.startsAt });
    expect(again.code).toBe(`${pub.code}B`);
    const membersOnly = await createSitting(t, staff, { examCode: 'shuzan', grade: '1', audience: 'members' });

    const anonymous = await t.call<ExamSitting[]>('GET', '/exams');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.map((s) => s.id)).toContain(pub.id);
    expect(anonymous.body.map((s) => s.id)).not.toContain(membersOnly.id);
    expect((await t.call('GET', `/exams/${membersOnly.id}`)).status).toBe(401);
    const signedIn = await t.call<ExamSitting[]>('GET', '/exams', { token: member });
    expect(signedIn.body.map((s) => s.id)).toContain(membersOnly.id);

    const bad = await t.call<ErrorBody>('POST', '/exams', {
      token: staff,
      body: { examCode: 'boki', grade: '9', startsAt: 'soon', venue: '', capacity: 0, fee: -1, audience: 'all' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors!.map((e) => e.field)).toEqual(
      expect.arrayContaining(['startsAt', 'venue', 'capacity', 'fee', 'audience']),
    );
    const badGrade = await t.call<ErrorBody>('POST', '/exams', {
      token: staff,
      body: {
        examCode: 'boki',
        grade: '9',
        startsAt: pub.startsAt,
        venue: 'x',
        capacity: 1,
        fee: 0,
        audience: 'public',
      },
    });
    expect(badGrade.status).toBe(400);
    expect(badGrade.body.errors![0]!.field).toBe('grade');
    expect((await t.call('POST', '/exams', { token: member, body: {} })).status).toBe(403);
  });

  it('120 concurrent applications to 100 seats: 100 accepted with numbers 1..100, 20 refused with 409', async () => {
    const sitting = await createSitting(t, staff, { capacity: 100, examCode: 'retail_marketing', grade: '3' });
    const answers = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        t.call<ExamApplicationResponse & ErrorBody>('POST', `/exams/${sitting.id}/applications`, {
          // anonymous applicants and the company contact, all at once
          token: i % 4 === 0 ? memberAdmin : undefined,
          body: { candidates: [publicCandidate(i)] },
          headers: { 'accept-language': 'en' },
        }),
      ),
    );
    const accepted = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status !== 201);
    expect(accepted).toHaveLength(100);
    expect(refused).toHaveLength(20);
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('exam_full');
      expect(r.body.message).toBe('This sitting is full');
    }
    const numbers = accepted.map((a) => a.body.applications[0]!.examineeNumber).sort();
    expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => `${sitting.code}-${String(i + 1).padStart(4, '0')}`));
    expect(new Set(numbers).size).toBe(100);

    const after = await t.call<ExamSitting>('GET', `/exams/${sitting.id}`);
    expect(after.body).toMatchObject({ applicationsCount: 100, seatsLeft: 0, open: false });
    expect(await count(`SELECT count(*) AS n FROM exam_application WHERE sitting_id = $1`, [sitting.id])).toBe(100);
    // a confirmation mail with the examinee number for each accepted application, none for the refused
    const applications = (await t.db.query(
      `SELECT a.id, a.examinee_number, a.channel FROM exam_application a WHERE a.sitting_id = $1`,
      [sitting.id],
    )) as { id: string; examinee_number: string; channel: string }[];
    expect(applications).toHaveLength(100);
    for (const a of applications) {
      const mails = await mailsAbout(t.app, a.id);
      expect(mails.map((m) => m.kind)).toEqual(['exam_application_confirmed']);
      expect(mails[0]!.subject).toContain(a.examinee_number);
      // from an English form: the applicant's own mail is in English only; the company contact
      // applied for someone else, whose mail is in Japanese
      if (a.channel === 'public') {
        expect(mails[0]!.text).toContain(`Examinee number: ${a.examinee_number}`);
        expect(mails[0]!.text).not.toContain('受験番号');
      } else {
        expect(mails[0]!.text).toContain(`受験番号: ${a.examinee_number}`);
        expect(mails[0]!.text).not.toContain('Examinee number');
      }
    }
  });

  it('anonymous applicants: public sittings only, one candidate with birth date and phone; kana normalised', async () => {
    const sitting = await createSitting(t, staff, { capacity: 10 });
    const missing = await t.call<ErrorBody>('POST', `/exams/${sitting.id}/applications`, {
      body: { candidates: [{ name: '相模 花子', nameKana: 'さがみ はなこ', email: 'hanako@example.jp' }] },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors!.map((e) => e.field).sort()).toEqual(['candidates.0.birthDate', 'candidates.0.phone']);
    const badKana = await t.call<ErrorBody>('POST', `/exams/${sitting.id}/applications`, {
      body: { candidates: [{ ...publicCandidate(1), nameKana: 'Hanako', birthDate: '2099-01-01', email: 'x' }] },
    });
    expect(badKana.status).toBe(400);
    expect(badKana.body.errors!.map((e) => e.field).sort()).toEqual([
      'candidates.0.birthDate',
      'candidates.0.email',
      'candidates.0.nameKana',
    ]);

    const ok = await t.call<PublicExamApplicationResponse>('POST', `/public/exams/${sitting.id}/applications`, {
      body: {
        name: '相模 花子',
        nameKana: 'さがみ　はなこ',
        email: 'Hanako@Example.jp',
        birthDate: '2004-05-06',
        phone: '０９０-１１１１-２２２２',
      },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.examineeNumber).toBe(`${sitting.code}-0001`);
    expect(ok.body.cancelToken).toBeTruthy();
    const [row] = (await t.db.query(`SELECT name_kana, email, phone, channel FROM exam_application WHERE id = $1`, [
      ok.body.id,
    ])) as { name_kana: string; email: string; phone: string; channel: string }[];
    expect(row).toEqual({
      name_kana: 'サガミ ハナコ',
      email: 'hanako@example.jp',
      phone: '090-1111-2222',
      channel: 'public',
    });

    const twice = await t.call<ErrorBody>('POST', `/public/exams/${sitting.id}/applications`, {
      body: {
        name: '相模 花子',
        nameKana: 'サガミ ハナコ',
        email: 'hanako@example.jp',
        birthDate: '2004-05-06',
        phone: '09011112222',
      },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('already_applied');

    const membersOnly = await createSitting(t, staff, { audience: 'members' });
    expect(
      (await t.call('POST', `/exams/${membersOnly.id}/applications`, { body: { candidates: [publicCandidate(2)] } }))
        .status,
    ).toBe(401);
    expect(
      (await t.call('POST', `/public/exams/${membersOnly.id}/applications`, { body: publicCandidate(2) })).status,
    ).toBe(401);
    expect(await count(`SELECT count(*) AS n FROM exam_application WHERE sitting_id = $1`, [membersOnly.id])).toBe(0);
  });

  it('a company contact applies for several employees, all or none; a member for self only; a manager not at all', async () => {
    const sitting = await createSitting(t, staff, {
      audience: 'members',
      capacity: 4,
      examCode: 'pc',
      grade: 'document_2',
    });
    const three = [1, 2, 3].map((i) => ({
      name: `社員 ${i}`,
      nameKana: `しゃいん ${i === 1 ? 'いち' : i === 2 ? 'に' : 'さん'}`,
      email: `staff${i}@demo.example.jp`,
    }));
    const res = await t.call<ExamApplicationResponse>('POST', `/exams/${sitting.id}/applications`, {
      token: memberAdmin,
      body: { candidates: three },
    });
    expect(res.status).toBe(201);
    expect(res.body.applications.map((a) => a.examineeNumber)).toEqual([1, 2, 3].map((n) => `${sitting.code}-000${n}`));
    expect(res.body.applications.every((a) => a.status === 'applied' && !a.cancelToken)).toBe(true);

    // two more do not fit in the one seat left: nothing is written
    const tooMany = await t.call<ErrorBody>('POST', `/exams/${sitting.id}/applications`, {
      token: memberAdmin,
      body: {
        candidates: [4, 5].map((i) => ({
          name: `社員 ${i}`,
          nameKana: 'シャイン',
          email: `staff${i}@demo.example.jp`,
        })),
      },
    });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.code).toBe('exam_full');
    expect(await count(`SELECT count(*) AS n FROM exam_application WHERE sitting_id = $1`, [sitting.id])).toBe(3);

    const someoneElse = await t.call('POST', `/exams/${sitting.id}/applications`, {
      token: member,
      body: { candidates: [{ name: '他人', nameKana: 'タニン', email: 'other@example.jp' }] },
    });
    expect(someoneElse.status).toBe(403);
    const self = await t.call<ExamApplicationResponse>('POST', `/exams/${sitting.id}/applications`, {
      token: member,
      body: { candidates: [{ name: '会員 社員', nameKana: 'かいん しゃいん', email: 'member@example.jp' }] },
    });
    expect(self.status).toBe(201);
    expect(self.body.applications[0]!.examineeNumber).toBe(`${sitting.code}-0004`);
    expect(
      (
        await t.call('POST', `/exams/${sitting.id}/applications`, {
          token: manager,
          body: { candidates: [{ name: '管理', nameKana: 'カンリ', email: 'manager@example.jp' }] },
        })
      ).status,
    ).toBe(403);

    // "my applications": the member sees own, the contact sees the company's four
    const mine = await t.call<ExamApplication[]>('GET', '/exam-applications', { token: member });
    expect(mine.body.filter((a) => a.sittingId === sitting.id).map((a) => a.examineeNumber)).toEqual([
      `${sitting.code}-0004`,
    ]);
    const company = await t.call<ExamApplication[]>('GET', '/exam-applications', { token: memberAdmin });
    expect(company.body.filter((a) => a.sittingId === sitting.id)).toHaveLength(4);
    expect(company.body.find((a) => a.sittingId === sitting.id)!.company).toBeTruthy();
  });

  it('the application window: closed is 409 for everyone; staff can reopen it', async () => {
    const startsAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const sitting = await createSitting(t, staff, {
      startsAt,
      applicationClosesAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(sitting.open).toBe(false);
    for (const token of [undefined, staff]) {
      const res = await t.call<ErrorBody>('POST', `/exams/${sitting.id}/applications`, {
        token,
        body: { candidates: [publicCandidate(7)] },
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('application_closed');
    }
    const reopened = await t.call<ExamSitting>('PATCH', `/exams/${sitting.id}`, {
      token: staff,
      body: { applicationClosesAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.open).toBe(true);
    const res = await t.call('POST', `/exams/${sitting.id}/applications`, {
      body: { candidates: [publicCandidate(7)] },
    });
    expect(res.status).toBe(201);
    const closesAfterStart = await t.call<ErrorBody>('PATCH', `/exams/${sitting.id}`, {
      token: staff,
      body: { applicationClosesAt: new Date(Date.parse(startsAt) + 1000).toISOString() },
    });
    expect(closesAfterStart.status).toBe(400);
    const belowTaken = await t.call<ErrorBody>('PATCH', `/exams/${sitting.id}`, {
      token: staff,
      body: { capacity: 0 },
    });
    expect(belowTaken.status).toBe(400);
  });

  it('cancellation frees the seat; numbers are never reused; outside the window only staff may cancel', async () => {
    const sitting = await createSitting(t, staff, { capacity: 2 });
    const a = await t.call<PublicExamApplicationResponse>('POST', `/public/exams/${sitting.id}/applications`, {
      body: publicCandidate(1),
    });
    const b = await t.call<ExamApplicationResponse>('POST', `/exams/${sitting.id}/applications`, {
      token: memberAdmin,
      body: { candidates: [{ name: '社員', nameKana: 'シャイン', email: 'x@demo.example.jp' }] },
    });
    expect(
      (await t.call('POST', `/exams/${sitting.id}/applications`, { body: { candidates: [publicCandidate(3)] } }))
        .status,
    ).toBe(409);

    const cancelled = await t.call<ExamCancelResponse>('POST', '/public/exam-applications/cancel', {
      body: { cancelToken: a.body.cancelToken },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(
      (await t.call('POST', '/public/exam-applications/cancel', { body: { cancelToken: a.body.cancelToken } })).status,
    ).toBe(409);
    expect((await t.call<ExamSitting>('GET', `/exams/${sitting.id}`)).body.applicationsCount).toBe(1);
    const c = await t.call<ExamApplicationResponse>('POST', `/exams/${sitting.id}/applications`, {
      body: { candidates: [publicCandidate(3)] },
    });
    expect(c.status).toBe(201);
    expect(c.body.applications[0]!.examineeNumber).toBe(`${sitting.code}-0003`);
    const mail = (await t.db.query(`SELECT kind FROM mail_outbox WHERE related_id = $1 ORDER BY created_at`, [
      a.body.id,
    ])) as { kind: string }[];
    expect(mail.map((m) => m.kind)).toEqual(['exam_application_confirmed', 'exam_application_cancelled']);

    // another company's (here: staff-entered) application is not the contact's to cancel
    const byStaff = await t.call<ExamApplicationResponse>('POST', `/exams/${sitting.id}/applications`, {
      token: staff,
      body: { candidates: [] },
    });
    expect(byStaff.status).toBe(400);
    await t.call('PATCH', `/exams/${sitting.id}`, { token: staff, body: { capacity: 3 } });
    const staffEntered = await t.call<ExamApplicationResponse>('POST', `/exams/${sitting.id}/applications`, {
      token: staff,
      body: { candidates: [{ name: '窓口', nameKana: 'マドグチ', email: 'desk@example.jp' }] },
    });
    expect(staffEntered.status).toBe(201);
    const foreign = staffEntered.body.applications[0]!.id;
    expect((await t.call('POST', `/exam-applications/${foreign}/cancel`, { token: memberAdmin })).status).toBe(403);
    expect((await t.call('POST', `/exam-applications/${foreign}/cancel`, { token: member })).status).toBe(403);

    // once the window has closed the contact may no longer cancel, staff still may
    await t.db.query(`UPDATE exam_sitting SET application_closes_at = now() - interval '1 minute' WHERE id = $1`, [
      sitting.id,
    ]);
    const own = b.body.applications[0]!.id;
    const late = await t.call<ErrorBody>('POST', `/exam-applications/${own}/cancel`, { token: memberAdmin });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('cancellation_closed');
    expect((await t.call('POST', `/exam-applications/${own}/cancel`, { token: staff })).status).toBe(200);
    expect((await t.call<ExamSitting>('GET', `/exams/${sitting.id}`)).body.applicationsCount).toBe(2);
  });

  it('staff set the fee status; applicant lists as JSON, CSV (UTF-8 BOM or CP932) and XLSX', async () => {
    const sitting = await createSitting(t, staff, { capacity: 5, fee: 4720 });
    const res = await t.call<ExamApplicationResponse>('POST', `/exams/${sitting.id}/applications`, {
      token: memberAdmin,
      body: {
        candidates: [
          { name: '=cmd|calc', nameKana: 'イチ', email: 'one@demo.example.jp' },
          { name: '二 郎', nameKana: 'にろう', email: 'two@demo.example.jp' },
        ],
      },
    });
    const [first, second] = res.body.applications;
    const paid = await t.call<ExamApplication>('PATCH', `/exam-applications/${first!.id}`, {
      token: staff,
      body: { feeStatus: 'paid' },
    });
    expect(paid.status).toBe(200);
    expect(paid.body.feeStatus).toBe('paid');
    expect(
      (await t.call('PATCH', `/exam-applications/${second!.id}`, { token: staff, body: { feeStatus: 'free' } })).status,
    ).toBe(400);
    expect(
      (await t.call('PATCH', `/exam-applications/${second!.id}`, { token: memberAdmin, body: { feeStatus: 'waived' } }))
        .status,
    ).toBe(403);

    const list = await t.call<ExamApplication[]>('GET', `/exams/${sitting.id}/applications`, { token: staff });
    expect(list.body.map((a) => [a.examineeNumber, a.feeStatus, a.fee])).toEqual([
      [`${sitting.code}-0001`, 'paid', 4720],
      [`${sitting.code}-0002`, 'unpaid', 4720],
    ]);
    expect((await t.call('GET', `/exams/${sitting.id}/applications`, { token: memberAdmin })).status).toBe(403);

    const csv = await fetch(`${t.api}/exams/${sitting.id}/applications.csv`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toMatch(/^受験番号,氏名,フリガナ,/);
    expect(lines[1]).toContain(`${sitting.code}-0001,'=cmd|calc,イチ`);
    expect(lines[1]).toContain('納付済');
    expect(lines[2]).toContain('ニロウ');

    const sjis = await fetch(`${t.api}/exams/${sitting.id}/applications.csv?encoding=sjis`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    const decoded = iconv.decode(Buffer.from(await sjis.arrayBuffer()), 'cp932');
    expect(decoded.split('\r\n')[0]).toBe(lines[0]);
    expect(sjis.headers.get('content-type')).toContain('Shift_JIS');
    expect(sjis.headers.get('x-replaced-characters')).toBe('0');

    const xlsx = await fetch(`${t.api}/exams/${sitting.id}/applications.xlsx`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    // as openpyxl reads it: the header (row 3) frozen and filtered, dates as date cells
    const sheet = readWithOpenpyxl(
      Buffer.from(
        await (
          await fetch(`${t.api}/exams/${sitting.id}/applications.xlsx`, {
            headers: { authorization: `Bearer ${staff}` },
          })
        ).arrayBuffer(),
      ),
    );
    expect(sheet.freezePanes).toBe('A4');
    expect(sheet.autoFilter).toBe('A3:O3');
    expect(sheet.cells['N4']).toMatchObject({ isDate: true, numberFormat: 'yyyy/mm/dd hh:mm' });
  });
});

describe('exam applications: the public rate limit counts anonymous callers only', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_RATE_LIMIT: '3' });
  });
  afterAll(() => t.close());

  it('refuses the fourth anonymous application with 429 but never a signed-in one', async () => {
    const staff = await t.login('staff@example.jp');
    const sitting = await createSitting(t, staff, { capacity: 50 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await t.call('POST', `/exams/${sitting.id}/applications`, { body: { candidates: [publicCandidate(i)] } }))
          .status,
      );
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    for (let i = 10; i < 16; i++) {
      const res = await t.call('POST', `/exams/${sitting.id}/applications`, {
        token: staff,
        body: { candidates: [{ name: `窓口 ${i}`, nameKana: 'マドグチ', email: `desk${i}@example.jp` }] },
      });
      expect(res.status).toBe(201);
    }
  });
});
