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
  /** the authenticator app's 6-digit code, once TOTP is enrolled */
  totp?: string;
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

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface PasswordResetRequest {
  email: string;
}

export interface PasswordResetConfirmRequest {
  token: string;
  newPassword: string;
}

export interface TotpEnrolResponse {
  otpauthUrl: string;
}

export interface TotpConfirmRequest {
  code: string;
}

/** An account as an admin lists it. */
export interface UserAccountView {
  id: string;
  email: string;
  role: Role;
  memberId: string | null;
  displayName: string;
  active: boolean;
  lastLoginAt: string | null;
  totpEnrolled: boolean;
}

export interface DeactivateUserResponse {
  id: string;
  active: false;
}

/** Passwords are at least this long (and not a common one). */
export const PASSWORD_MIN_LENGTH = 12;
