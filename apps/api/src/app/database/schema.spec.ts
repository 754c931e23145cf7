import { DataSource } from 'typeorm';
import { createScratchDatabase, dropDatabase } from '../../testing/databases';
import { dataSourceOptions } from './data-source-options';

describe('schema', () => {
  it('the entities and the migrations agree (no pending schema change), and every migration reverts', async () => {
    const url = await createScratchDatabase('schema');
    const ds = new DataSource(dataSourceOptions(url, { poolSize: 2 }));
    try {
      await ds.initialize();
      await ds.runMigrations({ transaction: 'each' });
      const pending = await ds.driver.createSchemaBuilder().log();
      // a failure lists the SQL of the missing migration: npm run migration:generate -- Name
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      for (let i = 0; i < ds.migrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      const tables = (await ds.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'typeorm_migrations'`,
      )) as unknown[];
      expect(tables).toEqual([]);
    } finally {
      await ds.destroy();
      await dropDatabase(url);
    }
  });
});
