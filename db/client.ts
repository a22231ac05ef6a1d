/**
 * Opens a SQLite database with the portal's settings and applies migrations — nothing else.
 * Writing data (the sample seed, the reference data, the default subsidy rules offered to an
 * older database) belongs to the database commands in db/cli/run.ts, so opening a connection
 * never changes rows and the seed modules need not be imported here.
 * No 'server-only' here: the command-line tools and unit tests use it too.
 * Pages and actions go through db/index.ts instead.
 */
import path from 'node:path';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { DEFAULT_DATABASE_PATH, serverConfig } from './config';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export { DEFAULT_DATABASE_PATH } from './config';

/** The database file: DATABASE_PATH (db/config.ts) or the default, from the working directory. */
export function resolveDatabasePath(given = serverConfig().databasePath): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), given || DEFAULT_DATABASE_PATH);
}

const MIGRATIONS = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'db/migrations');

/** Opens (creating if needed) the database file and brings its schema up to date. */
export function openDatabase(file = resolveDatabasePath()): DB {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema }) as DB;
  migrate(db, { migrationsFolder: MIGRATIONS });
  return db;
}

const globalForDb = globalThis as unknown as { __portalDb?: DB };

/** The process-wide connection (kept on globalThis so dev reloads reuse it). */
export function sharedDatabase(): DB {
  globalForDb.__portalDb ??= openDatabase();
  return globalForDb.__portalDb;
}
