import type { DB } from '../client';

/**
 * Runs `fn` in one write transaction (BEGIN IMMEDIATE, so two writers queue instead of failing
 * half-way). Every drizzle call on `db` inside it belongs to the transaction; throwing rolls
 * everything back, audit rows included.
 */
export function writeTransaction<T>(db: DB, fn: () => T): T {
  return db.$client.transaction(fn).immediate();
}
