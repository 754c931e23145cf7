import type { AddressInfo } from 'net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One received message as a mail client reads it (nodemailer's own parser, not ours). */
export interface ReceivedMail {
  /** the envelope's recipients */
  to: string[];
  /** the raw header block */
  headers: string;
  /** the text part */
  text: string;
  html: string | null;
  parsed: ParsedMail;
}

/**
 * A real SMTP server (nodemailer's smtp-server) that accepts every message and keeps it, parsed by
 * mailparser: what a person's mail client would show.
 */
export async function smtpSink(): Promise<{ url: string; received: ReceivedMail[]; close(): Promise<void> }> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const split = raw.indexOf('\r\n\r\n');
        simpleParser(raw)
          .then((parsed) => {
            received.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              headers: raw.subarray(0, split < 0 ? raw.length : split).toString('utf8'),
              text: parsed.text ?? '',
              html: parsed.html || null,
              parsed,
            });
            callback();
          })
          .catch((e: Error) => callback(e));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
