import { Global, Module } from '@nestjs/common';
import { LinkTokens } from '../common/link-tokens';
import { MailController } from './mail.controller';
import { MailOutbox } from './mail-outbox.service';
import { MailRenderers } from './mail-renderers';

@Global()
@Module({
  controllers: [MailController],
  providers: [MailOutbox, MailRenderers, LinkTokens],
  exports: [MailOutbox, MailRenderers, LinkTokens],
})
export class MailModule {}
