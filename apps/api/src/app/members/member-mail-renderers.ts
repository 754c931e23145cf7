import type { Language } from '@chamber/contracts';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { LinkTokens } from '../common/link-tokens';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { absoluteUrl } from '../common/public-url';
import { greeting, MailContent } from '../mail/mail-layout';
import { MailRenderers } from '../mail/mail-renderers';
import { MemberInvitation } from './entities/member-invitation.entity';
import { Member } from './entities/member.entity';
import { INVITATION_DAYS } from './people.service';

/** The portal page that takes an invitation's token (followed by /<token>). */
export const INVITATION_PAGE = '/members/invitations';

const T = {
  ja: {
    subject: (company: string) => `【会員ポータル】${company} の会員ポータルへのご招待`,
    invited: (company: string) => `${company} の会員ポータルへ招待されました。`,
    choose: (days: number) => `次のリンクを開き、パスワードを設定してください（${days}日間有効）。`,
    link: '招待を受けてパスワードを設定する',
    notYou: 'お心当たりのない場合は、このメールを破棄してください。',
  },
  en: {
    subject: (company: string) => `Invitation to the member portal of ${company}`,
    invited: (company: string) => `You have been invited to the member portal of ${company}.`,
    choose: (days: number) => `Open the link below and choose a password (valid for ${days} days).`,
    link: 'Accept the invitation and choose a password',
    notYou: 'If you did not expect this mail, ignore it.',
  },
} satisfies Record<Language, unknown>;

/** The invitation to a member company's portal accounts, rendered when it is sent. */
@Injectable()
export class MemberMailRenderers implements OnModuleInit {
  constructor(
    private readonly renderers: MailRenderers,
    private readonly tokens: LinkTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.renderers.register({
      member_invitation: async (m, db): Promise<MailContent> => {
        const invitation = await db.findOneBy(MemberInvitation, { id: m.relatedId ?? '' });
        if (!invitation) throw new Error(`mail ${m.id}: invitation ${m.relatedId} not found`);
        const member = await db.findOneByOrFail(Member, { id: invitation.memberId });
        const token = this.tokens.token('member_invitation', invitation.id);
        const t = T[m.lang];
        return {
          subject: t.subject(member.name),
          greeting: greeting(String(m.params['name'] ?? ''), m.lang),
          paragraphs: [t.invited(member.name), t.choose(INVITATION_DAYS)],
          links: [{ label: t.link, url: absoluteUrl(this.config, `${INVITATION_PAGE}/${token}`) }],
          closing: [t.notYou],
          secrets: [token],
        };
      },
    });
  }
}
