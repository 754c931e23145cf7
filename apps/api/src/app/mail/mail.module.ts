import { Global, Module } from '@nestjs/common';
import { MailController } from './mail.controller';
import { MailOutbox } from './mail-outbox.service';

@Global()
@Module({ controllers: [MailController], providers: [MailOutbox], exports: [MailOutbox] })
export class MailModule {}
