import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MailIntentRow, MailRenderer, RenderedMail } from './mail-intent';

interface LegacyMail {
  subject: string;
  text: string;
  attachments?: { filename: string; contentType: string; base64: string }[];
}

/**
 * Every kind of mail and the renderer that makes it. Each domain registers its own kinds when its
 * module starts, so the mail module knows none of them (dependencies point into mail, not out).
 */
@Injectable()
export class MailRenderers {
  private readonly renderers = new Map<string, MailRenderer>();

  register(kinds: Record<string, MailRenderer>): void {
    for (const [kind, renderer] of Object.entries(kinds)) {
      if (this.renderers.has(kind)) throw new Error(`mail kind ${kind} registered twice`);
      this.renderers.set(kind, renderer);
    }
  }

  kinds(): string[] {
    return [...this.renderers.keys()].sort();
  }

  async render(intent: MailIntentRow, db: EntityManager): Promise<RenderedMail> {
    const legacy = intent.params['legacy'] as LegacyMail | undefined;
    // mails queued before mails were rendered at send time carry their text
    if (legacy) {
      return {
        subject: legacy.subject,
        text: legacy.text,
        attachments: (legacy.attachments ?? []).map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.base64, 'base64'),
        })),
      };
    }
    const renderer = this.renderers.get(intent.kind);
    if (!renderer) throw new Error(`no renderer for mail kind ${intent.kind}`);
    return renderer(intent, db);
  }
}

/** The mail with its secrets replaced, for people who may see that a mail went out but not use its links. */
export function redacted(mail: RenderedMail): { subject: string; text: string } {
  let { subject, text } = mail;
  for (const secret of mail.secrets ?? []) {
    if (!secret) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      subject = subject.split(form).join('••••');
      text = text.split(form).join('••••');
    }
  }
  return { subject, text };
}
