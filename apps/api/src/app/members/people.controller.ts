import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AcceptInvitationResponse, Invitation, InvitationInfo, MemberPerson } from '@chamber/contracts';
import { AuthUser, CurrentUser, Public, Roles } from '../auth/auth.decorators';
import { RateLimit } from '../common/rate-limit';
import { AcceptInvitationDto, InvitationDto, PersonDto, UpdatePersonDto } from './dto/people.dto';
import { OwnCompanyGuard } from './own-company.guard';
import { PeopleService } from './people.service';

/** A company's people and invitations: staff for every company, a member_admin for their own. */
@ApiTags('members')
@ApiBearerAuth()
@Controller('members/:id')
@UseGuards(OwnCompanyGuard)
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  /** A member company's people */
  @Get('people')
  list(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<MemberPerson[]> {
    return this.people.list(id, user);
  }

  /** Add a person to a member company */
  @Roles('staff', 'admin', 'member_admin')
  @Post('people')
  add(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PersonDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MemberPerson> {
    return this.people.add(id, dto, user);
  }

  /** Change a person of a member company */
  @Roles('staff', 'admin', 'member_admin')
  @Patch('people/:personId')
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('personId', ParseUUIDPipe) personId: string,
    @Body() dto: UpdatePersonDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MemberPerson> {
    return this.people.update(id, personId, dto, user);
  }

  /** Remove a person from a member company */
  @Roles('staff', 'admin', 'member_admin')
  @Delete('people/:personId')
  @HttpCode(204)
  remove(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('personId', ParseUUIDPipe) personId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    return this.people.remove(id, personId, user);
  }

  /** Mails an invitation link (7 days); the invitee sets a password and gets a `member` account. */
  @Roles('staff', 'admin', 'member_admin')
  @Post('invitations')
  invite(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: InvitationDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Invitation> {
    return this.people.invite(id, dto, user);
  }

  /** A member company's open invitations */
  @Roles('staff', 'admin', 'member_admin')
  @Get('invitations')
  invitations(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<Invitation[]> {
    return this.people.invitations(id, user);
  }

  /** Withdraw an invitation */
  @Roles('staff', 'admin', 'member_admin')
  @Delete('invitations/:invitationId')
  @HttpCode(204)
  revoke(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('invitationId', ParseUUIDPipe) invitationId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    return this.people.revoke(id, invitationId, user);
  }
}

/** The invitee's side: no account yet, so public and rate-limited. */
@ApiTags('members')
@Controller('public/invitations/:token')
export class PublicInvitationsController {
  constructor(private readonly people: PeopleService) {}

  /** What an invitation is for (by its token) */
  @Public()
  @RateLimit('public')
  @Get()
  info(@Param('token') token: string): Promise<InvitationInfo> {
    return this.people.info(token.slice(0, 200));
  }

  /** Accept an invitation and open an account */
  @Public()
  @RateLimit('public')
  @Post('accept')
  accept(@Param('token') token: string, @Body() dto: AcceptInvitationDto): Promise<AcceptInvitationResponse> {
    return this.people.accept(token.slice(0, 200), dto);
  }
}
