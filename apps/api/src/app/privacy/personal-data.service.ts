import { createHash, randomUUID } from 'crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ErasePersonalDataResponse, PersonalDataExport } from '@chamber/contracts';
import { writeAudit } from '../audit/audit-writer';
import type { AuthUser } from '../common/auth-user';
import { conflict } from '../common/errors';
import { tokenHash } from '../common/link-tokens';
import { ERASED_KANA, ERASED_NAME, erasedEmail, jsonEscaped, sweepTerms } from './personal-data-sweep';

type Row = Record<string, unknown>;

interface Found {
  accounts: Row[];
  registrations: Row[];
  examApplications: Row[];
  people: Row[];
  invitations: Row[];
  memberContacts: Row[];
}

/** Tables the sweep leaves alone: the migration list; nothing personal lives there. */
const NOT_SWEPT = new Set(['typeorm_migrations']);

/** The audit trail names the person by a hash of the email, never the email itself. */
export function emailDigest(email: string): string {
  return createHash('sha256').update(`personal-data:${email}`).digest('hex').slice(0, 32);
}

/**
 * 個人情報保護法: what is held about one email, and its erasure. Erasure overwrites (never deletes):
 * every count, KPI counter and ledger row stays; names, kana, email, phone and school are replaced
 * in the person's own records, and then every text of every table is swept for the values found.
 */
@Injectable()
export class PersonalDataService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async export(email: string, by: AuthUser): Promise<PersonalDataExport> {
    return this.dataSource.transaction(async (m) => {
      const found = await this.find(m, email);
      const terms = this.terms(email, found);
      const names = terms.filter((t) => !t.includes('@'));
      const accountIds = found.accounts.map((a) => a['id'] as string);
      const consultations = names.length
        ? ((await m.query(
            `SELECT c.id, c.member_id, m.name AS member_name, c.kind, c.consulted_on, c.summary, c.created_at
               FROM member_consultation c JOIN member m ON m.id = c.member_id
              WHERE c.summary LIKE ANY($1::text[]) ORDER BY c.consulted_on`,
            [names.map((n) => `%${n.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)],
          )) as Row[])
        : [];
      const suggestions = accountIds.length
        ? ((await m.query(
            `SELECT id, category, body, status, answer_body, created_at FROM suggestion
              WHERE named_poster_id = ANY($1::uuid[]) AND anonymous = false ORDER BY created_at`,
            [accountIds],
          )) as Row[])
        : [];
      const mails = (await m.query(
        `SELECT id, kind, subject, status, lang, created_at, sent_at FROM mail_outbox WHERE lower(to_address) = $1 ORDER BY created_at`,
        [email],
      )) as Row[];
      await writeAudit(m, {
        actorId: by.id,
        actorRole: by.role,
        action: 'personal_data.exported',
        entity: 'personal_data',
        resourceId: emailDigest(email),
        statusCode: 200,
        detail: { emailSha256: emailDigest(email) },
      });
      return {
        email,
        generatedAt: new Date().toISOString(),
        account: found.accounts[0] ?? null,
        registrations: found.registrations,
        examApplications: found.examApplications,
        people: found.people,
        invitations: found.invitations,
        consultations,
        suggestions,
        mails,
        memberContacts: found.memberContacts,
      };
    });
  }

  async erase(email: string, by: AuthUser): Promise<ErasePersonalDataResponse> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, ['personal-data-erase']);
      const found = await this.find(m, email);
      if (found.accounts.some((a) => a['id'] === by.id)) {
        throw conflict('erase_own_account');
      }
      const terms = this.terms(email, found);
      // one stand-in address for all of the person's records: what counted once still counts once
      const standIn = erasedEmail(randomUUID());
      const ids = (rows: Row[]) => rows.map((r) => r['id'] as string);
      const erased: Record<string, number> = {};

      const accounts = ids(found.accounts);
      if (accounts.length) {
        await m.query(
          `UPDATE user_account SET email = $3, display_name = $2, active = false,
                  password_hash = '!erased', totp_secret = NULL, totp_enabled_at = NULL
            WHERE id = ANY($1::uuid[])`,
          [accounts, ERASED_NAME, standIn],
        );
        await m.query(
          `UPDATE auth_session SET revoked_at = now() WHERE user_id = ANY($1::uuid[]) AND revoked_at IS NULL`,
          [accounts],
        );
        await m.query(`DELETE FROM password_reset WHERE user_id = ANY($1::uuid[])`, [accounts]);
      }
      erased['accounts'] = accounts.length;

      const registrations = ids(found.registrations);
      if (registrations.length)
        await m.query(
          `UPDATE registration SET name = $2, name_kana = $3, email = $4,
                  school = NULL, search_key = '' WHERE id = ANY($1::uuid[])`,
          [registrations, ERASED_NAME, ERASED_KANA, standIn],
        );
      erased['registrations'] = registrations.length;

      const exams = ids(found.examApplications);
      if (exams.length)
        await m.query(
          `UPDATE exam_application SET name = $2, name_kana = $3, email = $4,
                  phone = NULL, birth_date = NULL WHERE id = ANY($1::uuid[])`,
          [exams, ERASED_NAME, ERASED_KANA, standIn],
        );
      erased['examApplications'] = exams.length;

      const people = ids(found.people);
      if (people.length)
        await m.query(
          `UPDATE member_person SET name = $2, name_kana = $3, email = $4, phone = ''
            WHERE id = ANY($1::uuid[])`,
          [people, ERASED_NAME, ERASED_KANA, standIn],
        );
      erased['people'] = people.length;

      const invitations = ids(found.invitations);
      if (invitations.length)
        await m.query(
          `UPDATE member_invitation SET name = $2, email = $3, revoked_at = coalesce(revoked_at, now())
            WHERE id = ANY($1::uuid[])`,
          [invitations, ERASED_NAME, standIn],
        );
      erased['invitations'] = invitations.length;

      const contacts = ids(found.memberContacts);
      if (contacts.length) await m.query(`UPDATE member SET email = '' WHERE id = ANY($1::uuid[])`, [contacts]);
      erased['memberContacts'] = contacts.length;

      // mails to that address: the address goes, and what was still to be sent is not sent
      const mails = (await m.query(
        `UPDATE mail_outbox SET to_address = $2,
                status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END,
                last_error = CASE WHEN status = 'pending' THEN 'recipient erased (personal data request)' ELSE last_error END
          WHERE lower(to_address) = $1 RETURNING id`,
        [email, standIn],
      )) as unknown[];
      erased['mails'] = rowsOf(mails);
      await m.query(`DELETE FROM login_backoff WHERE key = $1`, [tokenHash(`login:${email}`)]);

      // every other text that holds one of those values: consultation summaries, stored answers,
      // mail parameters, audit details, activity copies, notes …
      erased['otherTexts'] = await this.sweep(m, terms);

      await writeAudit(m, {
        actorId: by.id,
        actorRole: by.role,
        action: 'personal_data.erased',
        entity: 'personal_data',
        resourceId: emailDigest(email),
        statusCode: 200,
        detail: { emailSha256: emailDigest(email), erased },
      });
      return { erased };
    });
  }

  private async find(m: EntityManager, email: string): Promise<Found> {
    const accounts = (await m.query(
      `SELECT id, email, role, member_id, display_name, active, created_at, last_login_at FROM user_account WHERE lower(email) = $1`,
      [email],
    )) as Row[];
    const accountIds = accounts.map((a) => a['id'] as string);
    const registrations = (await m.query(
      `SELECT r.id, r.event_id, e.title_ja AS event_title, r.status, r.name, r.name_kana, r.email, r.school,
              r.graduation_year, r.source, r.member_id, r.created_at, r.cancelled_at, r.checked_in_at
         FROM registration r JOIN event e ON e.id = r.event_id
        WHERE lower(r.email) = $1 OR r.user_id = ANY($2::uuid[]) ORDER BY r.created_at`,
      [email, accountIds],
    )) as Row[];
    const examApplications = (await m.query(
      `SELECT id, sitting_id, examinee_number, status, name, name_kana, email, birth_date, phone, channel, result,
              score, created_at, cancelled_at
         FROM exam_application WHERE lower(email) = $1 OR user_id = ANY($2::uuid[]) ORDER BY created_at`,
      [email, accountIds],
    )) as Row[];
    const people = (await m.query(
      `SELECT p.id, p.member_id, m.name AS member_name, p.name, p.name_kana, p.email, p.phone, p.role, p.created_at
         FROM member_person p JOIN member m ON m.id = p.member_id
        WHERE lower(p.email) = $1 OR p.user_account_id = ANY($2::uuid[]) ORDER BY p.created_at`,
      [email, accountIds],
    )) as Row[];
    const invitations = (await m.query(
      `SELECT id, member_id, email, name, role, created_at, accepted_at, revoked_at FROM member_invitation WHERE lower(email) = $1`,
      [email],
    )) as Row[];
    const memberContacts = (await m.query(
      `SELECT id, name, email, representative FROM member WHERE lower(email) = $1`,
      [email],
    )) as Row[];
    return { accounts, registrations, examApplications, people, invitations, memberContacts };
  }

  private terms(email: string, f: Found): string[] {
    const pick = (rows: Row[], keys: string[]) => rows.flatMap((r) => keys.map((k) => r[k] as string | null));
    return sweepTerms([
      email,
      ...pick(f.accounts, ['email', 'display_name']),
      ...pick(f.registrations, ['name', 'name_kana', 'email', 'school']),
      ...pick(f.examApplications, ['name', 'name_kana', 'email', 'phone']),
      ...pick(f.people, ['name', 'name_kana', 'email', 'phone']),
      ...pick(f.invitations, ['name', 'email']),
    ]).filter((t) => !isSchoolLike(t, f));
  }

  /** Replaces every term in every text and jsonb column of every table; the rows changed. */
  private async sweep(m: EntityManager, terms: string[]): Promise<number> {
    if (terms.length === 0) return 0;
    const columns = (await m.query(
      `SELECT c.table_name AS t, c.column_name AS c, c.data_type AS type
         FROM information_schema.columns c JOIN information_schema.tables t
           ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
        WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying', 'jsonb', 'json')
        ORDER BY 1, 2`,
    )) as { t: string; c: string; type: string }[];
    let changed = 0;
    for (const col of columns) {
      if (NOT_SWEPT.has(col.t)) continue;
      const json = col.type === 'jsonb' || col.type === 'json';
      const forms = json ? terms.map(jsonEscaped) : terms;
      const replacement = json ? jsonEscaped(ERASED_NAME) : ERASED_NAME;
      const ident = `"${col.t.replace(/"/g, '""')}"`;
      const column = `"${col.c.replace(/"/g, '""')}"`;
      const source = json ? `${column}::text` : column;
      let expr = source;
      forms.forEach((_, i) => {
        expr = `replace(${expr}, $${i + 1}, $${forms.length + 1})`;
      });
      const set = json ? `(${expr})::${col.type}` : expr;
      const where = forms.map((_, i) => `strpos(${source}, $${i + 1}) > 0`).join(' OR ');
      const res = (await m.query(`UPDATE ${ident} SET ${column} = ${set} WHERE ${where} RETURNING 1`, [
        ...forms,
        replacement,
      ])) as unknown[];
      changed += rowsOf(res);
    }
    return changed;
  }
}

/** A school's name is shared by many students: it is removed from their own records, not swept. */
function isSchoolLike(term: string, f: Found): boolean {
  const own = (k: string) => f.registrations.some((r) => r[k] === term);
  return own('school') && !own('name') && !own('name_kana') && !own('email');
}

/** TypeORM's raw UPDATE … RETURNING answers [rows, count] on PostgreSQL, rows on PGlite. */
function rowsOf(res: unknown): number {
  if (Array.isArray(res) && res.length === 2 && Array.isArray(res[0]) && typeof res[1] === 'number') return res[1];
  return Array.isArray(res) ? res.length : 0;
}
