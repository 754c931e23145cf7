import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { LinkTokens } from '../common/link-tokens';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MailRenderers } from '../mail/mail-renderers';
import { MemberInvitation } from './entities/member-invitation.entity';
import { Member } from './entities/member.entity';
import { INVITATION_DAYS } from './people.service';

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
      member_invitation: async (m, db) => {
        const invitation = await db.findOneBy(MemberInvitation, { id: m.relatedId ?? '' });
        if (!invitation) throw new Error(`mail ${m.id}: invitation ${m.relatedId} not found`);
        const member = await db.findOneByOrFail(Member, { id: invitation.memberId });
        const token = this.tokens.token('member_invitation', invitation.id);
        const base = (this.config.publicBaseUrl ?? `http://localhost:${this.config.port}`).replace(/\/$/, '');
        const link = `${base}/members/invitations/${token}`;
        const name = String(m.params['name'] ?? '');
        return {
          subject: '会員ポータルへのご招待 / Invitation to the member portal',
          secrets: [token],
          text: [
            `${name ? `${name} 様\n\n` : ''}${member.name} の会員ポータルへ招待されました。`,
            `次のリンクを開き、パスワードを設定してください(${INVITATION_DAYS}日間有効)。`,
            link,
            '',
            `You have been invited to the member portal of ${member.name}.`,
            `Open the link above and choose a password (valid for ${INVITATION_DAYS} days).`,
          ].join('\n'),
        };
      },
    });
  }
}
