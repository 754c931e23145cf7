import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { PlanModule } from '../plan/plan.module';
import { CancellationsService } from './cancellations.service';
import { CheckInSyncService } from './check-in-sync.service';
import { CheckInService } from './check-in.service';
import { EventsController } from './events.controller';
import { EventMailRenderers } from './event-mail-renderers';
import { EventPosterService } from './event-poster.service';
import { EventsService } from './events.service';
import { FollowUpService } from './follow-up.service';
import { PublicRegistrationsController } from './public-registrations.controller';
import { RegistrationRepository } from './registration.repository';
import { RegistrationViewsService } from './registration-views.service';
import { RegistrationsController } from './registrations.controller';
import { RegistrationsService } from './registrations.service';
import { RostersService } from './rosters.service';
import { WaitlistService } from './waitlist.service';

/** Events, registrations, waitlist, check-in, outcomes, rosters: each change moves its KPI in its transaction. */
@Module({
  imports: [PlanModule, CalendarModule],
  controllers: [EventsController, RegistrationsController, PublicRegistrationsController],
  providers: [
    EventsService,
    RegistrationsService,
    RegistrationRepository,
    EventMailRenderers,
    CancellationsService,
    WaitlistService,
    CheckInService,
    CheckInSyncService,
    RostersService,
    RegistrationViewsService,
    FollowUpService,
    EventPosterService,
  ],
})
export class EventsModule {}
