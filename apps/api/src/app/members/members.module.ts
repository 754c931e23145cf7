import { Module } from '@nestjs/common';
import { PlanModule } from '../plan/plan.module';
import { ConsultationsController } from './consultations.controller';
import { ConsultationsService } from './consultations.service';
import { LogCorrectionsService } from './log-corrections.service';
import { MemberActivityService } from './member-activity.service';
import { MemberImportService } from './member-import.service';
import { MemberMailRenderers } from './member-mail-renderers';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { PeopleController, PublicInvitationsController } from './people.controller';
import { PeopleService } from './people.service';

/** Member companies, their people and invitations, consultations, visits, CSV import and export. */
@Module({
  imports: [PlanModule],
  controllers: [MembersController, PeopleController, PublicInvitationsController, ConsultationsController],
  providers: [
    MembersService,
    PeopleService,
    ConsultationsService,
    LogCorrectionsService,
    MemberActivityService,
    MemberImportService,
    MemberMailRenderers,
  ],
})
export class MembersModule {}
