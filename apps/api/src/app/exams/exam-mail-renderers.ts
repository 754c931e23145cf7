import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LinkTokens } from '../common/link-tokens';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { absoluteUrl } from '../common/public-url';
import type { MailIntentRow } from '../mail/mail-intent';
import type { MailContent } from '../mail/mail-layout';
import { MailRenderers } from '../mail/mail-renderers';
import { ExamApplication } from './entities/exam-application.entity';
import { ExamSitting } from './entities/exam-sitting.entity';
import { ExamType } from './entities/exam-type.entity';
import { cancellationMail, confirmationMail } from './exam-mail';

/** The portal's pages an exam mail links to. */
export const EXAM_CANCEL_PAGE = '/exams/cancel';
export const EXAM_APPLICATIONS_PAGE = '/exams/mine';

/** The mails about exam applications, rendered when they are sent. */
@Injectable()
export class ExamMailRenderers implements OnModuleInit {
  constructor(
    private readonly renderers: MailRenderers,
    private readonly tokens: LinkTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.renderers.register({
      exam_application_confirmed: async (m, db) => {
        const { a, s, type } = await this.application(db, m);
        return confirmationMail(a, s, type, this.cancelLink(a), m.lang);
      },
      exam_application_cancelled: async (m, db): Promise<MailContent> => {
        const { a, s, type } = await this.application(db, m);
        return cancellationMail(a, s, type, m.lang);
      },
    });
  }

  /** Applicants without an account cancel by their link; the others on their applications page. */
  private cancelLink(a: ExamApplication): { token: string; url: string } | null {
    if (!a.cancelTokenHash) return { token: '', url: absoluteUrl(this.config, EXAM_APPLICATIONS_PAGE) };
    const token = this.tokens.token('exam_cancel', a.id);
    // an older application's random token can't be rebuilt: its code was in the mail already sent
    if (this.tokens.hash('exam_cancel', a.id) !== a.cancelTokenHash) return null;
    return { token, url: absoluteUrl(this.config, `${EXAM_CANCEL_PAGE}?token=${encodeURIComponent(token)}`) };
  }

  private async application(db: EntityManager, m: MailIntentRow) {
    const a = await db.findOneBy(ExamApplication, { id: m.relatedId ?? '' });
    if (!a) throw new Error(`mail ${m.id}: exam application ${m.relatedId} not found`);
    const s = await db.findOneByOrFail(ExamSitting, { id: a.sittingId });
    const type = await db.findOneByOrFail(ExamType, { code: s.examCode });
    return { a, s, type };
  }
}
