import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AnswerSuggestionResponse, CreateSuggestionResponse, StaffSuggestionView } from '@chamber/contracts';
import { SUGGESTION_DAILY_LIMIT } from '@chamber/contracts';
import { fiscalYearOf } from '@chamber/domain';
import type { AuthUser } from '../auth/auth.decorators';
import { badRequest, conflict, DomainException, notFound } from '../common/errors';
import { MailOutbox } from '../mail/mail-outbox.service';
import { KpiRecorder } from '../plan/kpi-recorder.service';
import type { AnswerSuggestionDto, CreateSuggestionDto, UpdateSuggestionDto } from './dto/suggestion.dto';
import { SuggestionAuthor } from './entities/suggestion-author.entity';
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
  ) {}

  async create(dto: CreateSuggestionDto, user: AuthUser): Promise<CreateSuggestionResponse> {
    return this.dataSource.transaction(async (m) => {
      await this.checkDailyLimit(m, user.id);
      const now = new Date();
      const fiscalYear = fiscalYearOf(now);
      const suggestion = await m.save(
        m.create(Suggestion, {
          category: dto.category,
          body: dto.body,
          anonymous: dto.anonymous,
          namedPosterId: dto.anonymous ? null : user.id,
          status: 'received',
          receivedFiscalYear: fiscalYear,
          createdAt: now,
        }),
      );
      await m.insert(SuggestionAuthor, { suggestionId: suggestion.id, userId: user.id, postedAt: now });
      // no authorId: the ledger must not tie an anonymous suggestion to its poster
      await this.recorder.record(m, {
        actionItemCode: C1_4,
        measure: 'suggestions_received',
        fiscalYear,
        delta: 1,
        sourceType: 'suggestion',
        sourceId: suggestion.id,
      });
      return { id: suggestion.id, status: 'received' as const };
    });
  }

  /**
   * A per-account cap over 24 hours, checked under a per-account advisory lock so that concurrent
   * posts cannot slip past it. Chosen over the per-address `public` limit because members post
   * signed in, and a whole office often shares one address.
   */
  private async checkDailyLimit(m: EntityManager, userId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`suggestion-author:${userId}`]);
    const [row] = (await m.query(
      `SELECT count(*)::int AS count FROM suggestion_author WHERE user_id = $1 AND posted_at > now() - interval '24 hours'`,
      [userId],
    )) as { count: number }[];
    if ((row?.count ?? 0) >= SUGGESTION_DAILY_LIMIT) {
      throw new DomainException(
        HttpStatus.TOO_MANY_REQUESTS,
        {
          ja: `目安箱への投稿は24時間に${SUGGESTION_DAILY_LIMIT}件までです。時間をおいて再度お試しください`,
          en: `You can post at most ${SUGGESTION_DAILY_LIMIT} suggestions in 24 hours; please try again later`,
        },
        'suggestion_daily_limit',
      );
    }
  }

  async update(id: string, dto: UpdateSuggestionDto): Promise<StaffSuggestionView> {
    return this.dataSource.transaction(async (m) => {
      const s = await this.lock(m, id);
      if (dto.status === 'in_review') {
        if (s.status === 'answered') {
          throw conflict(
            '回答済みの提案は検討中に戻せません',
            'An answered suggestion cannot go back to review',
            'answered',
          );
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
          throw conflict(
            '回答前の提案は公開できません',
            'Only an answered suggestion can be made public',
            'not_answered',
          );
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
        throw conflict('この提案には回答済みです', 'This suggestion has already been answered', 'already_answered');
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
      return { id: s.id, status: 'answered' as const, answeredAt: answeredAt.toISOString() };
    });
  }

  private async lock(m: EntityManager, id: string): Promise<Suggestion> {
    const s = await m.findOne(Suggestion, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!s) throw notFound('提案が見つかりません', 'Suggestion not found');
    return s;
  }

  private async checkAssignee(m: EntityManager, userId: string): Promise<void> {
    const [row] = (await m.query(`SELECT 1 FROM user_account WHERE id = $1 AND active AND role IN ('staff', 'admin')`, [
      userId,
    ])) as unknown[];
    if (!row)
      throw badRequest(
        'assigneeId',
        '担当者は職員のアカウントを指定してください',
        'assigneeId must be a staff account',
      );
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
