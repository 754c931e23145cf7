import type { Language } from '@chamber/contracts';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { MailContent } from '../mail/mail-layout';
import { MailRenderers } from '../mail/mail-renderers';

const T = {
  ja: {
    subject: '【会員ポータル】Webhook の送信先を停止しました',
    body: (url: string, n: number) =>
      `Webhook の送信先 ${url} への送信が ${n} 回続けて失敗したため、この送信先を停止しました。`,
    next: '受信側を確認のうえ、管理画面の「連携」で送信先を再開し、必要な配信を再送してください。',
  },
  en: {
    subject: 'A webhook endpoint was switched off',
    body: (url: string, n: number) =>
      `Sending to the webhook endpoint ${url} failed ${n} times in a row, so the endpoint was switched off.`,
    next: 'Check the receiver, then switch the endpoint back on under Integrations and redeliver what it missed.',
  },
} satisfies Record<Language, unknown>;

/** The notice to admins that an endpoint was switched off after repeated failures. */
@Injectable()
export class WebhookMailRenderers implements OnModuleInit {
  constructor(private readonly renderers: MailRenderers) {}

  onModuleInit(): void {
    this.renderers.register({
      webhook_disabled: async (m): Promise<MailContent> => {
        const t = T[m.lang];
        return {
          subject: t.subject,
          paragraphs: [t.body(String(m.params['url'] ?? ''), Number(m.params['failures'] ?? 0)), t.next],
        };
      },
    });
  }
}
