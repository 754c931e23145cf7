// Mail texts staff reword: a stored template is what the next mail says (through a real SMTP
// server), a hostile name stays text in the HTML part, an unknown variable is refused naming it,
// a preview fills a real registration, and a reset brings the default back. Both engines.
import type { MailTemplatePreview, MailTemplateView } from '@chamber/contracts';
import { call, createJobFair, login, RunningServer, startServer, thisRunsEngine } from './support/server';
import { ReceivedMail, smtpSink } from './support/smtp';

async function until<T>(check: () => T | undefined, ms = 30000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting for the mail');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.each(thisRunsEngine())('mail templates staff edit (%s)', (_name, embedded) => {
  let server: RunningServer;
  let smtp: Awaited<ReturnType<typeof smtpSink>>;
  beforeAll(async () => {
    smtp = await smtpSink();
    server = await startServer({
      embedded,
      env: { SMTP_URL: smtp.url, PUBLIC_RATE_LIMIT: '0', JOB_RETRY_DELAY_SECONDS: '1', LOG_LEVEL: 'warn' },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
  });

  it('edit → the next mail uses it; unknown variable → 400 naming it; preview; reset → the default again', async () => {
    const staff = (await login(server.api, 'staff@example.jp')).accessToken;
    const fair = await createJobFair(server.api, staff, {
      title: { ja: 'テンプレート説明会', en: 'Template fair' },
      capacity: 10,
      daysAhead: 12,
    });
    const register = async (email: string, lang: 'ja' | 'en', name: string): Promise<ReceivedMail> => {
      const res = await call(server.api, 'POST', `/public/events/${fair.id}/registrations`, {
        headers: { 'accept-language': lang },
        body: { name, nameKana: 'テスト', email, school: '相模原大学', graduationYear: 2028 },
      });
      expect(res.status).toBe(201);
      return until(() => smtp.received.find((m) => m.to.includes(email)));
    };

    const before = await call<MailTemplateView>(server.api, 'GET', '/mail-templates/registration_confirmed/en', {
      token: staff,
    });
    expect(before.body).toMatchObject({ custom: false, subject: 'Registration confirmed: {{ eventTitle }}' });
    expect(before.body.variables).toEqual(['name', 'eventTitle', 'when', 'venue', 'cancelUrl']);

    const put = await call<MailTemplateView>(server.api, 'PUT', '/mail-templates/registration_confirmed/en', {
      token: staff,
      body: {
        subject: 'Welcome {{ name }} to {{eventTitle}}',
        body: 'Hello {{ name }}!\n\nSee you at {{ venue }}.\nCancel here: {{ cancelUrl }}',
      },
    });
    expect(put.status).toBe(200);
    expect(put.body.custom).toBe(true);

    const hostile = 'Eve <b onmouseover="x()">Hack</b>';
    const mail = await register('eve@example.ac.jp', 'en', hostile);
    expect(mail.parsed.subject).toBe(`Welcome ${hostile} to Template fair`);
    expect(mail.text).toContain(`Hello ${hostile}!`);
    expect(mail.text).toContain('See you at 相模原市立産業会館.');
    expect(mail.text).toMatch(/Cancel here: https?:\/\/\S+token=/);
    // the greeting, facts and links are kept; the HTML part keeps the name as text
    expect(mail.text).toContain(`Dear ${hostile},`);
    expect(mail.html).not.toContain('<b onmouseover');
    expect(mail.html).toContain('Eve &lt;b onmouseover=&quot;x()&quot;&gt;Hack&lt;/b&gt;');
    // the Japanese mail is not touched by the English template
    const ja = await register('hanako.t@example.ac.jp', 'ja', '相模 花子');
    expect(ja.parsed.subject).toBe('【お申込み受付】テンプレート説明会');

    // unknown variable, in the body and in the subject: 400 naming it, nothing stored
    const bad = await call<{ errors: { field: string; message: string }[] }>(
      server.api,
      'PUT',
      '/mail-templates/registration_confirmed/en',
      { token: staff, body: { subject: 'Hi', body: 'Dear {{ nmae }}' } },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'body' });
    expect(bad.body.errors[0]!.message).toContain('nmae');
    const badSubject = await call<{ errors: { field: string; message: string }[] }>(
      server.api,
      'PUT',
      '/mail-templates/registration_cancelled/ja',
      { token: staff, body: { subject: '{{ cancelUrl }}', body: 'x' } },
    );
    expect(badSubject.status).toBe(400);
    expect(badSubject.body.errors[0]).toMatchObject({ field: 'subject' });
    expect(badSubject.body.errors[0]!.message).toContain('cancelUrl');
    const still = await call<MailTemplateView>(server.api, 'GET', '/mail-templates/registration_confirmed/en', {
      token: staff,
    });
    expect(still.body.subject).toBe('Welcome {{ name }} to {{eventTitle}}');
    const unknownKind = await call(server.api, 'GET', '/mail-templates/password_reset/en', { token: staff });
    expect(unknownKind.status).toBe(400);

    // preview: a real registration, the text given (not stored), the link's token hidden
    const preview = await call<MailTemplatePreview>(
      server.api,
      'POST',
      '/mail-templates/registration_waitlisted/ja/preview',
      {
        token: staff,
        body: { subject: '{{ name }} 様 キャンセル待ち {{ waitlistPosition }} 番', body: '{{ cancelUrl }}' },
      },
    );
    expect(preview.status).toBe(200);
    expect(preview.body.subject).toBe('相模 花子 様 キャンセル待ち 3 番');
    expect(preview.body.text).toContain('••••');
    expect(preview.body.text).not.toMatch(/token=[A-Za-z0-9_-]{10,}/);
    const notStored = await call<MailTemplateView>(server.api, 'GET', '/mail-templates/registration_waitlisted/ja', {
      token: staff,
    });
    expect(notStored.body.custom).toBe(false);
    const badPreview = await call(server.api, 'POST', '/mail-templates/registration_waitlisted/ja/preview', {
      token: staff,
      body: { body: '{{ secret }}' },
    });
    expect(badPreview.status).toBe(400);

    // reset: the default again, for the next mail too
    expect(
      (await call(server.api, 'DELETE', '/mail-templates/registration_confirmed/en', { token: staff })).status,
    ).toBe(204);
    const list = await call<MailTemplateView[]>(server.api, 'GET', '/mail-templates', { token: staff });
    expect(list.body).toHaveLength(10);
    expect(list.body.every((t) => !t.custom)).toBe(true);
    const after = await register('eve2@example.ac.jp', 'en', 'Eve Two');
    expect(after.parsed.subject).toBe('Registration confirmed: Template fair');
    expect(after.text).toContain('Your registration is confirmed.');

    // who changed which text, in the audit trail
    const admin = (await login(server.api, 'admin@example.jp')).accessToken;
    const audit = await call<{ action: string; entityId: string; actorRole: string }[]>(
      server.api,
      'GET',
      '/audit?entity=mail-templates',
      { token: admin },
    );
    expect(audit.body.map((a) => `${a.action} ${a.entityId} ${a.actorRole}`).sort()).toEqual([
      'DELETE /api/mail-templates/:kind/:lang registration_confirmed/en staff',
      'POST /api/mail-templates/:kind/:lang/preview registration_waitlisted/ja staff',
      'PUT /api/mail-templates/:kind/:lang registration_confirmed/en staff',
    ]);
  });
});
