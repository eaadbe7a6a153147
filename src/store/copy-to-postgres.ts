import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import { StoreError } from './errors.ts';
import { inTransaction } from './pg-posts.ts';
import { PgStore } from './pg.ts';
import { clean } from './pg-text.ts';
import { MIGRATIONS } from './sqlite-migrations.ts';

/** Parents before children (answers reference posts); tables added later (installations, …) follow by name. */
const ORDER = ['schedules', 'posts', 'answers', 'reviews', 'gaps', 'uploads', 'conversations', 'practice_asks', 'feedback', 'seen_events'];
/** Tables whose key is a generated id: a row already there under the same id must be the same row. */
const SERIAL = new Set(['posts', 'practice_asks', 'feedback']);
const BATCH = 500;

export interface TableCopy {
  table: string;
  /** Rows in the SQLite table. */
  source: number;
  copied: number;
  /** Rows whose key was already in Postgres (copied by an earlier run, or newer there): left as they are. */
  present: number;
}

type Row = Record<string, unknown>;

/**
 * Copy every tutor table of a SQLite database into Postgres (migrating it first). Idempotent:
 * rows whose key is already there are left alone, so running it again copies nothing twice.
 * Refuses, before copying anything into that table, when an id-keyed row there is a different
 * row (the target was used on its own: merging would lose or mix data).
 */
export async function copySqliteToPostgres(sqliteFile: string, url: string): Promise<TableCopy[]> {
  const Db = createRequire(import.meta.url)('better-sqlite3') as typeof Database;
  let lite: Database.Database;
  try {
    lite = new Db(sqliteFile, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new StoreError(`${sqliteFile}: cannot be opened (${(err as Error).message})`);
  }
  try {
    // One read transaction: every table is copied from the same moment, even while the bot writes.
    lite.exec('BEGIN');
    const version = lite.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) throw new StoreError(`${sqliteFile}: schema version ${version} is newer than this build knows (${MIGRATIONS.length}); run a newer tutor`);
    const store = await PgStore.open(url, { max: 2 });
    try {
      const pgColumns = await columnsInPostgres(store);
      const liteTables = (lite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
      const tables = liteTables.filter((t) => pgColumns.has(t)).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
      const out: TableCopy[] = [];
      for (const table of tables) out.push(await copyTable(lite, store, table, pgColumns.get(table)!, `${sqliteFile}`));
      return out;
    } finally {
      await store.close();
    }
  } finally {
    lite.close();
  }
}

const rank = (t: string) => (ORDER.includes(t) ? ORDER.indexOf(t) : ORDER.length);

async function columnsInPostgres(store: PgStore): Promise<Map<string, { columns: Set<string>; key: string[] }>> {
  const cols = await store.pool.query("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'");
  const keys = await store.pool.query(
    `SELECT t.relname AS table_name, a.attname AS column_name FROM pg_index i
     JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
     WHERE i.indisprimary AND n.nspname = 'public' ORDER BY t.relname, k.ord`,
  );
  const out = new Map<string, { columns: Set<string>; key: string[] }>();
  for (const r of cols.rows as { table_name: string; column_name: string }[]) {
    if (r.table_name === 'schema_migrations') continue;
    if (!out.has(r.table_name)) out.set(r.table_name, { columns: new Set(), key: [] });
    out.get(r.table_name)!.columns.add(r.column_name);
  }
  for (const r of keys.rows as { table_name: string; column_name: string }[]) out.get(r.table_name)?.key.push(r.column_name);
  return out;
}

async function copyTable(lite: Database.Database, store: PgStore, table: string, target: { columns: Set<string>; key: string[] }, file: string): Promise<TableCopy> {
  const columns = (lite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name).filter((c) => target.columns.has(c));
  const missing = target.key.filter((k) => !columns.includes(k));
  if (missing.length) throw new StoreError(`${file}: table ${table} has no ${missing.join(', ')} column to copy`);
  const result: TableCopy = { table, source: 0, copied: 0, present: 0 };
  const list = columns.map((c) => `"${c}"`).join(', ');
  const keyList = target.key.map((c) => `"${c}"`).join(', ');
  const rows = lite.prepare(`SELECT ${list} FROM "${table}" ORDER BY ${keyList}`).iterate() as IterableIterator<Row>;
  let batch: Row[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const done = await insertBatch(store, table, columns, target.key, batch, file);
    result.copied += done;
    result.present += batch.length - done;
    result.source += batch.length;
    batch = [];
  };
  for (const row of rows) {
    // Postgres text holds no NUL characters; SQLite may have kept some from what people typed.
    for (const c of columns) if (typeof row[c] === 'string') row[c] = clean(row[c] as string);
    batch.push(row);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  // Ids copied as they were: the sequence continues after the highest.
  if (SERIAL.has(table)) await store.pool.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE((SELECT MAX(id) FROM "${table}"), 0) + 1, false)`);
  return result;
}

/** Insert one batch in one transaction; returns how many rows were new. */
async function insertBatch(store: PgStore, table: string, columns: string[], key: string[], batch: Row[], file: string): Promise<number> {
  const values: unknown[] = [];
  const placeholder = (v: unknown): string => {
    values.push(v ?? null);
    return `$${values.length}`;
  };
  const tuples = batch.map((row) => `(${columns.map((c) => placeholder(row[c])).join(', ')})`);
  const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (${key.map((c) => `"${c}"`).join(', ')}) DO NOTHING RETURNING ${key.map((c) => `"${c}"`).join(', ')}`;
  return inTransaction(store.pool, async (client) => {
    const inserted = await client.query(sql, values);
    if (SERIAL.has(table) && inserted.rowCount !== batch.length) {
      const fresh = new Set(inserted.rows.map((r: Row) => String(r.id)));
      const skipped = batch.filter((r) => !fresh.has(String(r.id)));
      const there = await client.query(`SELECT * FROM "${table}" WHERE id = ANY($1::bigint[])`, [skipped.map((r) => r.id)]);
      const byId = new Map(there.rows.map((r: Row) => [String(r.id), r]));
      for (const r of skipped) {
        const other = byId.get(String(r.id));
        const differs = !other || columns.some((c) => String(other[c] ?? '') !== String(r[c] ?? ''));
        if (differs) throw new StoreError(`${table} id ${String(r.id)}: Postgres already holds a different row under this id; copy ${file} into an empty database`);
      }
    }
    return inserted.rowCount ?? 0;
  });
}
