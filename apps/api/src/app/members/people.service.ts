import { randomUUID } from 'crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type {
  AcceptInvitationResponse,
  Invitation,
  InvitationInfo,
  MemberPerson as PersonView,
} from '@chamber/contracts';
import type { AuthUser } from '../auth/auth.decorators';
import { UserAccount } from '../auth/entities/user-account.entity';
import { hashPassword } from '../auth/password';
import { checkNewPassword } from '../auth/password-policy';
import { conflict, forbidden, notFound } from '../common/errors';
import { LinkTokens, tokenHash } from '../common/link-tokens';
import { MailOutbox } from '../mail/mail-outbox.service';
import type { AcceptInvitationDto, InvitationDto, PersonDto, UpdatePersonDto } from './dto/people.dto';
import { MemberInvitation } from './entities/member-invitation.entity';
import { MemberPerson } from './entities/member-person.entity';
import { Member } from './entities/member.entity';
import { assertCanEdit, assertCanRead, isStaff } from './member-access';
import { toPerson } from './member-mapper';
import { definedOnly, memberNotFound } from './members.service';

export const INVITATION_DAYS = 7;
const personNotFound = () => notFound('person_not_found');
const invitationGone = () => notFound('invitation_not_found');

function toInvitation(i: MemberInvitation): Invitation {
  return {
    id: i.id,
    memberId: i.memberId,
    email: i.email,
    name: i.name,
    role: i.role,
    expiresAt: i.expiresAt.toISOString(),
    acceptedAt: i.acceptedAt?.toISOString() ?? null,
    createdAt: i.createdAt.toISOString(),
  };
}

/** A company's people (contacts) and the invitations that give them portal accounts. */
@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailOutbox,
    private readonly tokens: LinkTokens,
  ) {}

  async list(memberId: string, user: AuthUser): Promise<PersonView[]> {
    assertCanRead(user, memberId);
    await this.mustExist(this.dataSource.manager, memberId);
    const rows = await this.dataSource
      .getRepository(MemberPerson)
      .find({ where: { memberId }, order: { primary: 'DESC', nameKana: 'ASC' } });
    return rows.map(toPerson);
  }

  async add(memberId: string, dto: PersonDto, user: AuthUser): Promise<PersonView> {
    assertCanEdit(user, memberId);
    return this.dataSource.transaction(async (manager) => {
      await this.mustExist(manager, memberId, true);
      if (dto.primary) await manager.update(MemberPerson, { memberId }, { primary: false });
      const person = manager.create(MemberPerson, {
        ...definedOnly(dto),
        memberId,
        email: dto.email?.toLowerCase() ?? '',
        primary: dto.primary ?? false,
      });
      await manager.save(person);
      return toPerson(person);
    });
  }

  async update(memberId: string, personId: string, dto: UpdatePersonDto, user: AuthUser): Promise<PersonView> {
    assertCanEdit(user, memberId);
    return this.dataSource.transaction(async (manager) => {
      await this.mustExist(manager, memberId, true);
      const person = await manager.findOne(MemberPerson, { where: { id: personId, memberId } });
      if (!person) throw personNotFound();
      if (dto.primary) await manager.update(MemberPerson, { memberId }, { primary: false });
      Object.assign(person, definedOnly(dto));
      if (dto.email !== undefined) person.email = dto.email.toLowerCase();
      await manager.save(person);
      return toPerson(person);
    });
  }

  async remove(memberId: string, personId: string, user: AuthUser): Promise<void> {
    assertCanEdit(user, memberId);
    const result = await this.dataSource.getRepository(MemberPerson).delete({ id: personId, memberId });
    if (!result.affected) throw personNotFound();
  }

  /**
   * An invitation link, mailed in the same transaction (7 days). A member_admin invites employees
   * of their own company; staff may also invite a company's contact (member_admin).
   */
  async invite(memberId: string, dto: InvitationDto, user: AuthUser): Promise<Invitation> {
    assertCanEdit(user, memberId);
    const role = dto.role ?? 'member';
    if (role === 'member_admin' && !isStaff(user)) throw forbidden('contact_invite_staff_only');
    const email = dto.email.toLowerCase();
    return this.dataSource.transaction(async (manager) => {
      await this.mustExist(manager, memberId, true);
      if (await manager.existsBy(UserAccount, { email })) throw conflict('account_exists');
      // a new invitation replaces an earlier one still open for the same address
      await manager.update(
        MemberInvitation,
        { memberId, email, acceptedAt: IsNull(), revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      const id = randomUUID();
      const invitation = manager.create(MemberInvitation, {
        id,
        memberId,
        email,
        name: dto.name ?? '',
        role,
        tokenHash: this.tokens.hash('member_invitation', id),
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
        invitedBy: user.id,
      });
      await manager.save(invitation);
      await this.mail.enqueue(manager, {
        kind: 'member_invitation',
        to: email,
        relatedId: invitation.id,
        lang: dto.lang ?? 'ja',
        params: { name: dto.name ?? '' },
      });
      return toInvitation(invitation);
    });
  }

  async invitations(memberId: string, user: AuthUser): Promise<Invitation[]> {
    assertCanEdit(user, memberId);
    const rows = await this.dataSource
      .getRepository(MemberInvitation)
      .find({ where: { memberId, revokedAt: IsNull() }, order: { createdAt: 'DESC' }, take: 200 });
    return rows.map(toInvitation);
  }

  async revoke(memberId: string, invitationId: string, user: AuthUser): Promise<void> {
    assertCanEdit(user, memberId);
    const result = await this.dataSource
      .getRepository(MemberInvitation)
      .update({ id: invitationId, memberId, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected) throw invitationGone();
  }

  /** What the accept page shows; unknown, used, revoked and expired tokens all answer 404. */
  async info(token: string): Promise<InvitationInfo> {
    const inv = await this.openInvitation(this.dataSource.manager, token);
    const member = await this.dataSource.getRepository(Member).findOneByOrFail({ id: inv.memberId });
    return { email: inv.email, companyName: member.name, role: inv.role, expiresAt: inv.expiresAt.toISOString() };
  }

  /** Creates the portal account (argon2 hash), linked to the company's person of that email if any; once only. */
  async accept(token: string, dto: AcceptInvitationDto): Promise<AcceptInvitationResponse> {
    const open = await this.openInvitation(this.dataSource.manager, token);
    checkNewPassword(dto.password, open.email, 'password');
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const inv = await this.openInvitation(manager, token, true);
      if (await manager.existsBy(UserAccount, { email: inv.email })) throw conflict('account_exists');
      const account = manager.create(UserAccount, {
        email: inv.email,
        passwordHash,
        role: inv.role,
        memberId: inv.memberId,
        displayName: dto.displayName || inv.name,
        active: true,
      });
      await manager.save(account);
      inv.acceptedAt = new Date();
      inv.userAccountId = account.id;
      await manager.save(inv);
      const person = await manager.findOne(MemberPerson, { where: { memberId: inv.memberId, email: inv.email } });
      if (person) await manager.update(MemberPerson, person.id, { userAccountId: account.id });
      return { userId: account.id, email: account.email, role: inv.role, memberId: inv.memberId };
    });
  }

  private async openInvitation(manager: EntityManager, token: string, lock = false): Promise<MemberInvitation> {
    const inv = await manager.findOne(MemberInvitation, {
      where: { tokenHash: tokenHash(token) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!inv || inv.revokedAt || inv.expiresAt.getTime() < Date.now()) throw invitationGone();
    if (inv.acceptedAt) throw conflict('invitation_used');
    return inv;
  }

  private async mustExist(manager: EntityManager, memberId: string, lock = false): Promise<Member> {
    const member = await manager.findOne(Member, {
      where: { id: memberId },
      ...(lock ? { lock: { mode: 'pessimistic_read' as const } } : {}),
    });
    if (!member) throw memberNotFound();
    return member;
  }
}
