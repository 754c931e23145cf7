// Every migration, in order. Listed explicitly so that the API bundle carries them.
import { Foundation1795696449104 } from './1795696449104-foundation';

export const MIGRATIONS = [Foundation1795696449104];
