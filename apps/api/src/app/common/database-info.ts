import type { Duplex } from 'stream';

/** Which database the app runs on: a URL, and whether it is the embedded PGlite. */
export interface DatabaseInfo {
  url: string;
  embedded: boolean;
  /** the embedded engine's in-process connections (node-postgres' `stream` option): it has no port */
  stream?: () => Duplex;
}

export const DATABASE_INFO = Symbol('DATABASE_INFO');
