import { parse } from 'csv-parse/sync';
import type { Language } from '@chamber/contracts';
import { IMPORT_HEADERS_JA, WARD_LABELS } from '@chamber/contracts';
import type { ImportProblem } from '@chamber/domain';
import { ExcelCsv, ExcelEncoding, excelCsv } from '../common/excel-csv';
import { translate } from '../common/i18n/messages';
import type { Member } from './entities/member.entity';

/** Every row of the file, the header first; blank lines stay (as empty rows) so row numbers match Excel's. */
export function parseCsv(text: string): string[][] {
  return parse(text.replace(/^\uFEFF/, ''), {
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  }) as string[][];
}

const WARD_CHOICES = 'midori, chuo, minami, outside (緑区, 中央区, 南区, 市外)';

/** An import problem in the caller's language, in the words of the API's validation messages. */
export function problemMessage(p: ImportProblem, lang: Language): string {
  switch (p.code) {
    case 'required':
      return translate('isNotEmpty', lang, { field: p.field });
    case 'katakana':
      return translate('isKatakana', lang, { field: p.field });
    case 'corporateNumber':
      return translate('isCorporateNumber', lang, { field: p.field });
    case 'ward':
      return translate('isIn', lang, { field: p.field, n: WARD_CHOICES });
    case 'date':
      return translate('isDateString', lang, { field: p.field });
    case 'tooLong':
      return translate('maxLength', lang, { field: p.field, n: p.n });
  }
}

const STATUS_JA = { active: '在籍', suspended: '休会', left: '退会' } as const;

/**
 * The member list as Japanese Excel opens it: a Japanese header whose first six columns are the
 * import's (an export can be imported again), UTF-8 with a BOM or CP932.
 */
export function membersCsv(members: Member[], encoding: ExcelEncoding): ExcelCsv {
  const header = [
    IMPORT_HEADERS_JA.name,
    IMPORT_HEADERS_JA.nameKana,
    IMPORT_HEADERS_JA.corporateNumber,
    IMPORT_HEADERS_JA.industry,
    IMPORT_HEADERS_JA.ward,
    IMPORT_HEADERS_JA.joinedOn,
    '退会日',
    '状態',
    '代表者',
    '郵便番号',
    '住所',
    '電話番号',
    'メールアドレス',
    '従業員数',
    '創業者',
  ];
  const rows = members.map((m) => [
    m.name,
    m.nameKana,
    m.corporateNumber ?? '',
    m.industry,
    m.ward ? WARD_LABELS[m.ward].ja : '',
    m.joinedOn ?? '',
    m.leftOn ?? '',
    STATUS_JA[m.status],
    m.representative,
    m.postalCode,
    m.address,
    m.phone,
    m.email,
    m.employees ?? '',
    m.founder ? '○' : '',
  ]);
  return excelCsv([header, ...rows], encoding);
}
