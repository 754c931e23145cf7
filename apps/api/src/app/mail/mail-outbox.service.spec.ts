import { createServer, Server, Socket } from 'net';
import type { AddressInfo } from 'net';
import { createEvent, registerPublic, student } from '../../testing/events';
import { startTestApp, TestApp } from '../../testing/test-app';
import { MailOutbox } from './mail-outbox.service';
import { MailRenderers } from './mail-renderers';

/** A minimal SMTP server that accepts every message and keeps it. */
function smtpServer(): Promise<{ server: Server; port: number; received: string[] }> {
  const received: string[] = [];
  const server = createServer((socket: Socket) => {
    let data = false;
    let body = '';
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      for (const line of chunk.toString().split('\r\n')) {
        if (data) {
          if (line === '.') {
            data = false;
            received.push(body);
            body = '';
            socket.write('250 OK\r\n');
          } else body += `${line}\n`;
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO' || cmd === 'HELO') socket.write('250 test\r\n');
        else if (cmd === 'MAIL' || cmd === 'RCPT' || cmd === 'RSET' || cmd === 'NOOP') socket.write('250 OK\r\n');
        else if (cmd === 'DATA') {
          data = true;
          socket.write('354 go ahead\r\n');
        } else if (cmd === 'QUIT') socket.end('221 bye\r\n');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port, received })),
  );
}

async function until<T>(check: () => Promise<T | undefined | false>, ms = 15000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A kind of mail for these tests: its text travels in the intent's parameters. */
function registerTestKind(t: TestApp): void {
  t.app.get(MailRenderers).register({
    test: (m) => Promise.resolve({ subject: String(m.params['subject']), paragraphs: [String(m.params['text'])] }),
  });
}
const testMail = (to: string, subject: string) => ({
  kind: 'test',
  to,
  relatedId: null,
  params: { subject, text: 'こんにちは' },
});

describe('mail outbox on the job queue', () => {
  it('sends a committed mail, and sends nothing for a rolled-back change', async () => {
    const smtp = await smtpServer();
    const t = await startTestApp({
      JOBS_ENABLED: 'true',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      JOB_RETRY_DELAY_SECONDS: '1',
    });
    try {
      registerTestKind(t);
      const outbox = t.app.get(MailOutbox);
      await t.db.transaction((m) => outbox.enqueue(m, testMail('a@example.jp', 'committed')));
      await expect(
        t.db.transaction(async (m) => {
          await outbox.enqueue(m, testMail('b@example.jp', 'rolled back'));
          throw new Error('fail');
        }),
      ).rejects.toThrow('fail');
      await until(async () => smtp.received.length === 1);
      // The SMTP server holds the message before the worker records "sent": wait for the row too.
      const rows = await until(async () => {
        const r = (await t.db.query(`SELECT subject, status FROM mail_outbox`)) as {
          subject: string;
          status: string;
        }[];
        return r.every((x) => x.status !== 'pending') ? r : undefined;
      });
      expect(rows).toEqual([{ subject: 'committed', status: 'sent' }]);
      await new Promise((r) => setTimeout(r, 1500));
      expect(smtp.received).toHaveLength(1);
    } finally {
      await t.close();
      smtp.server.close();
    }
  });

  it('retries a mail that cannot be sent, then marks it failed and shows the job to staff', async () => {
    const closed = await smtpServer();
    const port = closed.port;
    closed.server.close();
    const t = await startTestApp({
      JOBS_ENABLED: 'true',
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      JOB_RETRY_DELAY_SECONDS: '1',
      JOB_RETRY_LIMIT: '2',
    });
    try {
      registerTestKind(t);
      await t.db.transaction((m) => t.app.get(MailOutbox).enqueue(m, testMail('c@example.jp', 'unreachable')));
      const row = await until(async () => {
        const [r] = (await t.db.query(`SELECT status, attempts FROM mail_outbox`)) as {
          status: string;
          attempts: number;
        }[];
        return r?.status === 'failed' ? r : undefined;
      }, 40000);
      expect(row.attempts).toBe(3);
      const staff = await t.login('staff@example.jp');
      const jobs = await t.call<{ name: string; state: string; retryCount: number }[]>('GET', '/jobs?state=failed', {
        token: staff,
      });
      expect(jobs.status).toBe(200);
      expect(jobs.body).toEqual([expect.objectContaining({ name: 'mail.send', state: 'failed', retryCount: 2 })]);
      const member = await t.login('member@example.jp');
      expect((await t.call('GET', '/jobs', { token: member })).status).toBe(403);
    } finally {
      await t.close();
    }
  }, 60000);

  it('mails a registration written in one statement, and the sweep sends a mail whose job was lost', async () => {
    const smtp = await smtpServer();
    const t = await startTestApp({
      JOBS_ENABLED: 'true',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      JOB_RETRY_DELAY_SECONDS: '1',
    });
    try {
      registerTestKind(t);
      const staff = await t.login('staff@example.jp');
      const event = await createEvent(t, staff, { capacity: 5 });
      const res = await registerPublic(t, event.id, student(1));
      expect(res.status).toBe(201);
      await until(async () => smtp.received.length === 1);
      expect(smtp.received[0]).toContain('image/png'); // the QR code rides along
      expect(smtp.received[0]).toContain('check-in-qr.png');

      // committed, but the process died before it queued the job: one over a minute old is swept,
      // a recent one is left to the request that wrote it
      await t.db.query(
        `INSERT INTO mail_outbox (to_address, kind, params, status, created_at)
         VALUES ('lost@example.jp', 'test', '{"subject": "lost job", "text": "x"}', 'pending', now() - interval '2 minutes'),
                ('recent@example.jp', 'test', '{"subject": "recent", "text": "x"}', 'pending', now())`,
      );
      await t.app.get(MailOutbox).sweep();
      await t.app.get(MailOutbox).sweep(); // twice: the job has the mail's id, so it is queued once
      await until(async () => smtp.received.length === 2);
      expect(smtp.received[1]).toContain('lost job');
      await new Promise((r) => setTimeout(r, 1500));
      expect(smtp.received).toHaveLength(2);
      const rows = (await t.db.query(
        `SELECT coalesce(subject, params->>'subject') AS subject, status FROM mail_outbox ORDER BY 1`,
      )) as {
        subject: string;
        status: string;
      }[];
      expect(rows.map((r) => [r.subject.startsWith('【') ? 'confirmation' : r.subject, r.status])).toEqual([
        ['lost job', 'sent'],
        ['recent', 'pending'],
        ['confirmation', 'sent'],
      ]);
    } finally {
      await t.close();
      smtp.server.close();
    }
  }, 30000);
});
