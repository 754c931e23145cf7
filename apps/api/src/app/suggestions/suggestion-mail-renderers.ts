import type { Language, SuggestionCategory } from '@chamber/contracts';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { absoluteUrl } from '../common/public-url';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { greeting, MailContent } from '../mail/mail-layout';
import { MailRenderers } from '../mail/mail-renderers';
import { Suggestion } from './entities/suggestion.entity';
import { CATEGORY_JA } from './suggestions-csv';

/** The portal page of one's own suggestions. */
export const MY_SUGGESTIONS_PAGE = '/suggestions/mine';

const CATEGORY_EN: Record<SuggestionCategory, string> = {
  events: 'Events',
  services: 'Services',
  membership: 'Membership',
  website: 'Website',
  other: 'Other',
};

const T = {
  ja: {
    subject: '【目安箱】ご意見への回答',
    intro: '目安箱にお寄せいただいたご意見に回答いたします。',
    yours: (category: SuggestionCategory) => `ご意見（${CATEGORY_JA[category]}）`,
    answer: '回答',
    link: 'ポータルの「目安箱」→「自分の投稿」でもご覧いただけます',
  },
  en: {
    subject: 'Answer to your suggestion',
    intro: 'Your suggestion to the chamber has been answered.',
    yours: (category: SuggestionCategory) => `Your suggestion (${CATEGORY_EN[category]})`,
    answer: 'Answer',
    link: 'You can also read it in the portal under Suggestion box → My suggestions',
  },
} satisfies Record<Language, unknown>;

/** The answer to a named suggestion, rendered when it is sent. */
@Injectable()
export class SuggestionMailRenderers implements OnModuleInit {
  constructor(
    private readonly renderers: MailRenderers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.renderers.register({
      suggestion_answered: async (m, db): Promise<MailContent> => {
        const s = await db.findOneBy(Suggestion, { id: m.relatedId ?? '' });
        if (!s) throw new Error(`mail ${m.id}: suggestion ${m.relatedId} not found`);
        const [poster] = (await db.query(`SELECT display_name FROM user_account WHERE id = $1`, [s.namedPosterId])) as {
          display_name: string;
        }[];
        const excerpt = s.body.length > 400 ? `${s.body.slice(0, 400)}…` : s.body;
        const t = T[m.lang];
        return {
          subject: t.subject,
          greeting: greeting(poster?.display_name ?? '', m.lang),
          paragraphs: [t.intro],
          facts: [
            { label: t.yours(s.category), value: excerpt },
            { label: t.answer, value: s.answerBody ?? '' },
          ],
          links: [{ label: t.link, url: absoluteUrl(this.config, MY_SUGGESTIONS_PAGE) }],
        };
      },
    });
  }
}
