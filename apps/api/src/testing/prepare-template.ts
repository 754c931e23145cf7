// Migrates and seeds one database (argv[2]); run by the Jest global setup in its own process.
import { prepareDatabase } from '../app/database/prepare-database';

prepareDatabase(process.argv[2]!, { seedDemo: true }).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
