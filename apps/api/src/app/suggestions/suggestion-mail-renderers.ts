import { Injectable, OnModuleInit } from '@nestjs/common';
import { MailRenderers } from '../mail/mail-renderers';
import { Suggestion } from './entities/suggestion.entity';
import { CATEGORY_JA } from './suggestions-csv';

/** The answer to a named suggestion, rendered when it is sent. */
@Injectable()
export class SuggestionMailRenderers implements OnModuleInit {
  constructor(private readonly renderers: MailRenderers) {}

  onModuleInit(): void {
    this.renderers.register({
      suggestion_answered: async (m, db) => {
        const s = await db.findOneBy(Suggestion, { id: m.relatedId ?? '' });
        if (!s) throw new Error(`mail ${m.id}: suggestion ${m.relatedId} not found`);
        const [poster] = (await db.query(`SELECT display_name FROM user_account WHERE id = $1`, [s.namedPosterId])) as {
          display_name: string;
        }[];
        const excerpt = s.body.length > 400 ? `${s.body.slice(0, 400)}…` : s.body;
        return {
          subject: '【目安箱】ご意見への回答 / Answer to your suggestion',
          text: [
            `${poster?.display_name || 'ご担当者'} 様`,
            '',
            '目安箱にお寄せいただいたご意見に回答いたします。',
            '',
            `■ ご意見（${CATEGORY_JA[s.category]}）`,
            excerpt,
            '',
            '■ 回答',
            s.answerBody ?? '',
            '',
            'ポータルの「目安箱」→「自分の投稿」でもご覧いただけます。',
            '',
            '---',
            'Your suggestion to the chamber has been answered (see above). You can also read it in the portal under',
            'Suggestion box → My suggestions.',
          ].join('\n'),
        };
      },
    });
  }
}
