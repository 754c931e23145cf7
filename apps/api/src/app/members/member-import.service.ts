import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ImportField, ImportPreviewRow, ImportResult, ImportRowError, Language } from '@chamber/contracts';
import { IMPORT_HEADERS_JA, MEMBERSHIP_ACTION_ITEM } from '@chamber/contracts';
import {
  fiscalYearOfDate,
  mapImportHeader,
  memberSearchKey,
  MemberImportRow,
  validateImportRow,
} from '@chamber/domain';
import type { AuthUser } from '../auth/auth.decorators';
import { translate } from '../common/i18n/messages';
import { KpiRecorder } from '../plan/kpi-recorder.service';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import { MemberImport } from './entities/member-import.entity';
import { decodeExcelCsv } from '../common/excel-csv';
import { parseCsv, problemMessage } from './member-csv';

const MAX_ROWS = 50_000;
const BATCH = 2_000;
const PREVIEW = 50;

interface ParsedRow {
  row: number;
  value: MemberImportRow;
  duplicate: boolean;
}

/** The outcome; `ok` false means the file has errors and nothing may be written. */
export interface ImportOutcome {
  ok: boolean;
  result: ImportResult;
}

@Injectable()
export class MemberImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: KpiRecorder,
    private readonly webhooks: WebhookOutbox,
  ) {}

  /**
   * Checks every row, dedupes by corporate number (against members and earlier rows), and, unless a
   * dry run, writes all rows or none in one transaction, counting members_joined per fiscal year.
   */
  async run(
    body: Buffer,
    options: { dryRun: boolean; skipInvalid: boolean; lang: Language; user: AuthUser },
  ): Promise<ImportOutcome> {
    const { text, encoding } = decodeExcelCsv(body);
    const table = parseCsv(text);
    const empty: ImportResult = {
      dryRun: options.dryRun,
      rows: 0,
      valid: 0,
      duplicates: 0,
      errors: [],
      imported: 0,
      skipped: 0,
      encoding,
      preview: [],
    };
    const header = table[0] ?? [];
    const { columns, missing } = mapImportHeader(header);
    if (!table.length || missing.length) {
      const fields = missing.length ? missing : (['name'] as ImportField[]);
      return {
        ok: false,
        result: {
          ...empty,
          errors: fields.map((field) => ({
            row: 1,
            record: 0,
            field,
            message: translate('isNotEmpty', options.lang, { field: `${field} (${IMPORT_HEADERS_JA[field]})` }),
          })),
        },
      };
    }
    if (table.length - 1 > MAX_ROWS) {
      return {
        ok: false,
        result: {
          ...empty,
          rows: table.length - 1,
          errors: [
            {
              row: MAX_ROWS + 2,
              record: MAX_ROWS + 1,
              field: 'body',
              message: translate('arrayMaxSize', options.lang, { field: 'rows', n: MAX_ROWS }),
            },
          ],
        },
      };
    }

    const errors: ImportRowError[] = [];
    const parsed: ParsedRow[] = [];
    let rows = 0;
    for (let i = 1; i < table.length; i++) {
      const cells = table[i]!;
      if (cells.every((c) => c.trim() === '')) continue;
      rows++;
      const raw: Partial<Record<ImportField, string>> = {};
      columns.forEach((field, c) => {
        if (field) raw[field] = cells[c] ?? '';
      });
      const { row, problems } = validateImportRow(raw);
      for (const p of problems)
        errors.push({ row: i + 1, record: i, field: p.field, message: problemMessage(p, options.lang) });
      if (row) parsed.push({ row: i + 1, value: row, duplicate: false });
    }
    await this.markDuplicates(parsed);
    const duplicates = parsed.filter((p) => p.duplicate).length;
    const invalidRows = new Set(errors.map((e) => e.row)).size;
    const result: ImportResult = {
      ...empty,
      rows,
      valid: parsed.length,
      duplicates,
      errors,
      skipped: options.skipInvalid ? invalidRows : 0,
      preview: parsed.slice(0, PREVIEW).map(toPreview),
    };
    if (options.dryRun) return { ok: true, result };
    if (errors.length && !options.skipInvalid) return { ok: false, result };

    const fresh = parsed.filter((p) => !p.duplicate).map((p) => p.value);
    const { imported, importId } = await this.write(fresh, { ...result, imported: 0 }, options.user);
    // rows that another import took in meanwhile were skipped by the unique index: duplicates too
    return {
      ok: true,
      result: { ...result, imported, duplicates: duplicates + fresh.length - imported, importId },
    };
  }

  private async markDuplicates(parsed: ParsedRow[]): Promise<void> {
    const numbers = [...new Set(parsed.map((p) => p.value.corporateNumber).filter((n): n is string => !!n))];
    const existing = new Set<string>();
    for (let i = 0; i < numbers.length; i += 10_000) {
      const found = (await this.dataSource.query(
        `SELECT corporate_number FROM member WHERE corporate_number = ANY($1::text[])`,
        [numbers.slice(i, i + 10_000)],
      )) as { corporate_number: string }[];
      for (const f of found) existing.add(f.corporate_number);
    }
    const seen = new Set<string>();
    for (const p of parsed) {
      const n = p.value.corporateNumber;
      if (!n) continue;
      p.duplicate = existing.has(n) || seen.has(n);
      seen.add(n);
    }
  }

  /** One transaction: batched multi-row inserts, then one members_joined ledger entry per fiscal year. */
  private async write(
    rows: MemberImportRow[],
    result: ImportResult,
    user: AuthUser,
  ): Promise<{ imported: number; importId: string }> {
    return this.dataSource.transaction(async (manager) => {
      const log = await manager.save(
        manager.create(MemberImport, {
          rows: result.rows,
          imported: 0,
          duplicates: result.duplicates,
          skipped: result.skipped,
          encoding: result.encoding,
          createdBy: user.id,
        }),
      );
      const joinedPerYear = new Map<number, number>();
      let imported = 0;
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH);
        const inserted = (await manager.query(
          `INSERT INTO member (name, name_kana, corporate_number, industry, ward, joined_on, search_key, status)
           SELECT n, k, c, ind, w, j, s, 'active'
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[])
             AS r(n, k, c, ind, w, j, s)
           ON CONFLICT DO NOTHING
           RETURNING id, joined_on::text AS joined_on`,
          [
            batch.map((r) => r.name),
            batch.map((r) => r.nameKana),
            batch.map((r) => r.corporateNumber),
            batch.map((r) => r.industry),
            batch.map((r) => r.ward),
            batch.map((r) => r.joinedOn),
            batch.map((r) => memberSearchKey(r.name, r.nameKana, r.corporateNumber)),
          ],
        )) as { id: string; joined_on: string }[];
        imported += inserted.length;
        await this.webhooks.record(
          manager,
          'member.created',
          ...inserted.map((r) => ({ memberId: r.id, status: 'active' })),
        );
        for (const r of inserted) {
          const fy = fiscalYearOfDate(r.joined_on);
          joinedPerYear.set(fy, (joinedPerYear.get(fy) ?? 0) + 1);
        }
      }
      await this.recorder.record(
        manager,
        ...[...joinedPerYear].map(([fiscalYear, count]) => ({
          actionItemCode: MEMBERSHIP_ACTION_ITEM,
          measure: 'members_joined',
          fiscalYear,
          delta: count,
          sourceType: 'member_import',
          sourceId: log.id,
          authorId: user.id,
          note: `CSV import: ${count} members joined in FY${fiscalYear}`,
        })),
      );
      await manager.update(MemberImport, log.id, {
        imported,
        duplicates: result.duplicates + rows.length - imported,
      });
      return { imported, importId: log.id };
    });
  }
}

function toPreview(p: ParsedRow): ImportPreviewRow {
  return { row: p.row, ...p.value, duplicate: p.duplicate };
}
