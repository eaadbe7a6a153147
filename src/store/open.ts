import { resolve } from 'node:path';
import type { Config } from '../config.ts';
import { PgStore } from './pg.ts';
import { SqliteStore } from './sqlite.ts';
import type { Store } from './types.ts';

export interface OpenedStore {
  store: Store;
  kind: 'postgres' | 'sqlite';
}

/** DATABASE_URL set: the shared Postgres store (migrated once across replicas); unset: SQLite in DATA_DIR. */
export async function openStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<OpenedStore> {
  if (config.databaseUrl) return { store: await PgStore.open(config.databaseUrl), kind: 'postgres' };
  return { store: SqliteStore.open(config.dataDir === ':memory:' ? ':memory:' : resolve(config.dataDir)), kind: 'sqlite' };
}
