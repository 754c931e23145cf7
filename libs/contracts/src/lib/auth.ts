export const ROLES = ['admin', 'staff', 'manager', 'member_admin', 'member'] as const;
export type Role = (typeof ROLES)[number];

/** Roles of the chamber's own people (as opposed to member companies). */
export const CHAMBER_ROLES: readonly Role[] = ['admin', 'staff', 'manager'];
/** Roles that may change the chamber's records. */
export const STAFF_ROLES: readonly Role[] = ['admin', 'staff'];
export const MEMBER_ROLES: readonly Role[] = ['member_admin', 'member'];

export interface LoginRequest {
  email: string;
  password: string;
}

export interface SessionUser {
  id: string;
  email: string;
  role: Role;
  memberId: string | null;
  displayName?: string;
}

export interface LoginResponse {
  accessToken: string;
  user: SessionUser;
}
