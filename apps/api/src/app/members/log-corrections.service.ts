import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { VISIT_ACTION_ITEM } from '@chamber/contracts';
import type { AuthUser } from '../auth/auth.decorators';
import { notFound } from '../common/errors';
import { KpiRecord, KpiRecorder } from '../plan/kpi-recorder.service';

interface DeletedEntry {
  id: string;
  member_id: string;
  fiscal_year: number;
  kind?: string;
  action_item_code?: string;
}

/** Where a log's entries live, and which of them compete for one "first in the fiscal year" claim. */
interface LogTable {
  table: 'member_consultation' | 'member_visit';
  dateColumn: 'consulted_on' | 'visited_on';
  /** the SQL condition on the table's rows that share the claim ($3 is the entry's kind) */
  sameKind: string;
}

const CONSULTATIONS: LogTable = { table: 'member_consultation', dateColumn: 'consulted_on', sameKind: 'kind = $3' };
const VISITS: LogTable = { table: 'member_visit', dateColumn: 'visited_on', sameKind: '$3::text IS NOT NULL' };

/**
 * Corrections to the consultation and visit logs. An entry recorded by mistake is deleted and its
 * counts reversed in the same transaction: its kind's count -1, and, when it held the company's
 * "first of the kind in the fiscal year" claim, the claim passes to the company's next entry of
 * the kind (the distinct-company count stays) or, with none left, the distinct count drops by one.
 * A wrong date or kind is corrected by deleting and entering again, so counts land where they belong.
 */
@Injectable()
export class LogCorrectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: KpiRecorder,
  ) {}

  async deleteConsultation(id: string, user: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const entry = await this.take(m, CONSULTATIONS, id, (kind) =>
        kind === 'follow_up' ? [kind, 'follow_up:founder'] : [kind],
      );
      if (!entry) throw notFound('consultation_not_found');
      const kind = entry.kind!;
      const count = reversal(entry, entry.action_item_code!, 'consultation', user);
      const records = [count(`consultations:${kind}`)];
      if ((await this.passClaim(m, CONSULTATIONS, entry, kind, kind)) === 'dropped') {
        records.push(count(`distinct_members:${kind}`));
      }
      if (
        kind === 'follow_up' &&
        (await this.passClaim(m, CONSULTATIONS, entry, 'follow_up:founder', kind)) === 'dropped'
      ) {
        records.push(count('distinct_members:follow_up:founder'));
      }
      await this.recorder.record(m, ...records);
    });
  }

  async deleteVisit(id: string, user: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const entry = await this.take(m, VISITS, id, () => ['visit']);
      if (!entry) throw notFound('visit_not_found');
      const count = reversal(entry, VISIT_ACTION_ITEM, 'visit', user);
      const records = [count('visits')];
      if ((await this.passClaim(m, VISITS, entry, 'visit', 'visit')) === 'dropped') {
        records.push(count('distinct_members:visit'));
      }
      await this.recorder.record(m, ...records);
    });
  }

  /**
   * Deletes the entry after locking the claims it may hold, in one order: corrections of one
   * company's entries of a kind then run one after another and never deadlock.
   */
  private async take(
    m: EntityManager,
    log: LogTable,
    id: string,
    claims: (kind: string) => string[],
  ): Promise<DeletedEntry | undefined> {
    const columns =
      log.table === 'member_consultation'
        ? 'id, member_id, kind, fiscal_year, action_item_code'
        : 'id, member_id, fiscal_year';
    const [found] = (await m.query(`SELECT ${columns} FROM ${log.table} WHERE id = $1`, [id])) as DeletedEntry[];
    if (!found) return undefined;
    for (const claim of claims(found.kind ?? 'visit')) {
      await m.query(
        `SELECT 1 FROM member_fiscal_activity WHERE member_id = $1 AND kind = $2 AND fiscal_year = $3 FOR UPDATE`,
        [found.member_id, claim, found.fiscal_year],
      );
    }
    // TypeORM answers a DELETE … RETURNING with [rows, count]
    const [rows] = (await m.query(`DELETE FROM ${log.table} WHERE id = $1 RETURNING ${columns}`, [id])) as [
      DeletedEntry[],
      number,
    ];
    const entry = rows[0];
    return entry;
  }

  /**
   * If the deleted entry held the claim `claimKind` of its company and fiscal year, hand it to the
   * company's earliest remaining entry of `entryKind` ('passed'), or remove it ('dropped').
   */
  private async passClaim(
    m: EntityManager,
    log: LogTable,
    entry: DeletedEntry,
    claimKind: string,
    entryKind: string,
  ): Promise<'not_held' | 'passed' | 'dropped'> {
    const [claim] = (await m.query(
      `SELECT first_source_id FROM member_fiscal_activity WHERE member_id = $1 AND kind = $2 AND fiscal_year = $3`,
      [entry.member_id, claimKind, entry.fiscal_year],
    )) as { first_source_id: string }[];
    if (!claim || claim.first_source_id !== entry.id) return 'not_held';
    const [next] = (await m.query(
      `SELECT id FROM ${log.table} WHERE member_id = $1 AND fiscal_year = $2 AND ${log.sameKind}
       ORDER BY ${log.dateColumn}, created_at LIMIT 1`,
      [entry.member_id, entry.fiscal_year, entryKind],
    )) as { id: string }[];
    if (!next) {
      await m.query(`DELETE FROM member_fiscal_activity WHERE member_id = $1 AND kind = $2 AND fiscal_year = $3`, [
        entry.member_id,
        claimKind,
        entry.fiscal_year,
      ]);
      return 'dropped';
    }
    await m.query(
      `UPDATE member_fiscal_activity SET first_source_id = $4 WHERE member_id = $1 AND kind = $2 AND fiscal_year = $3`,
      [entry.member_id, claimKind, entry.fiscal_year, next.id],
    );
    if (claimKind === entryKind) {
      await m.query(`UPDATE ${log.table} SET first_in_fiscal_year = true WHERE id = $1`, [next.id]);
    }
    return 'passed';
  }
}

/** A -1 on one measure, caused by deleting `entry`. */
function reversal(entry: DeletedEntry, actionItemCode: string, sourceType: string, user: AuthUser) {
  return (measure: string): KpiRecord => ({
    actionItemCode,
    measure,
    fiscalYear: entry.fiscal_year,
    delta: -1,
    sourceType,
    sourceId: entry.id,
    authorId: user.id,
    note: 'entry deleted',
  });
}
