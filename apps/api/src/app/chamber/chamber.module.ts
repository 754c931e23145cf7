import { Global, Module } from '@nestjs/common';
import { ChamberController } from './chamber.controller';
import { ChamberService } from './chamber.service';

/** The chamber's identity; global, since certificates, badges, calendars and mails all name it. */
@Global()
@Module({
  controllers: [ChamberController],
  providers: [ChamberService],
  exports: [ChamberService],
})
export class ChamberModule {}
