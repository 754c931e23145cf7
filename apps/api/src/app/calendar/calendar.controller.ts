import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CalendarFeedResponse } from '@chamber/contracts';
import type { Response } from 'express';
import { AuthUser, CurrentUser, Public } from '../auth/auth.decorators';
import { CalendarService } from './calendar.service';

/** Calendar clients poll feeds: a short cache keeps them fresh without refetching on every view. */
function sendIcs(res: Response, body: string, filename: string, cache: string): void {
  res
    .status(200)
    .setHeader('Content-Type', 'text/calendar; charset=utf-8')
    .setHeader('Content-Disposition', `inline; filename="${filename}"`)
    .setHeader('Cache-Control', cache)
    .send(body);
}

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** Events and exam sittings open to the public or students, as a subscribable calendar. */
  @Public()
  @Get('calendar/public.ics')
  @ApiProduces('text/calendar')
  async publicFeed(@Res() res: Response): Promise<void> {
    sendIcs(res, await this.calendar.publicFeed(), 'public.ics', 'public, max-age=900');
  }

  /** A secret feed of the token's account: its registrations and exam applications. */
  @Public()
  @Get('calendar/feeds/:token.ics')
  @ApiProduces('text/calendar')
  async personalFeed(@Param('token') token: string, @Res() res: Response): Promise<void> {
    sendIcs(res, await this.calendar.personalFeed(token), 'my-calendar.ics', 'private, max-age=300');
  }

  /** The caller's secret feed URL, to subscribe to in Outlook, Google or Apple calendars. */
  @ApiBearerAuth()
  @Get('me/calendar')
  feedUrl(@CurrentUser() user: AuthUser): Promise<CalendarFeedResponse> {
    return this.calendar.feedUrl(user);
  }

  /** A new secret feed URL; the old one stops working at once (revoke a leaked link). */
  @ApiBearerAuth()
  @Post('me/calendar/rotate')
  @HttpCode(200)
  rotate(@CurrentUser() user: AuthUser): Promise<CalendarFeedResponse> {
    return this.calendar.rotate(user);
  }
}
