import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Language, MailTemplateKind, MailTemplatePreview, MailTemplateView } from '@chamber/contracts';
import { MAIL_TEMPLATE_KINDS, MAIL_TEMPLATE_VARIABLES } from '@chamber/contracts';
import { unknownVariables } from '@chamber/domain';
import type { AuthUser } from '../common/auth-user';
import { badRequest, notFound } from '../common/errors';
import { MAIL_TEMPLATE_DEFAULTS } from './mail-template-defaults';
import { MailRenderers, redacted } from './mail-renderers';

interface TemplateRow {
  kind: MailTemplateKind;
  lang: Language;
  subject: string;
  body: string;
  updated_at: Date | string;
}

/** Mail texts staff reword, per kind and language; no stored row means the default text. */
@Injectable()
export class MailTemplatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly renderers: MailRenderers,
  ) {}

  async list(): Promise<MailTemplateView[]> {
    const rows = (await this.dataSource.query(
      `SELECT kind, lang, subject, body, updated_at FROM mail_template`,
    )) as TemplateRow[];
    return MAIL_TEMPLATE_KINDS.flatMap((kind) =>
      (['ja', 'en'] as const).map((lang) =>
        this.view(
          kind,
          lang,
          rows.find((r) => r.kind === kind && r.lang === lang),
        ),
      ),
    );
  }

  async get(kind: MailTemplateKind, lang: Language): Promise<MailTemplateView> {
    return this.view(kind, lang, await this.row(kind, lang));
  }

  /** Stores a template; a variable the kind does not have is refused (400 naming it), nothing written. */
  async put(
    kind: MailTemplateKind,
    lang: Language,
    text: { subject: string; body: string },
    by: AuthUser,
  ): Promise<MailTemplateView> {
    this.check(kind, text);
    await this.dataSource.query(
      `INSERT INTO mail_template (kind, lang, subject, body, updated_at, updated_by) VALUES ($1, $2, $3, $4, now(), $5)
       ON CONFLICT (kind, lang) DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body,
         updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [kind, lang, text.subject.trim(), text.body.trim(), by.id],
    );
    return this.get(kind, lang);
  }

  /** Back to the default text. */
  async reset(kind: MailTemplateKind, lang: Language): Promise<void> {
    await this.dataSource.query(`DELETE FROM mail_template WHERE kind = $1 AND lang = $2`, [kind, lang]);
  }

  /**
   * The mail as it would go out for a real registration, with the text given (or the stored one, or
   * the default); the tokens of its links hidden, as in the outbox list.
   */
  async preview(
    kind: MailTemplateKind,
    lang: Language,
    text: { subject?: string; body?: string; registrationId?: string },
  ): Promise<MailTemplatePreview> {
    const current = await this.get(kind, lang);
    const template = { subject: text.subject ?? current.subject, body: text.body ?? current.body };
    this.check(kind, template);
    const [reg] = (await this.dataSource.query(
      text.registrationId
        ? `SELECT id FROM registration WHERE id = $1`
        : `SELECT id FROM registration ORDER BY created_at DESC, id LIMIT 1`,
      text.registrationId ? [text.registrationId] : [],
    )) as { id: string }[];
    if (!reg) throw notFound('no_registration');
    const mail = await this.dataSource.transaction((m) =>
      this.renderers.render(
        { id: 'preview', kind, toAddress: '', relatedId: reg.id, lang, params: { waitlistPosition: 3 } },
        m,
        template,
      ),
    );
    const shown = redacted(mail);
    return { registrationId: reg.id, subject: shown.subject, text: shown.text, html: shown.html };
  }

  private check(kind: MailTemplateKind, text: { subject: string; body: string }): void {
    const allowed = MAIL_TEMPLATE_VARIABLES[kind];
    for (const field of ['subject', 'body'] as const) {
      const unknown = unknownVariables(text[field], allowed);
      if (unknown.length) throw badRequest(field, 'validation.unknown_variables', { unknown, allowed });
    }
    if (!text.subject.trim()) throw badRequest('subject', 'validation.subject_empty');
    if (!text.body.trim()) throw badRequest('body', 'validation.body_empty');
  }

  private async row(kind: MailTemplateKind, lang: Language): Promise<TemplateRow | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT kind, lang, subject, body, updated_at FROM mail_template WHERE kind = $1 AND lang = $2`,
      [kind, lang],
    )) as TemplateRow[];
    return row;
  }

  private view(kind: MailTemplateKind, lang: Language, row: TemplateRow | undefined): MailTemplateView {
    const d = MAIL_TEMPLATE_DEFAULTS[kind][lang];
    return {
      kind,
      lang,
      subject: row?.subject ?? d.subject,
      body: row?.body ?? d.body,
      variables: MAIL_TEMPLATE_VARIABLES[kind],
      custom: !!row,
      defaultSubject: d.subject,
      defaultBody: d.body,
      updatedAt: row ? new Date(row.updated_at).toISOString() : null,
    };
  }
}
