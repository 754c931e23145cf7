import { CHAMBER_ROLES, STAFF_ROLES } from '@chamber/contracts';
import type { AuthUser } from '../auth/auth.decorators';
import { forbidden } from '../common/errors';

export interface OwnedRegistration {
  userId: string | null;
  memberId: string | null;
  email: string;
}

const isOwn = (user: AuthUser, r: OwnedRegistration) => r.userId === user.id || r.email === user.email.toLowerCase();

/** Reading a registration: the chamber's people; a member_admin for the company; a member for self. */
export function mayReadRegistration(user: AuthUser, r: OwnedRegistration): boolean {
  if (CHAMBER_ROLES.includes(user.role)) return true;
  if (user.role === 'member_admin' && user.memberId && r.memberId === user.memberId) return true;
  return isOwn(user, r);
}

/** Changing one (cancelling): staff; a member_admin for the company; a member for self (managers read only). */
export function mayChangeRegistration(user: AuthUser, r: OwnedRegistration): boolean {
  if (STAFF_ROLES.includes(user.role)) return true;
  if (user.role === 'manager') return false;
  return mayReadRegistration(user, r);
}

export function notYours() {
  return forbidden('not_your_registration');
}
