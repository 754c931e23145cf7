import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CancelRegistrationResponse, CheckInResponse, OutcomeView, RegistrationView } from '@chamber/contracts';
import type { Response } from 'express';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { CancellationsService } from './cancellations.service';
import { CheckInService } from './check-in.service';
import { CheckInByTokenDto, EarlyCheckInQuery, isEarlyConfirmed, RecordOutcomeDto } from './dto/check-in.dto';
import { MyRegistrationsQueryDto } from './dto/registration.dto';
import { FollowUpService } from './follow-up.service';
import { RegistrationViewsService } from './registration-views.service';
import { sendFile } from './send-file';

const UUID = new ParseUUIDPipe();

@ApiTags('registrations')
@ApiBearerAuth()
@Controller()
export class RegistrationsController {
  constructor(
    private readonly views: RegistrationViewsService,
    private readonly cancellations: CancellationsService,
    private readonly checkIns: CheckInService,
    private readonly followUp: FollowUpService,
  ) {}

  /** My registrations (an employee's own; a member admin's company) */
  @Get('me/registrations')
  mine(@Query() q: MyRegistrationsQueryDto, @CurrentUser() user: AuthUser): Promise<RegistrationView[]> {
    return this.views.mine(user, q.scope ?? 'own');
  }

  /** One registration */
  @Get('registrations/:id')
  one(@Param('id', UUID) id: string, @CurrentUser() user: AuthUser): Promise<RegistrationView> {
    return this.views.one(id, user);
  }

  /** Cancel a registration (the first on the waitlist moves up) */
  @Post('registrations/:id/cancel')
  @HttpCode(200)
  cancel(@Param('id', UUID) id: string, @CurrentUser() user: AuthUser): Promise<CancelRegistrationResponse> {
    return this.cancellations.cancelById(id, user);
  }

  /** Check a participant in at the venue */
  @Roles('staff', 'admin')
  @Post('registrations/:id/check-in')
  @HttpCode(200)
  checkIn(
    @Param('id', UUID) id: string,
    @Query() q: EarlyCheckInQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<CheckInResponse> {
    return this.checkIns.checkIn(id, user, { early: isEarlyConfirmed(q) });
  }

  /** Check in by the QR code of a confirmation */
  @Roles('staff', 'admin')
  @Post('check-in')
  @HttpCode(200)
  checkInByToken(
    @Body() dto: CheckInByTokenDto,
    @Query() q: EarlyCheckInQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<CheckInResponse> {
    return this.checkIns.checkInByToken(dto.token, dto.eventId, user, { early: isEarlyConfirmed(q) });
  }

  /** Record an outcome (job offer, contract, …) for an attendee */
  @Roles('staff', 'admin')
  @Post('registrations/:id/outcomes')
  recordOutcome(
    @Param('id', UUID) id: string,
    @Body() dto: RecordOutcomeDto,
    @CurrentUser() user: AuthUser,
  ): Promise<OutcomeView> {
    return this.checkIns.recordOutcome(id, dto.type, dto.note ?? null, user);
  }

  /** Remove a recorded outcome */
  @Roles('staff', 'admin')
  @Delete('registrations/:id/outcomes/:type')
  removeOutcome(@Param('id', UUID) id: string, @Param('type') type: string, @CurrentUser() user: AuthUser) {
    return this.checkIns.removeOutcome(id, type, user);
  }

  /** Certificate of attendance (修了証) as a PDF */
  @Get('registrations/:id/certificate.pdf')
  @ApiProduces('application/pdf')
  async certificate(@Param('id', UUID) id: string, @CurrentUser() user: AuthUser, @Res() res: Response) {
    const file = await this.followUp.certificate(id, user);
    sendFile(res, { ...file, contentType: 'application/pdf' });
  }
}
