import type { Duplex } from 'stream';
import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@chamber/migrations';
import { ENTITIES } from './entities';
import { KpiNotifySubscriber } from './kpi-notify.subscriber';

/** One set of options for the app, the tests and the migration tooling. Never `synchronize`. */
export function dataSourceOptions(
  url: string,
  extra: { poolSize?: number; stream?: () => Duplex } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    subscribers: [KpiNotifySubscriber],
    migrationsTableName: 'typeorm_migrations',
    migrationsRun: false,
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+ and PGlite: no extension to install
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    // failed queries reach the exception filter; TypeORM's own log would print their parameters (personal data)
    logging: false,
    poolSize: extra.poolSize ?? 10,
    // `stream`: each pooled connection of the embedded engine is an in-process stream (no port)
    extra: { max: extra.poolSize ?? 10, ...(extra.stream ? { stream: extra.stream } : {}) },
  };
}
