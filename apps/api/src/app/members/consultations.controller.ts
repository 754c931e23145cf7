import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Consultation, Page, Visit } from '@chamber/contracts';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { ConsultationDto, LogQueryDto, VisitDto } from './dto/consultation.dto';
import { ConsultationsService } from './consultations.service';

/** The consultation log (経営指導) and visits (巡回訪問): the chamber's own records. */
@ApiTags('members')
@ApiBearerAuth()
@Controller()
export class ConsultationsController {
  constructor(private readonly log: ConsultationsService) {}

  @Roles('staff', 'admin')
  @Post('members/:id/consultations')
  addConsultation(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ConsultationDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Consultation> {
    return this.log.addConsultation(id, dto, user);
  }

  @Roles('staff', 'manager', 'admin')
  @Get('members/:id/consultations')
  memberConsultations(@Param('id', ParseUUIDPipe) id: string, @Query() q: LogQueryDto): Promise<Page<Consultation>> {
    return this.log.consultations({ ...q, memberId: id });
  }

  @Roles('staff', 'admin')
  @Post('members/:id/visits')
  addVisit(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VisitDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Visit> {
    return this.log.addVisit(id, dto, user);
  }

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

  @Roles('staff', 'manager', 'admin')
  @Get('visits')
  visits(@Query() q: LogQueryDto): Promise<Page<Visit>> {
    return this.log.visits(q);
  }
}
