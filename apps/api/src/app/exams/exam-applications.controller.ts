import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type {
  ExamApplication,
  ExamCancelResponse,
  PublicExamApplicationLookup,
  PublicExamApplicationResponse,
} from '@chamber/contracts';
import { AuthUser, CurrentUser, Public, Roles } from '../auth/auth.decorators';
import { RateLimit } from '../common/rate-limit';
import {
  ExamResultDto,
  PublicExamApplicationDto,
  PublicExamCancelDto,
  UpdateExamApplicationDto,
} from './dto/application.dto';
import { ExamApplicationsService } from './exam-applications.service';
import { ExamResultsService } from './exam-results.service';

@ApiTags('exams')
@ApiBearerAuth()
@Controller()
export class ExamApplicationsController {
  constructor(
    private readonly applications: ExamApplicationsService,
    private readonly results: ExamResultsService,
  ) {}

  /** A member's own applications, a company contact's company's, staff: a sitting's (or the latest). */
  @ApiQuery({ name: 'sittingId', required: false })
  @Get('exam-applications')
  list(
    @CurrentUser() user: AuthUser,
    @Query('sittingId', new ParseUUIDPipe({ optional: true })) sittingId?: string,
  ): Promise<ExamApplication[]> {
    return this.applications.list(user, sittingId);
  }

  /** Cancel an exam application */
  @HttpCode(200)
  @Post('exam-applications/:id/cancel')
  cancel(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<ExamCancelResponse> {
    return this.applications.cancel(id, user);
  }

  /** Change an exam application */
  @Roles('staff', 'admin')
  @Patch('exam-applications/:id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateExamApplicationDto): Promise<ExamApplication> {
    return this.applications.setFeeStatus(id, dto.feeStatus);
  }

  /** Record an exam result */
  @Roles('staff', 'admin')
  @HttpCode(200)
  @Post('exam-applications/:id/result')
  result(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ExamResultDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ExamApplication> {
    return this.results.record(id, dto, user);
  }

  /** The public form (no account): public sittings only; keep the cancel token. */
  @Public()
  @RateLimit('public')
  @Post('public/exams/:id/applications')
  async applyPublic(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PublicExamApplicationDto,
  ): Promise<PublicExamApplicationResponse> {
    const [receipt] = await this.applications.apply(id, [dto], undefined);
    return {
      id: receipt!.id,
      status: receipt!.status,
      examineeNumber: receipt!.examineeNumber,
      cancelToken: receipt!.cancelToken!,
    };
  }

  /** Look an exam application up by its cancel token (what the cancel page names) */
  @Public()
  @RateLimit('public')
  @HttpCode(200)
  @Post('public/exam-applications/lookup')
  lookupPublic(@Body() dto: PublicExamCancelDto): Promise<PublicExamApplicationLookup> {
    return this.applications.lookupByToken(dto.cancelToken);
  }

  /** Cancel an exam application with its cancel token */
  @Public()
  @RateLimit('public')
  @HttpCode(200)
  @Post('public/exam-applications/cancel')
  cancelPublic(@Body() dto: PublicExamCancelDto): Promise<ExamCancelResponse> {
    return this.applications.cancelByToken(dto.cancelToken);
  }
}
