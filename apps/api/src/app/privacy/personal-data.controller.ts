import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ErasePersonalDataResponse, PersonalDataExport } from '@chamber/contracts';
import { AuditSkip } from '../audit/audit.interceptor';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { ErasePersonalDataDto, PersonalDataQueryDto } from './dto/personal-data.dto';
import { PersonalDataService } from './personal-data.service';

@ApiTags('personal-data')
@ApiBearerAuth()
@Controller('personal-data')
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  /** Everything held about an email (個人情報の開示), as JSON; audited under a hash of the email. */
  @Roles('admin')
  @Get()
  export(@Query() q: PersonalDataQueryDto, @CurrentUser() user: AuthUser): Promise<PersonalDataExport> {
    return this.personalData.export(q.email, user);
  }

  /**
   * Erase what is held about an email (個人情報の消去): names, kana, email, phone and school replaced
   * in every record, in one transaction; counts, KPI counters and the ledger stay as they were.
   */
  @Roles('admin')
  @Post('erase')
  @HttpCode(200)
  // the use case writes its own audit row (a hash of the email, the counts) in its transaction
  @AuditSkip(() => true)
  erase(@Body() dto: ErasePersonalDataDto, @CurrentUser() user: AuthUser): Promise<ErasePersonalDataResponse> {
    return this.personalData.erase(dto.email, user);
  }
}
