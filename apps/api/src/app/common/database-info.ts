/** Which database the app runs on: a URL, and whether it is the embedded PGlite. */
export interface DatabaseInfo {
  url: string;
  embedded: boolean;
}

export const DATABASE_INFO = Symbol('DATABASE_INFO');
