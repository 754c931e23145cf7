import type { Language } from '@chamber/contracts';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { LinkTokens } from '../common/link-tokens';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { absoluteUrl } from '../common/public-url';
import type { MailContent } from '../mail/mail-layout';
import { MailRenderers } from '../mail/mail-renderers';

/** The portal page that takes a reset link's token. */
export const PASSWORD_RESET_PAGE = '/login/reset';

const T = {
  ja: {
    subject: 'パスワードの再設定',
    received: 'パスワード再設定のご依頼を受け付けました。',
    open: '次のリンクを開き、新しいパスワードを設定してください（1時間有効、1回のみ使えます）。',
    link: '新しいパスワードを設定する',
    notYou: 'お心当たりのない場合は、このメールを破棄してください。パスワードは変わりません。',
  },
  en: {
    subject: 'Reset your password',
    received: 'We received a request to reset your password.',
    open: 'Open the link below and choose a new password (valid for 1 hour, once).',
    link: 'Choose a new password',
    notYou: 'If you did not ask for this, ignore this mail: your password stays as it is.',
  },
} satisfies Record<Language, unknown>;

/** The password-reset mail, rendered when it is sent: the token is derived again, never stored. */
@Injectable()
export class AuthMailRenderers implements OnModuleInit {
  constructor(
    private readonly renderers: MailRenderers,
    private readonly tokens: LinkTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.renderers.register({
      password_reset: async (m): Promise<MailContent> => {
        if (!m.relatedId) throw new Error(`mail ${m.id}: no password reset named`);
        const token = this.tokens.token('password_reset', m.relatedId);
        const t = T[m.lang];
        return {
          subject: t.subject,
          paragraphs: [t.received, t.open],
          links: [
            {
              label: t.link,
              url: absoluteUrl(this.config, `${PASSWORD_RESET_PAGE}?token=${encodeURIComponent(token)}`),
            },
          ],
          closing: [t.notYou],
          secrets: [token],
        };
      },
    });
  }
}
