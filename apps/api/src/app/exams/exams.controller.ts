import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
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
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type {
  ExamApplication,
  ExamApplicationResponse,
  ExamResultsImportResponse,
  ExamSitting,
  ExamStatsRow,
  ExamType,
} from '@chamber/contracts';
import { AuthUser, CurrentUser, Public, Roles } from '../auth/auth.decorators';
import { badRequest } from '../common/errors';
import { languageOf } from '../common/i18n/messages';
import { RateLimitAnonymous } from './anonymous-rate-limit';
import { applicantsCsv, applicantsXlsx } from './applicants-export';
import { excelCsvHeaders } from '../common/excel-csv';
import { ExamApplicationDto, ExamResultsImportDto } from './dto/application.dto';
import { CreateExamSittingDto, ExamListQueryDto, ExamStatsQueryDto, UpdateExamSittingDto } from './dto/sitting.dto';
import { ExamApplicationsService } from './exam-applications.service';
import { ExamResultsService } from './exam-results.service';
import { ExamSittingsService } from './exam-sittings.service';

@ApiTags('exams')
@ApiBearerAuth()
@Controller()
export class ExamsController {
  constructor(
    private readonly sittings: ExamSittingsService,
    private readonly applications: ExamApplicationsService,
    private readonly results: ExamResultsService,
  ) {}

  /** Exam types and their grades */
  @Public()
  @Get('exam-types')
  types(): Promise<ExamType[]> {
    return this.sittings.types();
  }

  /** Sittings by date: public ones for anyone, members-only ones for signed-in people. */
  @Public()
  @Get('exams')
  list(@Query() q: ExamListQueryDto, @CurrentUser() user?: AuthUser): Promise<ExamSitting[]> {
    return this.sittings.list(q, user);
  }

  /** Applicants and passes per exam and grade */
  @Roles('staff', 'manager', 'admin')
  @Get('exams/stats')
  stats(@Query() q: ExamStatsQueryDto): Promise<ExamStatsRow[]> {
    return this.sittings.stats(q.fiscalYear);
  }

  /** One exam sitting with its seat counts */
  @Public()
  @Get('exams/:id')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user?: AuthUser): Promise<ExamSitting> {
    return this.sittings.get(id, user);
  }

  /** Create an exam sitting */
  @Roles('staff', 'admin')
  @Post('exams')
  create(@Body() dto: CreateExamSittingDto, @CurrentUser() user: AuthUser): Promise<ExamSitting> {
    return this.sittings.create(dto, user);
  }

  /** Change an exam sitting */
  @Roles('staff', 'admin')
  @Patch('exams/:id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateExamSittingDto): Promise<ExamSitting> {
    return this.sittings.update(id, dto);
  }

  /** Members, company contacts and staff; anyone (one candidate, rate-limited) on public sittings. */
  @Public()
  @RateLimitAnonymous()
  @Post('exams/:id/applications')
  async apply(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ExamApplicationDto,
    @CurrentUser() user?: AuthUser,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<ExamApplicationResponse> {
    return { applications: await this.applications.apply(id, dto.candidates, user, languageOf(acceptLanguage)) };
  }

  /** The sitting's applicants */
  @Roles('staff', 'manager', 'admin')
  @Get('exams/:id/applications')
  applicants(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<ExamApplication[]> {
    return this.sittingApplicants(id, user);
  }

  /** The applicants as CSV for Excel */
  @Roles('staff', 'manager', 'admin')
  @ApiProduces('text/csv')
  @ApiQuery({ name: 'encoding', required: false, enum: ['utf8', 'sjis'] })
  @Get('exams/:id/applications.csv')
  async applicantsCsv(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
    @Query('encoding') encoding?: string,
  ): Promise<StreamableFile> {
    const sitting = await this.sittings.get(id, user);
    const sjis = encoding === 'sjis' || encoding === 'cp932' || encoding === 'shift_jis';
    const csv = applicantsCsv(await this.sittingApplicants(id, user), sjis ? 'sjis' : 'utf8');
    res.set(excelCsvHeaders(csv, `exam-${sitting.code}-applicants.csv`));
    return new StreamableFile(csv.buffer);
  }

  /** The applicants as an Excel workbook */
  @Roles('staff', 'manager', 'admin')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Get('exams/:id/applications.xlsx')
  async applicantsXlsx(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    const sitting = await this.sittings.get(id, user);
    return new StreamableFile(await applicantsXlsx(sitting, await this.sittingApplicants(id, user)), {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="exam-${sitting.code}-applicants.xlsx"`,
    });
  }

  /**
   * A results file: JSON `{csv}` or `{csvBase64}`, or the bytes as `text/csv` (UTF-8, BOM, CP932).
   * All rows or none; `?dryRun=true` only checks.
   */
  @Roles('staff', 'admin')
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({ type: ExamResultsImportDto })
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean })
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Post('exams/:id/results/import')
  importResults(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
    @CurrentUser() user: AuthUser,
    @Headers('accept-language') acceptLanguage?: string,
    @Query('dryRun') dryRun?: string,
  ): Promise<ExamResultsImportResponse> {
    return this.results.import(
      id,
      { bytes: csvBytes(req.body), dryRun: dryRun === 'true' || dryRun === '1' },
      user,
      languageOf(acceptLanguage),
    );
  }

  private async sittingApplicants(id: string, user: AuthUser): Promise<ExamApplication[]> {
    await this.sittings.get(id, user);
    return this.applications.list(user, id);
  }
}

/** The uploaded file's bytes, from a text/csv body or a JSON `{csv}` / `{csvBase64}`. */
function csvBytes(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  const keys = body && typeof body === 'object' ? Object.keys(body) : [];
  const o = (body ?? {}) as { csv?: unknown; csvBase64?: unknown };
  const extra = keys.find((k) => k !== 'csv' && k !== 'csvBase64');
  if (extra) throw badRequest(extra, 'whitelistValidation');
  if (typeof o.csv === 'string' && o.csvBase64 === undefined) return Buffer.from(o.csv, 'utf8');
  if (typeof o.csvBase64 === 'string' && o.csv === undefined) return Buffer.from(o.csvBase64, 'base64');
  throw badRequest('csv', 'validation.csv_or_base64');
}
