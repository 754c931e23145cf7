/** Member companies: the pure rules of search keys, import rows, wards and calendar dates. */
import type { ImportField, Ward } from '@chamber/contracts';
import { IMPORT_FIELDS, IMPORT_HEADERS_JA } from '@chamber/contracts';
import { isValidCorporateNumber } from './corporate-number';
import { fiscalYearOfDate } from './fiscal-year';
import { isKatakanaName, normalizeFurigana, searchKey } from './kana';

/**
 * The stored search key of a company: name, furigana (each as `searchKey`) and corporate number,
 * kept apart by '|' so that one substring match finds any of them.
 */
export function memberSearchKey(name: string, nameKana: string, corporateNumber?: string | null): string {
  return `${searchKey(name)}|${searchKey(nameKana)}|${corporateNumber ?? ''}`;
}

/** 法人番号 as typed or exported: full-width digits, hyphens and spaces are tolerated. */
export function normalizeCorporateNumber(input: string): string {
  return input.normalize('NFKC').replace(/[\s\-‐－ー]/g, '');
}

/** Only the digits of a query (for searching by corporate number), or '' if it holds anything else. */
export function corporateNumberQuery(input: string): string {
  const value = normalizeCorporateNumber(input);
  return /^\d+$/.test(value) ? value : '';
}

const WARD_WORDS: [Ward, RegExp][] = [
  ['midori', /^(midori|緑|緑区|相模原市緑区)$/i],
  ['chuo', /^(chuo|chūō|中央|中央区|相模原市中央区)$/i],
  ['minami', /^(minami|南|南区|相模原市南区)$/i],
  ['outside', /^(outside|市外|その他|市外その他)$/i],
];

/** A ward from its code, its Japanese name (緑区, 相模原市南区) or 市外; null when none fits. */
export function parseWard(input: string): Ward | null {
  const value = input.normalize('NFKC').replace(/\s+/g, '').replace(/ward$/i, '');
  for (const [ward, pattern] of WARD_WORDS) if (pattern.test(value)) return ward;
  return null;
}

/**
 * A calendar date as YYYY-MM-DD from the forms Excel writes: 2020-04-01, 2020/4/1, 2020.4.1,
 * 2020年4月1日 (full-width digits too); null when it is not a real date.
 */
export function parseCalendarDate(input: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(input.normalize('NFKC').trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * Which import field each column holds, from the header row (English keys or the Japanese
 * header, BOM and spaces tolerated). Unknown columns map to null.
 */
export function mapImportHeader(header: readonly string[]): {
  columns: (ImportField | null)[];
  missing: ImportField[];
} {
  const byName = new Map<string, ImportField>();
  for (const f of IMPORT_FIELDS) {
    byName.set(f.toLowerCase(), f);
    byName.set(IMPORT_HEADERS_JA[f].normalize('NFKC'), f);
  }
  byName.set('ふりがな', 'nameKana');
  byName.set('会社名フリガナ', 'nameKana');
  byName.set('行政区', 'ward');
  const columns = header.map(
    (h) =>
      byName.get(
        h
          .replace(/^\uFEFF/, '')
          .normalize('NFKC')
          .replace(/[\s\u3000]+/g, '')
          .toLowerCase(),
      ) ?? null,
  );
  const missing = IMPORT_FIELDS.filter((f) => f !== 'corporateNumber' && !columns.includes(f));
  return { columns, missing };
}

export type ImportProblemCode = 'required' | 'katakana' | 'corporateNumber' | 'ward' | 'date' | 'tooLong';

export interface ImportProblem {
  field: ImportField;
  code: ImportProblemCode;
  /** a limit, for tooLong */
  n?: number;
}

export interface MemberImportRow {
  name: string;
  nameKana: string;
  corporateNumber: string | null;
  industry: string;
  ward: Ward;
  joinedOn: string;
}

const MAX_LENGTH: Record<'name' | 'nameKana' | 'industry', number> = { name: 200, nameKana: 200, industry: 100 };

/** One company row of an import file: the row as it would be stored, or every problem with it. */
export function validateImportRow(raw: Partial<Record<ImportField, string>>): {
  row: MemberImportRow | null;
  problems: ImportProblem[];
} {
  const problems: ImportProblem[] = [];
  const text = (f: ImportField) => (raw[f] ?? '').normalize('NFKC').trim();
  const name = text('name').replace(/\s+/g, ' ');
  const nameKana = normalizeFurigana(raw.nameKana ?? '');
  const industry = text('industry');
  for (const [field, value] of [
    ['name', name],
    ['nameKana', nameKana],
    ['industry', industry],
  ] as const) {
    if (!value) problems.push({ field, code: 'required' });
    else if (value.length > MAX_LENGTH[field]) problems.push({ field, code: 'tooLong', n: MAX_LENGTH[field] });
  }
  if (nameKana && !isKatakanaName(nameKana)) problems.push({ field: 'nameKana', code: 'katakana' });

  const corporate = normalizeCorporateNumber(raw.corporateNumber ?? '');
  if (corporate && !isValidCorporateNumber(corporate))
    problems.push({ field: 'corporateNumber', code: 'corporateNumber' });

  const wardText = text('ward');
  const ward = wardText ? parseWard(wardText) : null;
  if (!wardText) problems.push({ field: 'ward', code: 'required' });
  else if (!ward) problems.push({ field: 'ward', code: 'ward' });

  const dateText = text('joinedOn');
  const joinedOn = dateText ? parseCalendarDate(dateText) : null;
  if (!dateText) problems.push({ field: 'joinedOn', code: 'required' });
  else if (!joinedOn) problems.push({ field: 'joinedOn', code: 'date' });

  if (problems.length || !ward || !joinedOn) return { row: null, problems };
  return { row: { name, nameKana, corporateNumber: corporate || null, industry, ward, joinedOn }, problems };
}

export interface MembershipDates {
  joinedOn: string | null;
  leftOn: string | null;
}

export interface MembershipDelta {
  measure: 'members_joined' | 'members_left';
  fiscalYear: number;
  delta: 1 | -1;
}

/**
 * How the C1-9 counters move when a company's membership dates change (before = null for a new
 * company): a date set counts +1 in its fiscal year, a date removed or moved takes back its count.
 */
export function membershipKpiDeltas(before: MembershipDates | null, after: MembershipDates): MembershipDelta[] {
  const out: MembershipDelta[] = [];
  const move = (measure: MembershipDelta['measure'], from: string | null, to: string | null) => {
    const a = from ? fiscalYearOfDate(from) : null;
    const b = to ? fiscalYearOfDate(to) : null;
    if (a === b) return;
    if (a !== null) out.push({ measure, fiscalYear: a, delta: -1 });
    if (b !== null) out.push({ measure, fiscalYear: b, delta: 1 });
  };
  move('members_joined', before?.joinedOn ?? null, after.joinedOn);
  move('members_left', before?.leftOn ?? null, after.leftOn);
  return out;
}
