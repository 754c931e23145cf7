import type { Language } from '@chamber/contracts';
import type { EntityManager } from 'typeorm';
import type { MailContent } from './mail-layout';

/**
 * What a change asks to send, written in the change's own transaction: the kind of mail, the record
 * it is about, the recipient and their language, and what the renderer cannot read from the record
 * (a waitlist position at the time, a reason, a staff-written text). Never the rendered mail.
 */
export interface MailIntent {
  kind: string;
  to: string;
  relatedId: string | null;
  lang?: Language;
  params?: Record<string, unknown>;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A mail as it goes out, made from its intent when it is sent (or shown to staff). */
export interface RenderedMail {
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  headers?: Record<string, string>;
  /** substrings a staff view must not show (the tokens of links and codes) */
  secrets?: string[];
}

/** The stored intent, as a renderer receives it. */
export interface MailIntentRow {
  id: string;
  kind: string;
  toAddress: string;
  relatedId: string | null;
  lang: Language;
  params: Record<string, unknown>;
}

/**
 * Writes one kind of mail from its intent, in the intent's language; reads what it needs through
 * the manager. The mail module lays it out (text and HTML parts, the chamber's signature).
 */
export type MailRenderer = (intent: MailIntentRow, db: EntityManager) => Promise<MailContent>;
