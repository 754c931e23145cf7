/** Suggestion box (目安箱): members' voices, staff triage and answers, C1-4 answer rate. */

export const SUGGESTION_CATEGORIES = ['events', 'services', 'membership', 'website', 'other'] as const;
export type SuggestionCategory = (typeof SUGGESTION_CATEGORIES)[number];

export const SUGGESTION_STATUSES = ['received', 'in_review', 'answered'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** Length limits of the texts (characters, after trimming). */
export const SUGGESTION_BODY_MAX = 4000;
export const SUGGESTION_ANSWER_MAX = 4000;
/** Suggestions one account may post in a day, Asia/Tokyo (a per-user cap: a whole office shares one address). */
export const SUGGESTION_DAILY_LIMIT = 10;

/** Divisions a suggestion is usually assigned to (free text is accepted too). */
export const SUGGESTION_DIVISIONS = ['総務課', '産業振興課', '経営支援課', '共済検定課', '中小企業振興部'] as const;

export interface CreateSuggestionRequest {
  category: SuggestionCategory;
  body: string;
  /** true: no staff screen, export, mail list or log shows who posted it */
  anonymous: boolean;
}

export interface CreateSuggestionResponse {
  id: string;
  status: 'received';
  /**
   * anonymous suggestions only: the token its poster keeps to follow it
   * (GET /api/suggestions/receipts/:receipt); nothing else ties the suggestion to the account
   */
  receipt?: string;
}

/** Staff triage: set in review, assign to a division or a person, publish or withdraw an answer. */
export interface UpdateSuggestionRequest {
  status?: 'in_review';
  division?: string | null;
  assigneeId?: string | null;
  /** only for answered suggestions: show the answer on the public "voices and answers" page */
  answerPublic?: boolean;
}

export interface AnswerSuggestionRequest {
  body: string;
  /** show it (never the poster) on the "voices and answers" page; default false */
  public?: boolean;
}

export interface AnswerSuggestionResponse {
  id: string;
  status: 'answered';
  answeredAt: string;
}

export interface SuggestionAnswer {
  body: string;
  answeredAt: string;
  public: boolean;
}

/** Who posted a named suggestion, for staff. Anonymous suggestions carry `poster: null`. */
export interface SuggestionPoster {
  name: string;
  email: string;
  memberId: string | null;
  memberName: string | null;
}

export interface SuggestionPerson {
  id: string;
  name: string;
}

interface SuggestionBase {
  id: string;
  category: SuggestionCategory;
  body: string;
  status: SuggestionStatus;
  /** ISO-8601 instant of receipt */
  createdAt: string;
  /** fiscal year of receipt (Asia/Tokyo, April start): the FY whose C1-4 rate it counts in */
  fiscalYear: number;
  answer: SuggestionAnswer | null;
}

/** What staff, managers and admins read. */
export interface StaffSuggestionView extends SuggestionBase {
  view: 'staff';
  anonymous: boolean;
  poster: SuggestionPoster | null;
  division: string | null;
  assignee: SuggestionPerson | null;
  /** whole days since receipt (or until the answer) */
  ageDays: number;
  updatedAt: string;
}

/** What the poster reads of their own suggestions. */
export interface OwnSuggestionView extends SuggestionBase {
  view: 'own';
  anonymous: boolean;
}

/** An answered suggestion whose answer is public: never anything about its poster. */
export interface PublicSuggestionView extends SuggestionBase {
  view: 'public';
}

export type SuggestionView = StaffSuggestionView | OwnSuggestionView | PublicSuggestionView;

export interface SuggestionListQuery {
  status?: SuggestionStatus;
  category?: SuggestionCategory;
  /** received at least this many days ago */
  olderThanDays?: number;
  division?: string;
  fiscalYear?: number;
  q?: string;
}

export interface SuggestionStats {
  fiscalYear: number;
  /** suggestions received in the FY (rows in the box) */
  received: number;
  /** of those, answered so far */
  answered: number;
  /** answered / received (fraction), null when nothing was received */
  answerRate: number | null;
  /** median days from receipt to answer over the answered ones, one decimal; null when none */
  medianDaysToAnswer: number | null;
  /** not answered yet */
  open: number;
}
