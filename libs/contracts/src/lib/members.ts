/** Members and CRM: companies, their people, membership, consultations (経営指導) and visits (巡回訪問). */
import type { Language, LocalizedText } from './common';

/** Wards of Sagamihara, and companies outside the city. */
export const WARDS = ['midori', 'chuo', 'minami', 'outside'] as const;
export type Ward = (typeof WARDS)[number];
export const WARD_LABELS: Record<Ward, LocalizedText> = {
  midori: { ja: '緑区', en: 'Midori Ward' },
  chuo: { ja: '中央区', en: 'Chuo Ward' },
  minami: { ja: '南区', en: 'Minami Ward' },
  outside: { ja: '市外', en: 'Outside the city' },
};

/** `left` is set by recording `leftOn`; `suspended` is 休会. */
export const MEMBER_STATUSES = ['active', 'suspended', 'left'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const CONSULTATION_KINDS = [
  'guidance',
  'marukei_recommendation',
  'innovation_plan_approval',
  'business_plan',
  'follow_up',
  'analysis',
  'startup',
] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];

/** The action item whose counters a consultation of each kind moves (the KPIs read them with code '*'). */
export const CONSULTATION_ACTION_ITEMS: Record<ConsultationKind, string> = {
  guidance: 'A2-1',
  marukei_recommendation: 'A2-1',
  innovation_plan_approval: 'A2-1',
  business_plan: 'A3-3',
  follow_up: 'A3-4',
  analysis: 'A3-2',
  startup: 'A1-9',
};
export const CONSULTATION_KIND_LABELS: Record<ConsultationKind, LocalizedText> = {
  guidance: { ja: '経営指導', en: 'Management guidance' },
  marukei_recommendation: { ja: 'マル経推薦', en: 'Marukei loan recommendation' },
  innovation_plan_approval: { ja: '経営革新計画承認', en: 'Innovation plan approved' },
  business_plan: { ja: '事業計画策定', en: 'Business plan' },
  follow_up: { ja: 'フォローアップ', en: 'Follow-up' },
  analysis: { ja: '経営分析', en: 'Management analysis' },
  startup: { ja: '創業相談', en: 'Startup consultation' },
};
/** Visits count under C1-3, membership under C1-9. */
export const VISIT_ACTION_ITEM = 'C1-3';
export const MEMBERSHIP_ACTION_ITEM = 'C1-9';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface MemberSummary {
  id: string;
  name: string;
  nameKana: string;
  corporateNumber: string | null;
  industry: string;
  ward: Ward | null;
  status: MemberStatus;
  founder: boolean;
  joinedOn: string | null;
  leftOn: string | null;
}

export interface MemberProfile extends MemberSummary {
  representative: string;
  representativeKana: string;
  postalCode: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  employees: number | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface MemberPerson {
  id: string;
  memberId: string;
  name: string;
  nameKana: string;
  email: string;
  phone: string;
  role: string;
  primary: boolean;
  /** the portal account of this person, when they have one */
  userAccountId: string | null;
}

/** A portal account of the company (member_admin or member). */
export interface MemberAccount {
  id: string;
  email: string;
  role: 'member_admin' | 'member';
  displayName: string;
  active: boolean;
}

/** GET /api/members/:id */
export interface MemberDetail extends MemberProfile {
  people: MemberPerson[];
  accounts: MemberAccount[];
}

export interface CreateMemberRequest {
  name: string;
  nameKana: string;
  corporateNumber?: string | null;
  industry: string;
  ward: Ward;
  joinedOn: string;
  employees?: number | null;
  representative?: string;
  representativeKana?: string;
  postalCode?: string;
  address?: string;
  phone?: string;
  email?: string;
  website?: string;
  founder?: boolean;
  notes?: string;
}

/** Staff may change any field (`leftOn` records leaving); a member_admin only the profile fields. */
export type UpdateMemberRequest = Partial<CreateMemberRequest> & {
  leftOn?: string | null;
  status?: MemberStatus;
};
/** The fields a member_admin may change on their own company. */
export const MEMBER_PROFILE_FIELDS = [
  'representative',
  'representativeKana',
  'postalCode',
  'address',
  'phone',
  'email',
  'website',
  'employees',
  'industry',
] as const;

export interface MemberSearchQuery {
  q?: string;
  page?: number;
  pageSize?: number;
  status?: MemberStatus;
  ward?: Ward;
}

export interface PersonRequest {
  name: string;
  nameKana: string;
  email?: string;
  phone?: string;
  role?: string;
  primary?: boolean;
}

export interface ConsultationRequest {
  kind: ConsultationKind;
  /** YYYY-MM-DD (Asia/Tokyo), or an instant that is read in Asia/Tokyo */
  date: string;
  summary: string;
  /** the staff member who gave it (default: the caller) */
  staffId?: string;
  followUpOn?: string | null;
}

export interface Consultation {
  id: string;
  memberId: string;
  memberName?: string;
  kind: ConsultationKind;
  date: string;
  fiscalYear: number;
  actionItemCode: string;
  summary: string;
  followUpOn: string | null;
  staffId: string | null;
  staffName: string | null;
  /** this entry was the company's first of its kind in the fiscal year (it moved the distinct count) */
  firstInFiscalYear: boolean;
  createdAt: string;
}

export interface VisitRequest {
  date: string;
  note: string;
  staffId?: string;
}

export interface Visit {
  id: string;
  memberId: string;
  memberName?: string;
  date: string;
  fiscalYear: number;
  note: string;
  staffId: string | null;
  staffName: string | null;
  firstInFiscalYear: boolean;
  createdAt: string;
}

export interface InvitationRequest {
  email: string;
  name?: string;
  /** staff may invite a company contact (member_admin); a member_admin invites employees (member) */
  role?: 'member' | 'member_admin';
  /** the language of the invitation mail (default ja) */
  lang?: Language;
}

export interface Invitation {
  id: string;
  memberId: string;
  email: string;
  name: string;
  role: 'member' | 'member_admin';
  expiresAt: string;
  acceptedAt: string | null;
  createdAt: string;
}

/** GET /api/public/invitations/:token */
export interface InvitationInfo {
  email: string;
  companyName: string;
  role: 'member' | 'member_admin';
  expiresAt: string;
}

export interface AcceptInvitationRequest {
  password: string;
  displayName?: string;
}

export interface AcceptInvitationResponse {
  userId: string;
  email: string;
  role: 'member' | 'member_admin';
  memberId: string;
}

export const IMPORT_FIELDS = ['name', 'nameKana', 'corporateNumber', 'industry', 'ward', 'joinedOn'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** The Japanese header of the import and export files. */
export const IMPORT_HEADERS_JA: Record<ImportField, string> = {
  name: '会社名',
  nameKana: 'フリガナ',
  corporateNumber: '法人番号',
  industry: '業種',
  ward: '区',
  joinedOn: '入会日',
};

export interface ImportRowError {
  /** the row as a spreadsheet shows it: the header is row 1, the first company row 2 */
  row: number;
  /** 1-based number of the company record in the file (row − 1) */
  record: number;
  field: string;
  message: string;
}

export interface ImportPreviewRow {
  row: number;
  name: string;
  nameKana: string;
  corporateNumber: string | null;
  industry: string;
  ward: Ward;
  joinedOn: string;
  duplicate: boolean;
}

/** POST /api/members/import */
export interface ImportResult {
  dryRun: boolean;
  /** company rows in the file */
  rows: number;
  /** rows without errors (duplicates included) */
  valid: number;
  /** valid rows whose corporate number is already a member, or repeats an earlier row */
  duplicates: number;
  errors: ImportRowError[];
  /** companies written (0 on a dry run) */
  imported: number;
  /** invalid rows left out (skipInvalid=true) */
  skipped: number;
  encoding: 'utf-8' | 'cp932';
  /** the first rows as they would be imported */
  preview: ImportPreviewRow[];
  importId?: string;
}

/** GET /api/members/:id/activity: what the company did, from every domain present on this server. */
export interface MemberActivity {
  consultations: Consultation[];
  visits: Visit[];
  registrations: {
    id: string;
    eventId: string;
    /** Japanese title (kept for older clients); `title` has both languages */
    eventTitle: string;
    title: LocalizedText;
    startsAt: string | null;
    name: string;
    status: string;
    /** attendance: when the person was checked in */
    checkedInAt: string | null;
  }[];
  examApplications: {
    id: string;
    /** Japanese name and grade code (kept for older clients); use examCode/gradeCode with the catalogue */
    examName: string;
    examCode: string;
    gradeCode: string;
    date: string | null;
    name: string;
    /** the result once recorded (passed, failed, absent), else the application's status */
    status: string;
  }[];
  suggestions: { id: string; category: string; status: string; createdAt: string }[];
  /** always empty: every domain publishes its activity (kept for older clients) */
  unavailable: string[];
}

/** GET /api/members/inactive: companies with no registration, consultation or visit in the FY. */
export interface InactiveMembersPage extends Page<MemberSummary> {
  fiscalYear: number;
  /** the kinds of activity looked at */
  basis: string[];
}
