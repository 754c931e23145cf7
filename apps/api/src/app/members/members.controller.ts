import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type {
  ApiError,
  ImportResult,
  InactiveMembersPage,
  MemberActivity,
  MemberDetail,
  MemberProfile,
  MemberSummary,
  Page,
} from '@chamber/contracts';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { badRequest } from '../common/errors';
import { languageOf, translate } from '../common/i18n/messages';
import {
  CreateMemberDto,
  ExportQueryDto,
  ImportQueryDto,
  InactiveQueryDto,
  MemberSearchQueryDto,
  UpdateMemberDto,
} from './dto/member.dto';
import { assertCanRead } from './member-access';
import { MemberActivityService } from './member-activity.service';
import { membersCsv } from './member-csv';
import { excelCsvHeaders } from '../common/excel-csv';
import { MemberImportService } from './member-import.service';
import { MembersService } from './members.service';

const yes = (v?: string) => v === 'true' || v === '1';

@ApiTags('members')
@ApiBearerAuth()
@Controller()
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly activityService: MemberActivityService,
    private readonly importer: MemberImportService,
  ) {}

  /** Search by name, furigana (any kana, any width, spaces ignored) or corporate number; paged. */
  @Roles('staff', 'manager', 'admin')
  @Get('members')
  search(@Query() query: MemberSearchQueryDto): Promise<Page<MemberSummary>> {
    return this.members.search(query);
  }

  /** The member list as CSV for Japanese Excel: UTF-8 with BOM (default) or `encoding=sjis` (CP932). */
  @Roles('staff', 'manager', 'admin')
  @Get('members.csv')
  @ApiProduces('text/csv')
  async exportCsv(@Query() query: ExportQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const encoding = query.encoding ?? 'utf8';
    const csv = membersCsv(await this.members.exportRows(query), encoding);
    res.set(excelCsvHeaders(csv, 'members.csv'));
    return new StreamableFile(csv.buffer);
  }

  /** Companies with no registration, consultation or visit in the fiscal year (default: this one). */
  @Roles('staff', 'manager', 'admin')
  @Get('members/inactive')
  inactive(@Query() query: InactiveQueryDto): Promise<InactiveMembersPage> {
    return this.activityService.inactive(query);
  }

  /** Add a member company */
  @Roles('staff', 'admin')
  @Post('members')
  create(@Body() dto: CreateMemberDto, @CurrentUser() user: AuthUser): Promise<MemberProfile> {
    return this.members.create(dto, user);
  }

  /**
   * CSV import (text/csv, UTF-8 with or without BOM, or CP932). `dryRun=true` checks only; without
   * it all rows are written or none (400 with the same errors); `skipInvalid=true` writes the valid rows.
   */
  @Roles('staff', 'admin')
  @Post('members/import')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: '会社名,フリガナ,法人番号,業種,区,入会日\n…' } })
  @Header('Cache-Control', 'no-store')
  async import(
    @Query() query: ImportQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() user: AuthUser,
  ): Promise<ImportResult | (ImportResult & ApiError)> {
    const body: unknown = req.body;
    if (!Buffer.isBuffer(body) || body.length === 0) throw badRequest('body', 'validation.csv_content_type');
    const lang = languageOf(req.headers['accept-language']);
    const { ok, result } = await this.importer.run(body, {
      dryRun: yes(query.dryRun),
      skipInvalid: yes(query.skipInvalid),
      lang,
      user,
    });
    if (ok) return result;
    res.status(400);
    return {
      statusCode: 400,
      error: 'Bad Request',
      message: translate('validation', lang),
      code: 'validation',
      ...result,
    };
  }

  /** One member company */
  @Get('members/:id')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<MemberDetail> {
    return this.members.get(id, user);
  }

  /** Registrations and attendance, exam applications, consultations, visits and signed suggestions. */
  @Roles('staff', 'manager', 'admin')
  @Get('members/:id/activity')
  activity(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<MemberActivity> {
    assertCanRead(user, id);
    return this.activityService.activity(id);
  }

  /** Change a member company */
  @Roles('staff', 'admin', 'member_admin')
  @Patch('members/:id')
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateMemberDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MemberProfile> {
    return this.members.update(id, dto, user);
  }
}
