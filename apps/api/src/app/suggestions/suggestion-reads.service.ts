import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type {
  OwnSuggestionView,
  PublicSuggestionView,
  StaffSuggestionView,
  SuggestionListQuery,
  SuggestionPerson,
  SuggestionStats,
  SuggestionView,
} from '@chamber/contracts';
import { CHAMBER_ROLES } from '@chamber/contracts';
import { answerRate, currentFiscalYear, medianDaysToAnswer, searchKey } from '@chamber/domain';
import type { AuthUser } from '../auth/auth.decorators';
import { notFound } from '../common/errors';
import { tokenHash } from '../common/link-tokens';
import {
  ownView,
  publicView,
  STAFF_SELECT,
  staffView,
  SUGGESTION_COLUMNS,
  SuggestionRow,
  StaffSuggestionRow,
} from './suggestion-views';

/** Most rows a list answers with (newest first). */
const LIST_LIMIT = 1000;

/** Every word of the query (kana-, width-, case- and space-insensitive) occurs in one of the texts. */
function matches(query: string | undefined, ...texts: (string | null)[]): boolean {
  const terms = (query ?? '')
    .split(/[\s\u3000]+/)
    .map(searchKey)
    .filter(Boolean);
  if (!terms.length) return true;
  const haystack = searchKey(texts.filter(Boolean).join('\n'));
  return terms.every((t) => haystack.includes(t));
}

const notFoundError = () => notFound('suggestion_not_found');

/**
 * Reads of the box. A member's own list holds their named suggestions; an anonymous one is read with
 * its receipt only (the database does not know who posted it, so no path here can tell anyone).
 */
@Injectable()
export class SuggestionReadsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async staffList(q: SuggestionListQuery): Promise<StaffSuggestionView[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.status) add('s.status = ?', q.status);
    if (q.category) add('s.category = ?', q.category);
    if (q.fiscalYear !== undefined) add('s.received_fiscal_year = ?', q.fiscalYear);
    if (q.division) add(`s.division ILIKE ? ESCAPE '\\'`, `%${q.division.replace(/[\\%_]/g, '\\$&')}%`);
    if (q.olderThanDays !== undefined) add(`s.created_at <= now() - make_interval(days => ?)`, q.olderThanDays);
    params.push(LIST_LIMIT);
    const rows = (await this.dataSource.query(
      `${STAFF_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.created_at DESC LIMIT $${params.length}`,
      params,
    )) as StaffSuggestionRow[];
    const now = new Date();
    return rows.filter((r) => matches(q.q, r.body, r.answer_body)).map((r) => staffView(r, now));
  }

  async ownList(userId: string): Promise<OwnSuggestionView[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${SUGGESTION_COLUMNS} FROM suggestion s
       WHERE s.named_poster_id = $1 ORDER BY s.created_at DESC LIMIT ${LIST_LIMIT}`,
      [userId],
    )) as SuggestionRow[];
    return rows.map(ownView);
  }

  async publicList(q: { q?: string; category?: string }): Promise<PublicSuggestionView[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${SUGGESTION_COLUMNS} FROM suggestion s
       WHERE s.status = 'answered' AND s.answer_public AND ($1::text IS NULL OR s.category = $1)
       ORDER BY s.answered_at DESC LIMIT ${LIST_LIMIT}`,
      [q.category ?? null],
    )) as SuggestionRow[];
    return rows.filter((r) => matches(q.q, r.body, r.answer_body)).map(publicView);
  }

  async staffDetail(id: string, manager: EntityManager = this.dataSource.manager): Promise<StaffSuggestionView> {
    const [row] = (await manager.query(`${STAFF_SELECT} WHERE s.id = $1`, [id])) as StaffSuggestionRow[];
    if (!row) throw notFoundError();
    return staffView(row);
  }

  /** Staff see it all; the poster sees their own; anyone signed in a public answer; otherwise 404 (existence stays hidden). */
  async detail(id: string, user: AuthUser): Promise<SuggestionView> {
    if (CHAMBER_ROLES.includes(user.role)) return this.staffDetail(id);
    const [own] = (await this.dataSource.query(
      `SELECT ${SUGGESTION_COLUMNS} FROM suggestion s WHERE s.id = $1 AND s.named_poster_id = $2`,
      [id, user.id],
    )) as SuggestionRow[];
    if (own) return ownView(own);
    const [open] = (await this.dataSource.query(
      `SELECT ${SUGGESTION_COLUMNS} FROM suggestion s WHERE s.id = $1 AND s.status = 'answered' AND s.answer_public`,
      [id],
    )) as SuggestionRow[];
    if (open) return publicView(open);
    throw notFoundError();
  }

  /** The anonymous poster's view of their suggestion, by the receipt they kept; unknown → 404. */
  async byReceipt(receipt: string): Promise<OwnSuggestionView> {
    const [row] = (await this.dataSource.query(
      `SELECT ${SUGGESTION_COLUMNS} FROM suggestion s WHERE s.receipt_hash = $1 AND s.anonymous`,
      [tokenHash(receipt)],
    )) as SuggestionRow[];
    if (!row) throw notFoundError();
    return ownView(row);
  }

  async stats(fiscalYear = currentFiscalYear()): Promise<SuggestionStats> {
    const rows = (await this.dataSource.query(
      `SELECT created_at, answered_at FROM suggestion WHERE received_fiscal_year = $1`,
      [fiscalYear],
    )) as { created_at: Date; answered_at: Date | null }[];
    const received = rows.length;
    const answered = rows.filter((r) => r.answered_at !== null).length;
    return {
      fiscalYear,
      received,
      answered,
      answerRate: answerRate(received, answered),
      medianDaysToAnswer: medianDaysToAnswer(
        rows.map((r) => ({ receivedAt: r.created_at, answeredAt: r.answered_at })),
      ),
      open: received - answered,
    };
  }

  /** Staff who can take a suggestion (for the assign control). */
  async assignees(): Promise<SuggestionPerson[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, display_name, email FROM user_account WHERE active AND role IN ('staff', 'admin') ORDER BY display_name, email`,
    )) as { id: string; display_name: string; email: string }[];
    return rows.map((r) => ({ id: r.id, name: r.display_name || r.email }));
  }
}
