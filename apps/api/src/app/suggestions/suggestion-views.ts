import type {
  OwnSuggestionView,
  PublicSuggestionView,
  StaffSuggestionView,
  SuggestionAnswer,
  SuggestionCategory,
  SuggestionStatus,
} from '@chamber/contracts';
import { ageInDays } from '@chamber/domain';

/** A suggestion row as the read queries select it (snake_case, straight from PostgreSQL). */
export interface SuggestionRow {
  id: string;
  category: SuggestionCategory;
  body: string;
  anonymous: boolean;
  status: SuggestionStatus;
  division: string | null;
  assignee_id: string | null;
  answer_body: string | null;
  answer_public: boolean;
  answered_at: Date | null;
  received_fiscal_year: number;
  created_at: Date;
  updated_at: Date;
}

/**
 * Staff reads add the assignee and, for named suggestions only, the poster. The queries that fill
 * these columns join the poster through `named_poster_id`, which is null for anonymous ones.
 */
export interface StaffSuggestionRow extends SuggestionRow {
  assignee_name: string | null;
  poster_name: string | null;
  poster_email: string | null;
  poster_member_id: string | null;
  poster_member_name: string | null;
}

/** Columns of `suggestion` every view may read: never `named_poster_id` (joined only for staff). */
export const SUGGESTION_COLUMNS = `s.id, s.category, s.body, s.anonymous, s.status, s.division, s.assignee_id,
  s.answer_body, s.answer_public, s.answered_at, s.received_fiscal_year, s.created_at, s.updated_at`;

/**
 * The staff select: the poster is joined only when the suggestion is named (the CHECK constraint
 * keeps `named_poster_id` null for anonymous ones; the join condition says it again).
 */
export const STAFF_SELECT = `SELECT ${SUGGESTION_COLUMNS},
  a.display_name AS assignee_name,
  p.display_name AS poster_name, p.email AS poster_email, p.member_id AS poster_member_id, m.name AS poster_member_name
FROM suggestion s
LEFT JOIN user_account a ON a.id = s.assignee_id
LEFT JOIN user_account p ON p.id = s.named_poster_id AND NOT s.anonymous
LEFT JOIN member m ON m.id = p.member_id`;

function answerOf(row: SuggestionRow): SuggestionAnswer | null {
  if (row.status !== 'answered' || row.answer_body === null || row.answered_at === null) return null;
  return { body: row.answer_body, answeredAt: row.answered_at.toISOString(), public: row.answer_public };
}

function base(row: SuggestionRow) {
  return {
    id: row.id,
    category: row.category,
    body: row.body,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    fiscalYear: row.received_fiscal_year,
    answer: answerOf(row),
  };
}

export function staffView(row: StaffSuggestionRow, now = new Date()): StaffSuggestionView {
  const named = !row.anonymous && row.poster_email !== null;
  return {
    view: 'staff',
    ...base(row),
    anonymous: row.anonymous,
    poster: named
      ? {
          name: row.poster_name ?? '',
          email: row.poster_email!,
          memberId: row.poster_member_id,
          memberName: row.poster_member_name,
        }
      : null,
    division: row.division,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    ageDays: ageInDays(row.created_at, row.answered_at, now),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function ownView(row: SuggestionRow): OwnSuggestionView {
  return { view: 'own', ...base(row), anonymous: row.anonymous };
}

export function publicView(row: SuggestionRow): PublicSuggestionView {
  return { view: 'public', ...base(row) };
}
