import type { LocalizedText } from './common';

/** Certification exams (検定): the catalogue, sittings, applications and results. */

export const EXAM_AUDIENCES = ['members', 'public'] as const;
export type ExamAudience = (typeof EXAM_AUDIENCES)[number];

export const EXAM_APPLICATION_STATUSES = ['applied', 'cancelled'] as const;
export type ExamApplicationStatus = (typeof EXAM_APPLICATION_STATUSES)[number];

export const EXAM_FEE_STATUSES = ['unpaid', 'paid', 'waived'] as const;
export type ExamFeeStatus = (typeof EXAM_FEE_STATUSES)[number];

export const EXAM_RESULTS = ['passed', 'failed', 'absent'] as const;
export type ExamResult = (typeof EXAM_RESULTS)[number];

/** How an application came in: the public form, a member (self or company contact), or staff. */
export const EXAM_APPLICATION_CHANNELS = ['public', 'member', 'staff'] as const;
export type ExamApplicationChannel = (typeof EXAM_APPLICATION_CHANNELS)[number];

export interface ExamGrade {
  /** `2`, `basic`, `document_1`, … */
  code: string;
  name: LocalizedText;
}

/** GET /api/exam-types */
export interface ExamType {
  code: string;
  name: LocalizedText;
  grades: ExamGrade[];
}

/** POST /api/exams */
export interface CreateExamSittingRequest {
  examCode: string;
  /** a grade code of the exam (`2`), or its name (`2級`, `Grade 2`) */
  grade: string;
  startsAt: string;
  endsAt?: string;
  venue: string;
  capacity: number;
  /** yen */
  fee: number;
  audience: ExamAudience;
  applicationClosesAt?: string;
  /** the action item whose counters the results move (default `A1-7`) */
  actionItemCode?: string;
  note?: string;
}

/** PATCH /api/exams/:id */
export interface UpdateExamSittingRequest {
  startsAt?: string;
  endsAt?: string | null;
  venue?: string;
  capacity?: number;
  fee?: number;
  audience?: ExamAudience;
  applicationClosesAt?: string | null;
  note?: string;
}

/** One sitting, as listed in GET /api/exams and answered by GET /api/exams/:id. */
export interface ExamSitting {
  id: string;
  /** unique sitting code, the prefix of its examinee numbers (`BK2-260614`) */
  code: string;
  exam: { code: string; name: LocalizedText };
  grade: string;
  gradeName: LocalizedText;
  /** the exam day in Asia/Tokyo, YYYY-MM-DD */
  date: string;
  startsAt: string;
  endsAt: string | null;
  venue: string;
  capacity: number;
  fee: number;
  audience: ExamAudience;
  applicationClosesAt: string;
  actionItemCode: string;
  note: string;
  applicationsCount: number;
  seatsLeft: number;
  /** accepting applications now (window open and seats left) */
  open: boolean;
  fiscalYear: number;
}

export interface ExamCandidate {
  name: string;
  /** furigana; hiragana is accepted and stored as katakana */
  nameKana: string;
  email: string;
  /** YYYY-MM-DD; required for applicants without an account */
  birthDate?: string;
  /** required for applicants without an account */
  phone?: string;
}

/** POST /api/exams/:id/applications */
export interface ExamApplicationRequest {
  candidates: ExamCandidate[];
}

export interface ExamApplicationReceipt {
  id: string;
  status: ExamApplicationStatus;
  examineeNumber: string;
  /** only for applicants without an account: keep it to cancel */
  cancelToken?: string;
}

export interface ExamApplicationResponse {
  applications: ExamApplicationReceipt[];
}

/** POST /api/public/exams/:id/applications (no account) */
export interface PublicExamApplicationRequest {
  name: string;
  nameKana: string;
  email: string;
  birthDate: string;
  phone: string;
  /** agreed to the handling of personal data (個人情報の取扱い): the portal sends true; false is refused */
  consent?: boolean;
}

export interface PublicExamApplicationResponse {
  id: string;
  status: ExamApplicationStatus;
  examineeNumber: string;
  cancelToken: string;
}

/** One application, for its applicant, the company contact and staff. */
export interface ExamApplication {
  id: string;
  sittingId: string;
  sitting: Pick<ExamSitting, 'code' | 'exam' | 'grade' | 'gradeName' | 'date' | 'startsAt' | 'venue'>;
  examineeNumber: string;
  status: ExamApplicationStatus;
  name: string;
  nameKana: string;
  email: string;
  birthDate: string | null;
  phone: string | null;
  memberId: string | null;
  company: string | null;
  channel: ExamApplicationChannel;
  fee: number;
  feeStatus: ExamFeeStatus;
  result: ExamResult | null;
  score: number | null;
  appliedAt: string;
  cancelledAt: string | null;
  resultRecordedAt: string | null;
  /** whether the applicant may still cancel (window open, no result) */
  cancellable: boolean;
}

/**
 * POST /api/public/exam-applications/lookup {cancelToken}: what the cancel page names before the
 * applicant confirms (the exam, its day, who) — no contact details.
 */
export type PublicExamApplicationLookup = Pick<
  ExamApplication,
  'id' | 'status' | 'examineeNumber' | 'name' | 'sitting' | 'cancellable'
>;

/** POST /api/exam-applications/:id/cancel, POST /api/public/exam-applications/cancel */
export interface ExamCancelResponse {
  id: string;
  status: 'cancelled';
  cancelledAt: string;
}

export interface PublicExamCancelRequest {
  cancelToken: string;
}

/** PATCH /api/exam-applications/:id (staff) */
export interface UpdateExamApplicationRequest {
  feeStatus: ExamFeeStatus;
}

/** POST /api/exam-applications/:id/result (staff) */
export interface ExamResultRequest {
  result: ExamResult;
  score?: number | null;
}

/** POST /api/exams/:id/results/import?dryRun=true — JSON `{csv}` (or `{csvBase64}` for CP932 bytes), or a text/csv body */
export interface ExamResultsImportRequest {
  csv?: string;
  csvBase64?: string;
}

export interface ExamImportRowError {
  /** the line of the file (the header is line 1) */
  row: number;
  field: string;
  message: string;
}

export interface ExamResultsImportResponse {
  dryRun: boolean;
  rows: number;
  valid: number;
  /** results that change (or would change) */
  changed: number;
  errors: ExamImportRowError[];
}

/** GET /api/exams/stats?fiscalYear= */
export interface ExamStatsRow {
  examCode: string;
  examName: LocalizedText;
  grade: string;
  gradeName: LocalizedText;
  sittings: number;
  applicants: number;
  sat: number;
  passed: number;
  absent: number;
  /** passed / sat, null when nobody sat */
  passRate: number | null;
}
