import { Module } from '@nestjs/common';
import { PersonalDataController } from './personal-data.controller';
import { PersonalDataService } from './personal-data.service';

/** Personal data on request (個人情報保護法): export and erasure by email. */
@Module({
  controllers: [PersonalDataController],
  providers: [PersonalDataService],
})
export class PrivacyModule {}
