/** The one database connection the server uses. Server code only. */
import 'server-only';
import { sharedDatabase, type DB } from './client';

/** Returns the shared connection, opening it (and migrating) on first use. */
export function getDb(): DB {
  return sharedDatabase();
}

export type { DB };
