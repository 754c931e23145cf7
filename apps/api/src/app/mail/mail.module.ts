import { Global, Module } from '@nestjs/common';
import { LinkTokens } from '../common/link-tokens';
import { MailController } from './mail.controller';
import { MailOutbox } from './mail-outbox.service';
import { MailRenderers } from './mail-renderers';
import { MailTemplatesController } from './mail-templates.controller';
import { MailTemplatesService } from './mail-templates.service';

@Global()
@Module({
  controllers: [MailController, MailTemplatesController],
  providers: [MailOutbox, MailRenderers, LinkTokens, MailTemplatesService],
  exports: [MailOutbox, MailRenderers, LinkTokens],
})
export class MailModule {}
