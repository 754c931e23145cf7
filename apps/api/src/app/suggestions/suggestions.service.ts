import { randomUUID } from 'crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AnswerSuggestionResponse, CreateSuggestionResponse, StaffSuggestionView } from '@chamber/contracts';
import { SUGGESTION_DAILY_LIMIT } from '@chamber/contracts';
import { fiscalYearOf } from '@chamber/domain';
import type { AuthUser } from '../auth/auth.decorators';
import { ApiException, badRequest, conflict, notFound, tooManyRequests } from '../common/errors';
import { LinkTokens } from '../common/link-tokens';
import { MailOutbox } from '../mail/mail-outbox.service';
import { KpiRecorder } from '../plan/kpi-recorder.service';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import type { AnswerSuggestionDto, CreateSuggestionDto, UpdateSuggestionDto } from './dto/suggestion.dto';
import { Suggestion } from './entities/suggestion.entity';
import { SuggestionReadsService } from './suggestion-reads.service';

const C1_4 = 'C1-4';

/** Posting, triage and answers: each use case owns its transaction and moves C1-4 inside it. */
@Injectable()
export class SuggestionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: KpiRecorder,
    private readonly mail: MailOutbox,
    private readonly reads: SuggestionReadsService,
    private readonly tokens: LinkTokens,
    private readonly webhooks: WebhookOutbox,
  ) {}

  /**
   * A named suggestion names its poster; an anonymous one is written with nothing that leads back to
   * the account: the daily cap is counted first, in its own transaction, under a keyed hash of
   * account and day (so not even the transaction ids of the two writes line up), and the poster gets
   * a receipt (derived from the suggestion's id: only its hash is kept). A retry with the same
   * Idempotency-Key (handed over by AnonymousPostKey, never stored by the generic interceptor) is
   * found by a keyed hash of account and key, and answers the same receipt.
   */
  async create(dto: CreateSuggestionDto, user: AuthUser, retryKey?: string): Promise<CreateSuggestionResponse> {
    const idempotencyHash =
      dto.anonymous && retryKey ? this.tokens.hash('suggestion_idempotency', `${user.id}:${retryKey}`) : null;
    if (idempotencyHash) {
      const replay = await this.replay(idempotencyHash, dto);
      if (replay) return replay;
    }
    await this.countTowardsDailyLimit(user.id);
    const created = await this.dataSource.transaction(async (m) => {
      const now = new Date();
      const fiscalYear = fiscalYearOf(now);
      const id = randomUUID();
      const inserted = (await m.query(
        `INSERT INTO suggestion (id, category, body, anonymous, named_poster_id, status, received_fiscal_year, receipt_hash, idempotency_hash)
         VALUES ($1, $2, $3, $4, $5, 'received', $6, $7, $8)
         ON CONFLICT (idempotency_hash) DO NOTHING RETURNING id`,
        [
          id,
          dto.category,
          dto.body,
          dto.anonymous,
          dto.anonymous ? null : user.id,
          fiscalYear,
          dto.anonymous ? this.tokens.hash('suggestion_receipt', id) : null,
          idempotencyHash,
        ],
      )) as { id: string }[];
      if (!inserted.length) return null; // a concurrent retry won
      // no authorId: the ledger must not tie an anonymous suggestion to its poster
      await this.recorder.record(m, {
        actionItemCode: C1_4,
        measure: 'suggestions_received',
        fiscalYear,
        delta: 1,
        sourceType: 'suggestion',
        sourceId: id,
      });
      // nothing of the poster, named or not: an anonymous one must not be traceable from here
      await this.webhooks.record(m, 'suggestion.created', {
        suggestionId: id,
        category: dto.category,
        anonymous: dto.anonymous,
      });
      return id;
    });
    if (!created) {
      const replay = idempotencyHash ? await this.replay(idempotencyHash, dto) : null;
      if (replay) return replay;
      throw conflict('idempotency_in_progress');
    }
    return dto.anonymous
      ? { id: created, status: 'received' as const, receipt: this.tokens.token('suggestion_receipt', created) }
      : { id: created, status: 'received' as const };
  }

  /** The first answer again for the same key and body; 422 naming the header for another body. */
  private async replay(idempotencyHash: string, dto: CreateSuggestionDto): Promise<CreateSuggestionResponse | null> {
    const [row] = (await this.dataSource.query(
      `SELECT id, category, body FROM suggestion WHERE idempotency_hash = $1`,
      [idempotencyHash],
    )) as { id: string; category: string; body: string }[];
    if (!row) return null;
    if (row.category !== dto.category || row.body !== dto.body) {
      throw new ApiException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'idempotency_mismatch',
        {},
        { errors: [{ field: 'Idempotency-Key', key: 'idempotency_mismatch.field' }] },
      );
    }
    return { id: row.id, status: 'received', receipt: this.tokens.token('suggestion_receipt', row.id) };
  }

  /**
   * A per-account cap per day (Asia/Tokyo), counted atomically under a keyed hash of account and
   * day: the count cannot be traced back to the account without the server's key, and carries no
   * time of day. Chosen over the per-address `public` limit because members post signed in, and a
   * whole office often shares one address.
   */
  private async countTowardsDailyLimit(userId: string): Promise<void> {
    const [today] = (await this.dataSource.query(`SELECT (now() AT TIME ZONE 'Asia/Tokyo')::date::text AS day`)) as {
      day: string;
    }[];
    const day = today!.day;
    const counted = (await this.dataSource.query(
      `INSERT INTO suggestion_quota AS q (key, day, count) VALUES ($1, $2, 1)
       ON CONFLICT (key) DO UPDATE SET count = q.count + 1 WHERE q.count < $3 RETURNING count`,
      [this.tokens.hash('suggestion_quota', `${userId}:${day}`), day, SUGGESTION_DAILY_LIMIT],
    )) as { count: number }[];
    if (Math.random() < 0.05)
      await this.dataSource.query(`DELETE FROM suggestion_quota WHERE day < $1::date - 1`, [day]);
    if (!counted.length) {
      throw tooManyRequests('suggestion_daily_limit', { n: SUGGESTION_DAILY_LIMIT });
    }
  }

  async update(id: string, dto: UpdateSuggestionDto): Promise<StaffSuggestionView> {
    return this.dataSource.transaction(async (m) => {
      const s = await this.lock(m, id);
      if (dto.status === 'in_review') {
        if (s.status === 'answered') {
          throw conflict('answered');
        }
        s.status = 'in_review';
      }
      if (dto.division !== undefined) s.division = dto.division;
      if (dto.assigneeId !== undefined) {
        if (dto.assigneeId !== null) await this.checkAssignee(m, dto.assigneeId);
        s.assigneeId = dto.assigneeId;
      }
      if (dto.answerPublic !== undefined) {
        if (s.status !== 'answered') {
          throw conflict('not_answered');
        }
        s.answerPublic = dto.answerPublic;
      }
      await m.save(s);
      return this.reads.staffDetail(id, m);
    });
  }

  /**
   * Answers once: a second answer is 409 and counts nothing. `suggestions_answered` is recorded in
   * the fiscal year the suggestion was RECEIVED, not the year of the answer: C1-4 is the share of a
   * year's suggestions that got answered, so a suggestion received on 30 March and answered on
   * 2 April must raise the old year's rate (answered ≤ received per year; 3 of 4 received is 75 %).
   */
  async answer(id: string, dto: AnswerSuggestionDto, staff: AuthUser): Promise<AnswerSuggestionResponse> {
    return this.dataSource.transaction(async (m) => {
      const s = await this.lock(m, id);
      if (s.status === 'answered') {
        throw conflict('already_answered');
      }
      const answeredAt = new Date();
      s.status = 'answered';
      s.answerBody = dto.body;
      s.answerPublic = dto.public ?? false;
      s.answeredAt = answeredAt;
      s.answeredById = staff.id;
      await m.save(s);
      await this.recorder.record(m, {
        actionItemCode: C1_4,
        measure: 'suggestions_answered',
        fiscalYear: s.receivedFiscalYear,
        delta: 1,
        sourceType: 'suggestion_answer',
        sourceId: s.id,
        authorId: staff.id,
      });
      if (!s.anonymous && s.namedPosterId) await this.mailAnswer(m, s);
      await this.webhooks.record(m, 'suggestion.answered', {
        suggestionId: s.id,
        public: s.answerPublic,
        answeredAt: answeredAt.toISOString(),
      });
      return { id: s.id, status: 'answered' as const, answeredAt: answeredAt.toISOString() };
    });
  }

  private async lock(m: EntityManager, id: string): Promise<Suggestion> {
    const s = await m.findOne(Suggestion, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!s) throw notFound('suggestion_not_found');
    return s;
  }

  private async checkAssignee(m: EntityManager, userId: string): Promise<void> {
    const [row] = (await m.query(`SELECT 1 FROM user_account WHERE id = $1 AND active AND role IN ('staff', 'admin')`, [
      userId,
    ])) as unknown[];
    if (!row) throw badRequest('assigneeId', 'validation.assignee_not_staff');
  }

  /** Named posters only: an anonymous poster reads the answer in the portal (the outbox is visible to staff). */
  private async mailAnswer(m: EntityManager, s: Suggestion): Promise<void> {
    const [poster] = (await m.query(`SELECT email FROM user_account WHERE id = $1 AND active`, [s.namedPosterId])) as {
      email: string;
    }[];
    if (!poster) return;
    await this.mail.enqueue(m, { kind: 'suggestion_answered', to: poster.email, relatedId: s.id });
  }
}
