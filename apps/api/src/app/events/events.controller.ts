import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  CancelEventResponse,
  CheckInRoster,
  CheckInSyncResponse,
  EventDetail,
  EventSummary,
  FollowUpMailResponse,
  RegisterParticipantsResponse,
  RosterEntry,
} from '@chamber/contracts';
import type { Response } from 'express';
import { AuthUser, CurrentUser, Public, Roles } from '../auth/auth.decorators';
import { CalendarService } from '../calendar/calendar.service';
import { languageOf } from '../common/i18n/messages';
import { CheckInSyncService } from './check-in-sync.service';
import {
  CheckInSyncDto,
  EarlyCheckInQuery,
  FollowUpMailDto,
  isEarlyConfirmed,
  RosterFileQueryDto,
  RosterQueryDto,
} from './dto/check-in.dto';
import { CancelEventDto, CreateEventDto, EventListQueryDto, UpdateEventDto } from './dto/event.dto';
import { RegisterParticipantsDto } from './dto/registration.dto';
import { EventPosterService } from './event-poster.service';
import { EventsService } from './events.service';
import { FollowUpService } from './follow-up.service';
import { RegistrationsService } from './registrations.service';
import { RosterFile, RostersService } from './rosters.service';
import { sendFile } from './send-file';

const UUID = new ParseUUIDPipe();

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly registrations: RegistrationsService,
    private readonly rosters: RostersService,
    private readonly followUp: FollowUpService,
    private readonly calendar: CalendarService,
    private readonly checkInSync: CheckInSyncService,
    private readonly posters: EventPosterService,
  ) {}

  /** Create an event (seminar, training, job fair, matching, gathering) */
  @Roles('staff', 'admin')
  @Post()
  create(@Body() dto: CreateEventDto, @CurrentUser() user: AuthUser): Promise<EventDetail> {
    return this.events.create(dto, user);
  }

  /** List events, filtered by kind, fiscal year, state */
  @Public()
  @Get()
  list(@Query() q: EventListQueryDto, @CurrentUser() user?: AuthUser): Promise<EventSummary[]> {
    return this.events.list(q, user);
  }

  // declared before ':id' so that '<uuid>.ics' is not taken for an id
  // the build plugin skips this handler's comment: say it outright
  /** One event as an iCalendar file */
  @ApiOperation({ summary: 'One event as an iCalendar file' })
  @Public()
  @Get(':id.ics')
  @ApiProduces('text/calendar')
  async ics(@Param('id', UUID) id: string, @Res() res: Response, @CurrentUser() user?: AuthUser): Promise<void> {
    const event = await this.events.visibleEvent(id, user);
    res
      .status(200)
      .setHeader('Content-Type', 'text/calendar; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="event-${id}.ics"`)
      .send(await this.calendar.eventIcs(event));
  }

  /** One event with its seat counts */
  @Public()
  @Get(':id')
  async detail(@Param('id', UUID) id: string, @CurrentUser() user?: AuthUser): Promise<EventDetail> {
    const detail = await this.events.detail(id, user);
    return { ...detail, signupUrl: this.posters.signupUrl(detail) };
  }

  /** Recruiting poster (A4 PDF) with the QR code of the public sign-up page, for schools */
  @Roles('staff', 'admin')
  @Get(':id/poster.pdf')
  @ApiProduces('application/pdf')
  async poster(@Param('id', UUID) id: string, @Res() res: Response): Promise<void> {
    const file = await this.posters.poster(id);
    sendFile(res, { ...file, contentType: 'application/pdf' });
  }

  /** Change an event */
  @Roles('staff', 'admin')
  @Patch(':id')
  update(@Param('id', UUID) id: string, @Body() dto: UpdateEventDto, @CurrentUser() user: AuthUser) {
    return this.events.update(id, dto, user);
  }

  /** Cancel an event and tell everyone registered */
  @Roles('staff', 'admin')
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(
    @Param('id', UUID) id: string,
    @Body() dto: CancelEventDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CancelEventResponse> {
    return this.events.cancel(id, dto.reason ?? null, user);
  }

  /** Mark an event as held */
  @Roles('staff', 'admin')
  @Post(':id/held')
  @HttpCode(200)
  markHeld(@Param('id', UUID) id: string, @CurrentUser() user: AuthUser): Promise<EventDetail> {
    return this.events.markHeld(id, user);
  }

  /** Register participants (self, or a member company's employees) */
  @Roles('member', 'member_admin', 'staff', 'admin')
  @Post(':id/registrations')
  register(
    @Param('id', UUID) id: string,
    @Body() dto: RegisterParticipantsDto,
    @CurrentUser() user: AuthUser,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<RegisterParticipantsResponse> {
    return this.registrations.registerParticipants(id, dto, user, languageOf(acceptLanguage));
  }

  /**
   * The roster a check-in device keeps offline: every registration with its status, check-in time
   * and the SHA-256 of its QR token (never the token)
   */
  @Roles('staff', 'admin')
  @Get(':id/check-in-roster')
  checkInRoster(@Param('id', UUID) id: string): Promise<CheckInRoster> {
    return this.checkInSync.roster(id);
  }

  /**
   * Sync check-ins made on a device (offline): up to 500 items, each by QR token or registrationId,
   * answered checked_in, already_checked_in (the kept check-in's time and device), not_registered
   * (waitlisted, cancelled) or unknown. A clientId sent again answers the same result. A person counts
   * once however many devices scanned them; the time kept is the earliest scan (an earlier scan that
   * arrives later moves it, counting nothing). A scan time in the future is kept as the server's now,
   * one before the registration as the registration's time. Before the event's day (Asia/Tokyo) the
   * whole request is refused with 409 not_yet unless staff confirm it with early=true.
   */
  @Roles('staff', 'admin')
  @Post(':id/check-ins/sync')
  @HttpCode(200)
  syncCheckIns(
    @Param('id', UUID) id: string,
    @Body() dto: CheckInSyncDto,
    @Query() q: EarlyCheckInQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<CheckInSyncResponse> {
    return this.checkInSync.sync(id, dto, user, { early: isEarlyConfirmed(q) });
  }

  /** The event's roster: registrations with status, check-in and outcomes */
  @Roles('staff', 'admin', 'manager')
  @Get(':id/roster')
  roster(@Param('id', UUID) id: string, @Query() q: RosterQueryDto): Promise<RosterEntry[]> {
    return this.rosters.roster(id, q);
  }

  /** The roster as CSV for Excel (UTF-8 with BOM, or CP932) */
  @Roles('staff', 'admin', 'manager')
  @Get(':id/roster.csv')
  @ApiProduces('text/csv')
  async rosterCsv(@Param('id', UUID) id: string, @Query() q: RosterFileQueryDto, @Res() res: Response): Promise<void> {
    sendFile(res, await this.rosters.csv(id, q.encoding ?? 'utf8', q.status));
  }

  /** The roster as an Excel workbook */
  @Roles('staff', 'admin', 'manager')
  @Get(':id/roster.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async rosterXlsx(@Param('id', UUID) id: string, @Query() q: RosterFileQueryDto, @Res() res: Response): Promise<void> {
    const file: RosterFile = await this.rosters.xlsx(id, q.status);
    sendFile(res, file);
  }

  /** 名札: an A4 PDF of name badges for the people expected (10 a page), in furigana order. */
  @Roles('staff', 'admin', 'manager')
  @Get(':id/badges.pdf')
  @ApiProduces('application/pdf')
  async badges(@Param('id', UUID) id: string, @Query() q: RosterFileQueryDto, @Res() res: Response): Promise<void> {
    sendFile(res, await this.rosters.badges(id, q.status));
  }

  /** Send a message to the event's participants */
  @Roles('staff', 'admin')
  @Post(':id/mail')
  mail(@Param('id', UUID) id: string, @Body() dto: FollowUpMailDto): Promise<FollowUpMailResponse> {
    return this.followUp.mailAudience(id, dto);
  }
}
