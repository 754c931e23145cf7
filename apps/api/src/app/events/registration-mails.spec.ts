import { mailsAbout } from '../../testing/mails';
import { startTestApp, TestApp } from '../../testing/test-app';
import { createEvent, student } from '../../testing/events';

describe('registration mails (real PostgreSQL, real HTTP)', () => {
  let t: TestApp;
  let staff: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.login('staff@example.jp');
  });
  afterAll(() => t.close());

  it("writes each person's mails in the language of their form, and the later ones follow it", async () => {
    const event = await createEvent(t, staff, { capacity: 1, title: { ja: '合同企業説明会', en: 'Job fair' } });
    const signUp = (i: number, lang: string) =>
      t.call<{ id: string; cancelToken: string }>('POST', `/public/events/${event.id}/registrations`, {
        body: student(i),
        headers: { 'accept-language': lang },
      });
    const en = await signUp(901, 'en-GB,en;q=0.9');
    const ja = await signUp(902, 'ja');
    expect([en.status, ja.status]).toEqual([201, 201]);
    // the English one cancels: the Japanese one, waitlisted, is promoted
    const cancel = await t.call('POST', '/public/registrations/cancel', { body: { cancelToken: en.body.cancelToken } });
    expect(cancel.status).toBe(200);
    const enMails = await mailsAbout(t.app, en.body.id);
    const jaMails = await mailsAbout(t.app, ja.body.id);
    expect(enMails.map((m) => m.kind)).toEqual(['registration_confirmed', 'registration_cancelled']);
    expect(jaMails.map((m) => m.kind)).toEqual(['registration_waitlisted', 'registration_promoted']);
    const kana = /[\u3040-\u30ff]/;
    for (const m of enMails) {
      expect(m.subject).toMatch(/Job fair/);
      // the name is the student's own (typed in kanji); every word of the mail itself is English
      expect(m.text.replace('学生 901号', '')).not.toMatch(kana);
      expect(m.html).toContain('<html lang="en">');
      expect(m.headers?.['Auto-Submitted']).toBe('auto-generated');
    }
    for (const m of jaMails) {
      expect(m.subject).toContain('合同企業説明会');
      expect(m.text).not.toMatch(/Job fair|Dear|Venue/);
      expect(m.html).toContain('<html lang="ja">');
      expect(m.headers?.['Auto-Submitted']).toBe('auto-generated');
    }
    // the confirmation and the promotion carry the QR code and the event's own .ics; the others neither
    const types = (m: (typeof enMails)[number]) => m.attachments!.map((x) => x.contentType.split(';')[0]);
    expect(types(enMails[0]!)).toEqual(['image/png', 'text/calendar']);
    expect(types(jaMails[1]!)).toEqual(['image/png', 'text/calendar']);
    expect(types(enMails[1]!)).toEqual([]);
    expect(types(jaMails[0]!)).toEqual([]);
    const ics = enMails[0]!.attachments!.find((x) => x.filename === 'event.ics')!;
    expect(ics.contentType).toBe('text/calendar; charset=utf-8; method=PUBLISH');
    expect(ics.content.toString()).toContain(`UID:${event.id}@chamber-portal`);
  });
});
