// Compares the entities with a freshly migrated database. With a name, writes the difference as the
// next migration in migrations/ (review it, then add it to migrations/index.ts); without, prints it.
// Usage: npm run migration:generate -- AddEvents
import { writeFileSync } from 'fs';
import { join } from 'path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../app/database/data-source-options';
import { createScratchDatabase, dropDatabase } from './databases';

function line(q: { query: string; parameters?: unknown[] }): string {
  const params = q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : '';
  return `    await q.query(\`${q.query.replace(/`/g, '\\`')}\`${params});`;
}

async function main(): Promise<void> {
  const name = process.argv[2];
  const url = await createScratchDatabase('schemadiff');
  const ds = new DataSource(dataSourceOptions(url));
  try {
    await ds.initialize();
    await ds.runMigrations();
    const sql = await ds.driver.createSchemaBuilder().log();
    if (!sql.upQueries.length) {
      console.log('The entities and the migrations agree: nothing to generate.');
      return;
    }
    const up = sql.upQueries.map(line).join('\n');
    const down = [...sql.downQueries].reverse().map(line).join('\n');
    if (!name) {
      console.log(`-- up\n${up}\n-- down\n${down}`);
      return;
    }
    const stamp = Date.now();
    const className = `${name}${stamp}`;
    const file = join(
      __dirname,
      '../../../../migrations',
      `${stamp}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.ts`,
    );
    writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  public async up(q: QueryRunner): Promise<void> {\n${up}\n  }\n\n  public async down(q: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    console.log(`wrote ${file} (${className}); add it to migrations/index.ts`);
  } finally {
    await ds.destroy();
    await dropDatabase(url);
  }
}

void main();
