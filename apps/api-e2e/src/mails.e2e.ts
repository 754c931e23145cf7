// What people receive by mail, through a real SMTP server (nodemailer's smtp-server), read by
// mailparser and ical.js: one language, a text and an HTML part, the event's .ics, the QR code,
// Auto-Submitted, and an absolute cancel link that works. The built server, on both engines.
import ICAL from 'ical.js';
import type { PublicRegistrationResponse } from '@chamber/contracts';
import { call, createJobFair, login, RunningServer, startServer, thisRunsEngine } from './support/server';
import { ReceivedMail, smtpSink } from './support/smtp';

const PUBLIC_BASE_URL = 'https://portal.sagamihara-cci.example';
const KANA = /[\u3040-\u30ff]/;

async function until<T>(check: () => T | undefined, ms = 30000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting for the mail');
    await new Promise((r) => setTimeout(r, 200));
  }
}

// the run's engine: npm test runs the API suites once on each (E2E_ENGINE)
describe.each(thisRunsEngine())('the mails people receive, through a real SMTP server (%s)', (_name, embedded) => {
  let server: RunningServer;
  let smtp: Awaited<ReturnType<typeof smtpSink>>;
  let staff: string;

  beforeAll(async () => {
    smtp = await smtpSink();
    server = await startServer({
      embedded,
      // a trailing slash, as people write it: links must not get a double one
      env: { SMTP_URL: smtp.url, PUBLIC_BASE_URL: `${PUBLIC_BASE_URL}/`, JOB_RETRY_DELAY_SECONDS: '1' },
    });
    staff = (await login(server.api, 'staff@example.jp')).accessToken;
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
  });

  it('a job-fair sign-up in English and one in Japanese: each in its language, HTML, .ics, QR code, a working cancel link', async () => {
    const fair = await createJobFair(server.api, staff, {
      title: { ja: '合同企業説明会 <冬>', en: 'Winter job fair <2027>' },
      capacity: 10,
      daysAhead: 20,
    });
    const people = [
      { lang: 'en', name: 'Emily <b>Carter</b>', nameKana: 'エミリー カーター', email: 'emily@univ.example.ac.jp' },
      { lang: 'ja', name: '相模 花子', nameKana: 'サガミ ハナコ', email: 'hanako@univ.example.ac.jp' },
    ];
    for (const p of people) {
      const res = await call<PublicRegistrationResponse>(
        server.api,
        'POST',
        `/public/events/${fair.id}/registrations`,
        {
          headers: { 'accept-language': p.lang },
          body: { name: p.name, nameKana: p.nameKana, email: p.email, school: '相模原大学', graduationYear: 2028 },
        },
      );
      expect(res.status).toBe(201);
      const mail: ReceivedMail = await until(() => smtp.received.find((m) => m.to.includes(p.email)));
      const { parsed } = mail;

      // one language: the English one has no Japanese word but the event's venue; the Japanese no English
      if (p.lang === 'en') {
        expect(parsed.subject).toBe('Registration confirmed: Winter job fair <2027>');
        expect(mail.text).toContain('Dear Emily <b>Carter</b>,');
        expect(mail.text.replace(/相模原市立産業会館/g, '')).not.toMatch(KANA);
        expect(mail.html).toContain('<html lang="en">');
      } else {
        expect(parsed.subject).toBe('【お申込み受付】合同企業説明会 <冬>');
        expect(mail.text).toContain('相模 花子 様');
        expect(mail.text).not.toMatch(/Dear|Registration|Venue|Winter/);
        expect(mail.html).toContain('<html lang="ja">');
      }
      // the HTML part: what a stranger typed stays text, no remote image
      expect(mail.html).not.toContain('<b>Carter</b>');
      expect(mail.html).not.toMatch(/<img|src=/i);
      if (p.lang === 'en') expect(mail.html).toContain('Emily &lt;b&gt;Carter&lt;/b&gt;');
      // RFC 3834: no out-of-office reply comes back
      expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');

      // the QR code and the event's calendar file
      const png = parsed.attachments.find((a) => a.contentType === 'image/png');
      expect(png?.content.subarray(1, 4).toString()).toBe('PNG');
      const ics = parsed.attachments.find((a) => a.contentType === 'text/calendar');
      expect(ics?.filename).toBe('event.ics');
      const calendar = new ICAL.Component(ICAL.parse(ics!.content.toString('utf8')));
      expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
      const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
      expect(vevent.uid).toBe(`${fair.id}@chamber-portal`);
      expect(vevent.startDate.toJSDate().getTime()).toBe(Math.floor(fair.startsAt.getTime() / 1000) * 1000);

      // the cancel link: absolute from PUBLIC_BASE_URL, in both parts, and it works
      const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(link.startsWith(`${PUBLIC_BASE_URL}/`)).toBe(true);
      const cancelUrl = new URL(links.find((l) => l.includes('/public/cancel?token='))!);
      expect(cancelUrl.pathname).toBe('/public/cancel');
      expect(mail.html).toContain(`href="${cancelUrl.href.replace(/&/g, '&amp;')}"`);
      const token = cancelUrl.searchParams.get('token')!;
      expect(token).toBe(res.body.cancelToken);
      const page = await fetch(`${server.baseUrl}${cancelUrl.pathname}${cancelUrl.search}`);
      expect(page.status).toBe(200);
      const looked = await call<{ id: string; status: string }>(server.api, 'POST', '/public/registrations/lookup', {
        body: { cancelToken: token },
      });
      expect(looked.body).toMatchObject({ id: res.body.id, status: 'registered' });
      const cancelled = await call(server.api, 'POST', '/public/registrations/cancel', {
        body: { cancelToken: token },
      });
      expect(cancelled.status).toBe(200);
      // the cancellation comes in the same language as the confirmation
      const second = await until(() => smtp.received.filter((m) => m.to.includes(p.email))[1]);
      expect(second.parsed.subject).toMatch(p.lang === 'en' ? /^Registration cancelled:/ : /^【キャンセル受付】/);
    }

    // staff see that the mails went out, never their tokens (text or HTML)
    const listed = await call<{ bodyText: string; bodyHtml: string | null }[]>(server.api, 'GET', '/mails', {
      token: staff,
    });
    expect(listed.status).toBe(200);
    const shown = listed.body.filter((m) => m.bodyText.includes('/public/cancel?token='));
    expect(shown.length).toBeGreaterThanOrEqual(2);
    for (const m of shown) {
      expect(m.bodyText).toContain('token=••••');
      expect(m.bodyHtml).toContain('token=••••');
    }
    for (const mail of smtp.received) {
      const token = /token=([\w-]+)/.exec(mail.text)?.[1];
      if (token) expect(listed.text).not.toContain(token);
    }
  });
});
