import type { EventDetail, RegisterParticipantsResponse, RosterEntry } from '@chamber/contracts';
import { tokyoDateTime } from '@chamber/domain';
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { decode } from 'iconv-lite';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { readWithOpenpyxl } from '../../testing/openpyxl';
import { startTestApp, TestApp } from '../../testing/test-app';
import { popplerRead } from '../pdf/poppler';
import { createEvent, registerPublic, startedNow } from '../../testing/events';

describe('rosters and exports (real PostgreSQL, real HTTP)', () => {
  let t: TestApp;
  let staff: string;
  let member: string;
  let event: EventDetail;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.login('staff@example.jp');
    member = await t.login('member@example.jp');
    event = await createEvent(t, staff, {
      ...startedNow(),
      capacity: 3,
      audience: 'public',
      kind: 'seminar',
      actionItemCode: 'A1-8',
    });
    const people = [
      { name: '𠮷田 花子', nameKana: 'よしだ はなこ', email: 'hanako@example.jp' },
      { name: '山田 太郎', nameKana: 'ヤマダ タロウ', email: 'taro@example.jp' },
      { name: '髙橋 一郎', nameKana: 'ﾀｶﾊｼ ｲﾁﾛｳ', email: 'ichiro@example.jp' },
      { name: '佐藤 次郎', nameKana: 'サトウ ジロウ', email: 'jiro@example.jp' },
      { name: '鈴木 三郎', nameKana: 'スズキ サブロウ', email: 'saburo@example.jp' },
    ];
    for (const p of people) {
      const res = await registerPublic(t, event.id, { ...p, school: '相模原大学', graduationYear: 2027 });
      expect(res.status).toBe(201);
      ids[p.email] = res.body.id;
    }
    const viaCompany = await t.call<RegisterParticipantsResponse>('POST', `/events/${event.id}/registrations`, {
      token: await t.login('member-admin@example.jp'),
      body: { participants: [{ name: '相模 四郎', nameKana: 'サガミ シロウ', email: 'shiro@demo.example.jp' }] },
    });
    ids['shiro@demo.example.jp'] = viaCompany.body.registrations[0]!.id;
    await t.call('POST', `/registrations/${ids['taro@example.jp']}/check-in`, { token: staff });
  });
  afterAll(() => t.close());

  it('GET roster: everyone with status, waitlist positions, company, check-in time; staff only', async () => {
    const res = await t.call<RosterEntry[]>('GET', `/events/${event.id}/roster`, { token: staff });
    expect(res.status).toBe(200);
    expect(res.body.map((r) => [r.email, r.status, r.waitlistPosition])).toEqual([
      ['hanako@example.jp', 'registered', null],
      ['taro@example.jp', 'attended', null],
      ['ichiro@example.jp', 'registered', null],
      ['jiro@example.jp', 'waitlisted', 1],
      ['saburo@example.jp', 'waitlisted', 2],
      ['shiro@demo.example.jp', 'waitlisted', 3],
    ]);
    const taro = res.body[1]!;
    expect(taro.checkedInAt).not.toBeNull();
    expect(taro).toMatchObject({
      name: '山田 太郎',
      nameKana: 'ヤマダ タロウ',
      company: null,
      outcomes: [],
      source: 'public',
    });
    expect(res.body[2]!.nameKana).toBe('タカハシ イチロウ');
    expect(res.body[5]!.company).toBe('相模原デモ商事株式会社');
    expect((await t.call('GET', `/events/${event.id}/roster`, { token: member })).status).toBe(403);
    expect((await t.call('GET', `/events/${event.id}/roster`)).status).toBe(401);
  });

  it('searches by name or kana, insensitive to hiragana/katakana, width and spaces', async () => {
    const search = async (q: string) =>
      (
        await t.call<RosterEntry[]>('GET', `/events/${event.id}/roster?q=${encodeURIComponent(q)}`, { token: staff })
      ).body.map((r) => r.email);
    expect(await search('やまだ')).toEqual(['taro@example.jp']);
    expect(await search('ﾔﾏﾀﾞ ﾀﾛｳ')).toEqual(['taro@example.jp']);
    expect(await search('たかはし')).toEqual(['ichiro@example.jp']);
    expect(await search('ヨシダ')).toEqual(['hanako@example.jp']);
    expect(await search('山田太郎')).toEqual(['taro@example.jp']);
    expect(await search('ROU')).toEqual([]);
    expect(await search('%')).toEqual([]);
    // positions stay those of the whole waitlist when filtered
    const filtered = await t.call<RosterEntry[]>(
      'GET',
      `/events/${event.id}/roster?q=${encodeURIComponent('すずき')}`,
      {
        token: staff,
      },
    );
    expect(filtered.body[0]!.waitlistPosition).toBe(2);
  });

  it('roster.csv: UTF-8 with a BOM, a Japanese header row, Asia/Tokyo times', async () => {
    const res = await fetch(`${t.api}/events/${event.id}/roster.csv`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.subarray(3).toString('utf8')) as string[][];
    expect(rows[0]).toEqual([
      '申込ID',
      '氏名',
      'フリガナ',
      'メールアドレス',
      '会社名',
      '学校名',
      '卒業年',
      '状態',
      'キャンセル待ち順位',
      '申込日時',
      '受付日時',
      'キャンセル日時',
      '成果',
    ]);
    expect(rows).toHaveLength(7);
    const taro = rows.find((r) => r[3] === 'taro@example.jp')!;
    expect(taro[7]).toBe('出席');
    const [row] = (await t.db.query(`SELECT created_at, checked_in_at FROM registration WHERE id = $1`, [
      ids['taro@example.jp'],
    ])) as { created_at: Date; checked_in_at: Date }[];
    expect(taro[9]).toBe(tokyoDateTime(row!.created_at));
    expect(taro[10]).toBe(tokyoDateTime(row!.checked_in_at));
    expect(rows.find((r) => r[3] === 'saburo@example.jp')![8]).toBe('2');
    expect(bytes.includes(Buffer.from('\r\n'))).toBe(true);
    expect(res.headers.get('x-replaced-characters')).toBe('0');
  });

  it('?encoding=sjis decodes as CP932 to the same rows; 𠮷 is replaced visibly and counted', async () => {
    const get = async (q: string) => {
      const res = await fetch(`${t.api}/events/${event.id}/roster.csv${q}`, {
        headers: { authorization: `Bearer ${staff}` },
      });
      return { res, bytes: Buffer.from(await res.arrayBuffer()) };
    };
    const utf8 = await get('');
    const sjis = await get('?encoding=sjis');
    expect(sjis.res.status).toBe(200);
    expect(sjis.res.headers.get('content-type')).toBe('text/csv; charset=Shift_JIS');
    expect(sjis.res.headers.get('x-replaced-characters')).toBe('1');
    expect(sjis.bytes[0]).not.toBe(0xef);
    const fromSjis = parse(decode(sjis.bytes, 'cp932')) as string[][];
    const fromUtf8 = parse(utf8.bytes.subarray(3).toString('utf8')) as string[][];
    expect(fromSjis).toEqual(fromUtf8.map((r) => r.map((c) => c.replace('𠮷', '〓'))));
    expect(fromSjis.find((r) => r[3] === 'hanako@example.jp')![1]).toBe('〓田 花子');
    expect(fromSjis.find((r) => r[3] === 'ichiro@example.jp')![1]).toBe('髙橋 一郎');
    const bad = await t.call('GET', `/events/${event.id}/roster.csv?encoding=latin1`, { token: staff });
    expect(bad.status).toBe(400);
  });

  it('roster.xlsx: an Excel workbook with the same rows', async () => {
    const res = await fetch(`${t.api}/events/${event.id}/roster.xlsx`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(7);
    expect(sheet.getRow(1).getCell(2).value).toBe('氏名');
    const emails = [];
    for (let r = 2; r <= 7; r++) emails.push(sheet.getRow(r).getCell(4).value);
    expect(emails).toContain('shiro@demo.example.jp');
    expect(sheet.getRow(2).getCell(2).value).toBe('𠮷田 花子');
  });

  it('roster.xlsx as openpyxl reads it: header frozen and filtered, registration times real dates in Tokyo time', async () => {
    const res = await fetch(`${t.api}/events/${event.id}/roster.xlsx`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    const sheet = readWithOpenpyxl(Buffer.from(await res.arrayBuffer()));
    expect(sheet.freezePanes).toBe('A2');
    expect(sheet.autoFilter).toBe('A1:M1');
    const roster = (await t.call<RosterEntry[]>('GET', `/events/${event.id}/roster`, { token: staff })).body;
    const hanako = roster.find((r) => r.email === 'hanako@example.jp')!;
    const row = Object.entries(sheet.cells)
      .find(([ref, c]) => ref.startsWith('D') && c.value === hanako.email)![0]
      .slice(1);
    const registered = sheet.cells[`J${row}`]!;
    expect(registered).toMatchObject({ isDate: true, numberFormat: 'yyyy/mm/dd hh:mm', dataType: 'd' });
    // Excel keeps no time zone: the cell holds Tokyo's wall clock, to the second
    expect(String(registered.value).slice(0, 16).replace('T', ' ')).toBe(tokyoDateTime(hanako.registeredAt));
    expect(sheet.cells[`B${row}`]).toMatchObject({ value: '𠮷田 花子', dataType: 's' });
  });

  it('badges.pdf (名札): the people expected, in furigana order, company or school, on A4 (poppler)', async () => {
    const res = await fetch(`${t.api}/events/${event.id}/badges.pdf`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toMatch(/名札_\d{4}-\d{2}-\d{2}_.*\.pdf/);
    const { text, pages, fonts } = popplerRead(Buffer.from(await res.arrayBuffer()));
    expect(pages).toBe(1);
    expect(fonts).toMatch(/NotoSansJP-Bold/);
    // registered and attended only (the waitlist is not at the door), タカハシ < ヤマダ < ヨシダ
    const order = ['髙橋 一郎', '山田 太郎', '𠮷田 花子'].map((n) => text.indexOf(n));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain('佐藤 次郎');
    expect(text).toContain('相模原大学');
    expect(text).toContain('相模原商工会議所');
    const waitlist = await fetch(`${t.api}/events/${event.id}/badges.pdf?status=waitlisted`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    expect(popplerRead(Buffer.from(await waitlist.arrayBuffer())).text).toContain('佐藤 次郎');
    expect((await t.call('GET', `/events/${event.id}/badges.pdf`, { token: member })).status).toBe(403);
  });

  it('GET /api/events/<uuid>.ics is an iCalendar file for whoever may see the event', async () => {
    const res = await fetch(`${t.api}/events/${event.id}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await res.text();
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toContain(`UID:${event.id}@chamber-portal`);
    const start = new Date(event.startsAt).toISOString().replace(/[-:]/g, '').slice(0, 13);
    expect(text).toMatch(new RegExp(`DTSTART:${start}\\d{2}Z`));
    expect(text).toContain('LOCATION:相模原市産業会館');
    const membersOnly = await createEvent(t, staff, {
      ...startedNow(),
      audience: 'members',
      kind: 'seminar',
      actionItemCode: 'A1-8',
    });
    expect((await fetch(`${t.api}/events/${membersOnly.id}.ics`)).status).toBe(401);
    expect((await t.call('GET', `/events/${membersOnly.id}.ics`, { token: member })).status).toBe(200);
    expect((await fetch(`${t.api}/events/00000000-0000-4000-8000-000000000000.ics`)).status).toBe(404);
  });

  it('streams a 100,000-row roster without holding it in memory', async () => {
    const big = await createEvent(t, staff, {
      ...startedNow(),
      capacity: 100_000,
      audience: 'public',
      kind: 'seminar',
      actionItemCode: 'A1-8',
    });
    await t.db.query(
      `INSERT INTO registration (event_id, status, name, name_kana, email, search_key, source, check_in_token_hash, created_at)
       SELECT $1, 'registered', '参加者 ' || g, 'サンカシャ', 'p' || g || '@example.jp', 'x', 'public', 'big-' || g,
              now() - (g || ' seconds')::interval
       FROM generate_series(1, 100000) g`,
      [big.id],
    );
    const gc = exposeGc();
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const res = await fetch(`${t.api}/events/${big.id}/roster.csv?encoding=sjis`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    expect(res.status).toBe(200);
    let lines = 0;
    let bytes = 0;
    let pausedHeap = 0;
    const reader = res.body!.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      bytes += value.length;
      for (const b of value) if (b === 0x0a) lines++;
      if (!pausedHeap && bytes > 200_000) {
        // a slow client: the server may only run ahead as far as the stream buffers allow
        await new Promise((r) => setTimeout(r, 500));
        gc();
        pausedHeap = process.memoryUsage().heapUsed;
      }
    }
    expect(lines).toBe(100_001);
    expect(bytes).toBeGreaterThan(5_000_000);
    // the file is > 5 MB and its 100,000 rows as objects many times that; live memory mid-way stays small
    expect((pausedHeap - heapBefore) / 2 ** 20).toBeLessThan(20);
  }, 120_000);
});

/** The garbage collector, so that heap readings count live objects only. */
function exposeGc(): () => void {
  setFlagsFromString('--expose_gc');
  return runInNewContext('gc') as () => void;
}
