import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type {
  ExamApplication as ExamApplicationView,
  ExamResult,
  ExamResultsImportResponse,
  Language,
} from '@chamber/contracts';
import { examResultDeltas, fiscalYearOf, parseExamResult } from '@chamber/domain';
import type { AuthUser } from '../auth/auth.decorators';
import { ApiException, badRequest, conflict, notFound, fieldError } from '../common/errors';
import { KpiRecord, KpiRecorder } from '../plan/kpi-recorder.service';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import { ExamApplication } from './entities/exam-application.entity';
import { ExamSitting } from './entities/exam-sitting.entity';
import { ExamApplicationsService } from './exam-applications.service';
import { ResultDto, ResultsImport } from './exam-results.types';
import { decodeExcelCsv } from '../common/excel-csv';
import { RowProblem, parseResultsCsv } from './results-csv';

type Counted = Pick<ExamApplication, 'result' | 'countedActionItemCode' | 'countedFiscalYear'>;

/**
 * The KPI records for one result change: the old result's counts leave the counters they were
 * put in, the new result's go to the sitting's action item and fiscal year.
 */
export function resultRecords(a: Counted, next: ExamResult, actionItemCode: string, fiscalYear: number): KpiRecord[] {
  const out: KpiRecord[] = [];
  const add = (item: string, fy: number, measure: string, delta: number) => {
    if (!delta) return;
    const same = out.find((r) => r.actionItemCode === item && r.fiscalYear === fy && r.measure === measure);
    if (same) same.delta += delta;
    else out.push({ actionItemCode: item, fiscalYear: fy, measure, delta, sourceType: 'exam_result' });
  };
  const before = examResultDeltas(a.result, null);
  if (a.result && a.countedActionItemCode && a.countedFiscalYear !== null) {
    add(a.countedActionItemCode, a.countedFiscalYear, 'exam_examinees', before.examinees);
    add(a.countedActionItemCode, a.countedFiscalYear, 'exam_passes', before.passes);
  }
  const after = examResultDeltas(null, next);
  add(actionItemCode, fiscalYear, 'exam_examinees', after.examinees);
  add(actionItemCode, fiscalYear, 'exam_passes', after.passes);
  return out.filter((r) => r.delta !== 0);
}

/** Sums records with the same counter key (one ledger row per counter for a whole import). */
function mergeRecords(records: KpiRecord[]): KpiRecord[] {
  const out: KpiRecord[] = [];
  for (const r of records) {
    const same = out.find(
      (o) => o.actionItemCode === r.actionItemCode && o.fiscalYear === r.fiscalYear && o.measure === r.measure,
    );
    if (same) same.delta += r.delta;
    else out.push({ ...r });
  }
  return out.filter((r) => r.delta !== 0);
}

/** Results, one by one or from a file; the examinee counters move in the same transaction. */
@Injectable()
export class ExamResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: KpiRecorder,
    private readonly applications: ExamApplicationsService,
    private readonly webhooks: WebhookOutbox,
  ) {}

  async record(id: string, dto: ResultDto, user: AuthUser): Promise<ExamApplicationView> {
    return this.dataSource.transaction(async (m) => {
      const a = await m.findOne(ExamApplication, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!a) throw notFound('application_not_found');
      if (a.status === 'cancelled') {
        throw conflict('cancelled.result');
      }
      const score = dto.score ?? null;
      if (dto.result === 'absent' && score !== null) {
        throw badRequest('score', 'validation.absent_has_no_score');
      }
      const s = await m.findOneOrFail(ExamSitting, { where: { id: a.sittingId } });
      await this.apply(m, [{ a, result: dto.result, score }], s, user, 'exam_result');
      return this.applications.view(m, a);
    });
  }

  /**
   * A results file for one sitting: every row is checked first; with any problem nothing changes
   * (400 naming each row), otherwise all rows commit together. `dryRun` only reports.
   */
  async import(
    sittingId: string,
    input: ResultsImport,
    user: AuthUser,
    lang: Language,
  ): Promise<ExamResultsImportResponse> {
    const { rows, problems } = parseResultsCsv(decodeExcelCsv(input.bytes).text);
    return this.dataSource.transaction(async (m) => {
      const s = await m.findOne(ExamSitting, { where: { id: sittingId } });
      if (!s) throw notFound('sitting_not_found');
      const apps = await m
        .getRepository(ExamApplication)
        .createQueryBuilder('a')
        .where('a.sittingId = :id', { id: s.id })
        .setLock('pessimistic_write')
        .getMany();
      const byNumber = new Map(apps.map((a) => [a.examineeNumber, a]));
      const seen = new Map<string, number>();
      const changes: { a: ExamApplication; result: ExamResult; score: number | null }[] = [];
      let valid = 0;
      for (const r of rows) {
        const before = problems.length;
        const a = byNumber.get(r.examineeNumber);
        if (!r.examineeNumber) {
          problems.push({
            row: r.row,
            field: 'examineeNumber',
            key: 'validation.examinee_missing',
          });
        } else if (!a) {
          problems.push({
            row: r.row,
            field: 'examineeNumber',
            key: 'validation.examinee_unknown',
            params: { number: r.examineeNumber },
          });
        } else if (seen.has(r.examineeNumber)) {
          problems.push({
            row: r.row,
            field: 'examineeNumber',
            key: 'validation.examinee_repeated',
            params: { number: r.examineeNumber, line: seen.get(r.examineeNumber) },
          });
        } else if (a.status === 'cancelled') {
          problems.push({
            row: r.row,
            field: 'examineeNumber',
            key: 'validation.examinee_cancelled',
            params: { number: r.examineeNumber },
          });
        }
        if (r.examineeNumber && !seen.has(r.examineeNumber)) seen.set(r.examineeNumber, r.row);
        const result = parseExamResult(r.result);
        if (!result) {
          problems.push({
            row: r.row,
            field: 'result',
            key: 'validation.result_unknown',
            params: { result: r.result },
          });
        }
        let score: number | null = null;
        if (r.score !== '') {
          score = Number(r.score.normalize('NFKC'));
          if (!Number.isFinite(score) || score < 0 || score > 1000) {
            problems.push({
              row: r.row,
              field: 'score',
              key: 'validation.score_out_of_range',
              params: { score: r.score },
            });
          } else if (result === 'absent') {
            problems.push({
              row: r.row,
              field: 'score',
              key: 'validation.absent_score_not_empty',
            });
          }
        }
        if (problems.length > before || !a || !result) continue;
        valid++;
        if (a.result !== result || a.score !== score) changes.push({ a, result, score });
      }
      const answer: ExamResultsImportResponse = {
        dryRun: input.dryRun,
        rows: rows.length,
        valid,
        changed: changes.length,
        errors: problems.map((p) => ({ ...fieldError(p, lang), row: p.row })),
      };
      if (input.dryRun) return answer;
      if (problems.length) throw importRejected(problems);
      await this.apply(m, changes, s, user, 'exam_results_import');
      return answer;
    });
  }

  /** Writes results and moves the counters: per application for one result, summed for a file. */
  private async apply(
    m: EntityManager,
    changes: { a: ExamApplication; result: ExamResult; score: number | null }[],
    s: ExamSitting,
    user: AuthUser,
    sourceType: 'exam_result' | 'exam_results_import',
  ): Promise<void> {
    if (!changes.length) return;
    const fiscalYear = fiscalYearOf(s.startsAt);
    const now = new Date();
    const records: KpiRecord[] = [];
    for (const c of changes) {
      for (const r of resultRecords(c.a, c.result, s.actionItemCode, fiscalYear)) {
        records.push({ ...r, sourceType, sourceId: sourceType === 'exam_result' ? c.a.id : s.id, authorId: user.id });
      }
      Object.assign(c.a, {
        result: c.result,
        score: c.score,
        resultRecordedAt: now,
        countedActionItemCode: s.actionItemCode,
        countedFiscalYear: fiscalYear,
      });
    }
    await m.query(
      `UPDATE exam_application a
          SET result = v.result, score = v.score, result_recorded_at = $4,
              counted_action_item_code = $5, counted_fiscal_year = $6
         FROM unnest($1::uuid[], $2::text[], $3::numeric[]) AS v(id, result, score)
        WHERE a.id = v.id`,
      [
        changes.map((c) => c.a.id),
        changes.map((c) => c.result),
        changes.map((c) => c.score),
        now,
        s.actionItemCode,
        fiscalYear,
      ],
    );
    const toRecord =
      sourceType === 'exam_results_import'
        ? mergeRecords(records).map((r) => ({ ...r, note: `CSV import: ${changes.length} results (${s.code})` }))
        : records;
    await this.recorder.record(m, ...toRecord);
    await this.webhooks.record(
      m,
      'exam_application.result_recorded',
      ...changes.map((c) => ({ applicationId: c.a.id, sittingId: s.id, result: c.result, score: c.score })),
    );
  }
}

function importRejected(problems: RowProblem[]): ApiException {
  const rows = [...new Set(problems.map((p) => p.row))].sort((a, b) => a - b);
  return new ApiException(
    HttpStatus.BAD_REQUEST,
    'validation.import_rejected',
    { rows },
    { errors: problems },
    'validation',
  );
}
