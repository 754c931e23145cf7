import { Logger } from '@nestjs/common';
import type { Duplex } from 'stream';
import { DataSource } from 'typeorm';
import { Plan } from '../plan/entities/plan.entity';
import { insertPlan } from '../plan/seed/insert-plan';
import { PLAN_2019_2021 } from '../plan/seed/plan-seed';
import { dataSourceOptions } from './data-source-options';
import { seedDemoAccounts, seedDemoActivity } from './seed/demo-seed';

/**
 * Brings a database to the current schema and seeds what every chamber needs (the plan); in
 * development also the demo accounts and a little activity. Safe to run on every start.
 */
export async function prepareDatabase(
  url: string,
  options: { seedDemo: boolean; now?: Date; embedded?: boolean; stream?: () => Duplex },
): Promise<void> {
  const logger = new Logger('Database');
  const ds = new DataSource(dataSourceOptions(url, { poolSize: options.embedded ? 1 : 2, stream: options.stream }));
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    if (applied.length) logger.log(`applied ${applied.length} migration(s)`);
    await ds.transaction(async (manager) => {
      // one starter at a time (several instances may start together against one database)
      await manager.query('SELECT pg_advisory_xact_lock(20190401)');
      if ((await manager.count(Plan)) === 0) {
        await insertPlan(manager, PLAN_2019_2021);
        logger.log('seeded the FY2019–FY2021 action plan');
      }
      if (options.seedDemo && (await seedDemoActivity(manager, options.now ?? new Date()))) {
        logger.log('seeded the demo activity (development only)');
      }
      if (options.seedDemo && (await seedDemoAccounts(manager))) {
        logger.log('seeded the demo accounts (development only)');
      }
    });
  } finally {
    await ds.destroy();
  }
}
