import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ChamberProfileRow } from '../chamber/entities/chamber-profile.entity';
import type { MailIntentRow, MailRenderer, RenderedMail } from './mail-intent';
import { fillTemplate } from '@chamber/domain';
import { escapeHtml, layoutMail, MailContent } from './mail-layout';

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

  /**
   * The mail of an intent; a staff-edited template of its kind and language (or `template`, for a
   * preview) replaces the default subject and body.
   */
  async render(
    intent: MailIntentRow,
    db: EntityManager,
    template?: { subject: string; body: string },
  ): Promise<RenderedMail> {
    const legacy = intent.params['legacy'] as LegacyMail | undefined;
    // mails queued before mails were rendered at send time carry their text
    if (legacy) {
      return {
        subject: legacy.subject,
        text: legacy.text,
        headers: { 'Auto-Submitted': 'auto-generated' },
        attachments: (legacy.attachments ?? []).map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.base64, 'base64'),
        })),
      };
    }
    const renderer = this.renderers.get(intent.kind);
    if (!renderer) throw new Error(`no renderer for mail kind ${intent.kind}`);
    let content = await renderer(intent, db);
    if (content.variables) {
      const stored = template ?? (await storedTemplate(db, intent.kind, intent.lang));
      if (stored) content = withTemplate(content, stored, content.variables);
    }
    // the chamber's identity as it is when the mail goes out (a retry signs with the same row)
    const chamber = await db.findOneBy(ChamberProfileRow, { id: 1 });
    return layoutMail(content, intent.lang, chamber);
  }
}

async function storedTemplate(
  db: EntityManager,
  kind: string,
  lang: string,
): Promise<{ subject: string; body: string } | null> {
  const [row] = (await db.query(`SELECT subject, body FROM mail_template WHERE kind = $1 AND lang = $2`, [
    kind,
    lang,
  ])) as { subject: string; body: string }[];
  return row ?? null;
}

/** The template's subject and body (paragraphs split at empty lines) in place of the default ones. */
export function withTemplate(
  content: MailContent,
  template: { subject: string; body: string },
  values: Record<string, string>,
): MailContent {
  return {
    ...content,
    subject: fillTemplate(template.subject, values),
    paragraphs: fillTemplate(template.body, values)
      .split(/\r?\n[ \t\u3000]*\r?\n/)
      .map((p) => p.trim())
      .filter(Boolean),
  };
}

/** The mail with its secrets replaced, for people who may see that a mail went out but not use its links. */
export function redacted(mail: RenderedMail): { subject: string; text: string; html: string | null } {
  let { subject, text } = mail;
  let html = mail.html ?? null;
  const hide = (value: string, form: string) => value.split(form).join('••••');
  for (const secret of mail.secrets ?? []) {
    if (!secret) continue;
    // as written in a link, and as the HTML part writes that
    const forms = [secret, encodeURIComponent(secret)];
    for (const form of new Set([...forms, ...forms.map(escapeHtml)])) {
      subject = hide(subject, form);
      text = hide(text, form);
      if (html !== null) html = hide(html, form);
    }
  }
  return { subject, text, html };
}
