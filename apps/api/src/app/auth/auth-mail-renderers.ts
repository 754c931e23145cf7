import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { LinkTokens } from '../common/link-tokens';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MailRenderers } from '../mail/mail-renderers';

/** The portal page that takes a reset link's token. */
export const PASSWORD_RESET_PAGE = '/login/reset';

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
      password_reset: async (m) => {
        if (!m.relatedId) throw new Error(`mail ${m.id}: no password reset named`);
        const token = this.tokens.token('password_reset', m.relatedId);
        const base = (this.config.publicBaseUrl ?? `http://localhost:${this.config.port}`).replace(/\/$/, '');
        const link = `${base}${PASSWORD_RESET_PAGE}?token=${encodeURIComponent(token)}`;
        const ja = [
          'パスワード再設定のご依頼を受け付けました。',
          '次のリンクを開き、新しいパスワードを設定してください（1時間有効、1回のみ使えます）。',
          link,
          '',
          'お心当たりのない場合は、このメールを破棄してください。パスワードは変わりません。',
        ];
        const en = [
          'We received a request to reset your password.',
          'Open the link above and choose a new password (valid for 1 hour, once).',
          'If you did not ask for this, ignore this mail: your password stays as it is.',
        ];
        return {
          subject:
            m.lang === 'en' ? 'Reset your password / パスワードの再設定' : 'パスワードの再設定 / Reset your password',
          secrets: [token],
          text: [...ja, '', '---', ...en].join('\n'),
        };
      },
    });
  }
}
