// Imported first by main.ts, so that this runs before the rest of the server loads.
import { beginEarlyCopy } from './app/database/embedded-first-copy';

beginEarlyCopy();
