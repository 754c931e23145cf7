import type { SessionUser } from '@chamber/contracts';

/** Who is calling, as every layer reads it from the request (set by the auth guard). */
export type AuthUser = SessionUser & {
  /** the session the token belongs to (log-out revokes it) */
  sessionId?: string;
  /** when the token expires (ms since the epoch): event streams close then */
  expiresAt?: number;
  /** a second factor is enrolled for the account */
  totpEnrolled?: boolean;
  /** set when the caller is an API token (acting as staff in its maker's name, within its scopes) */
  apiToken?: { id: string; name: string; scopes: string[] };
};
