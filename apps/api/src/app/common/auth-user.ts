import type { SessionUser } from '@chamber/contracts';

/** Who is calling, as every layer reads it from the request (set by the auth guard). */
export type AuthUser = SessionUser;
