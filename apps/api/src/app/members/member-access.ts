import type { Role } from '@chamber/contracts';
import { CHAMBER_ROLES, STAFF_ROLES } from '@chamber/contracts';
import type { AuthUser } from '../auth/auth.decorators';
import { forbidden } from '../common/errors';

const isOneOf = (role: Role, roles: readonly Role[]) => roles.includes(role);

/** Chamber people read every company; a company's own people read only theirs (403 otherwise). */
export function assertCanRead(user: AuthUser, memberId: string): void {
  if (isOneOf(user.role, CHAMBER_ROLES)) return;
  if (user.memberId === memberId && (user.role === 'member_admin' || user.role === 'member')) return;
  throw forbidden('other_member_records');
}

/** Staff change every company; a member_admin only their own (403 otherwise). */
export function assertCanEdit(user: AuthUser, memberId: string): void {
  if (isOneOf(user.role, STAFF_ROLES)) return;
  if (user.role === 'member_admin' && user.memberId === memberId) return;
  throw forbidden('member_records_read_only');
}

export const isStaff = (user: AuthUser) => isOneOf(user.role, STAFF_ROLES);
export const isChamber = (user: AuthUser) => isOneOf(user.role, CHAMBER_ROLES);
