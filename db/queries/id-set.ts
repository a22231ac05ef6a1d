import { sql, type SQL } from 'drizzle-orm';

/**
 * A set of ids as one bound JSON parameter: `(SELECT value FROM json_each(?))`. Use it with
 * `inArray(column, idSet(ids))` where the list can be longer than SQLite's limit on bound
 * parameters (a CSV of 100 000 runs). Raw SQL because json_each is SQLite's own.
 */
export function idSet(ids: readonly number[]): SQL {
  return sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}
