import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Consultation, Page, Visit } from '@chamber/contracts';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { ConsultationDto, LogQueryDto, VisitDto } from './dto/consultation.dto';
import { ConsultationsService } from './consultations.service';
import { LogCorrectionsService } from './log-corrections.service';

/** The consultation log (経営指導) and visits (巡回訪問): the chamber's own records. */
@ApiTags('members')
@ApiBearerAuth()
@Controller()
export class ConsultationsController {
  constructor(
    private readonly log: ConsultationsService,
    private readonly corrections: LogCorrectionsService,
  ) {}

  /** Log a consultation (経営相談) with a member company */
  @Roles('staff', 'admin')
  @Post('members/:id/consultations')
  addConsultation(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ConsultationDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Consultation> {
    return this.log.addConsultation(id, dto, user);
  }

  /** A member company's consultations */
  @Roles('staff', 'manager', 'admin')
  @Get('members/:id/consultations')
  memberConsultations(@Param('id', ParseUUIDPipe) id: string, @Query() q: LogQueryDto): Promise<Page<Consultation>> {
    return this.log.consultations({ ...q, memberId: id });
  }

  /** Log a visit (巡回訪問) to a member company */
  @Roles('staff', 'admin')
  @Post('members/:id/visits')
  addVisit(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VisitDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Visit> {
    return this.log.addVisit(id, dto, user);
  }

  /** A member company's visits */
  @Roles('staff', 'manager', 'admin')
  @Get('members/:id/visits')
  memberVisits(@Param('id', ParseUUIDPipe) id: string, @Query() q: LogQueryDto): Promise<Page<Visit>> {
    return this.log.visits({ ...q, memberId: id });
  }

  /** Every company's consultations, filtered by fiscal year, kind or company. */
  @Roles('staff', 'manager', 'admin')
  @Get('consultations')
  consultations(@Query() q: LogQueryDto): Promise<Page<Consultation>> {
    return this.log.consultations(q);
  }

  /** Visits across member companies */
  @Roles('staff', 'manager', 'admin')
  @Get('visits')
  visits(@Query() q: LogQueryDto): Promise<Page<Visit>> {
    return this.log.visits(q);
  }

  /** A consultation entered by mistake: deleted, and its counts reversed in the same transaction. */
  @Roles('staff', 'admin')
  @Delete('consultations/:consultationId')
  @HttpCode(204)
  deleteConsultation(@Param('consultationId', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.corrections.deleteConsultation(id, user);
  }

  /** A visit entered by mistake: deleted, and its counts reversed in the same transaction. */
  @Roles('staff', 'admin')
  @Delete('visits/:visitId')
  @HttpCode(204)
  deleteVisit(@Param('visitId', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.corrections.deleteVisit(id, user);
  }
}
