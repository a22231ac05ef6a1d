import { sql, type SQL } from 'drizzle-orm';

/**
 * A set of ids as one bound JSON parameter: `(SELECT value FROM json_each(?))`. Use it with
 * `inArray(column, idSet(ids))` where the list can be longer than SQLite's limit on bound
 * parameters (a CSV of 100 000 runs). Raw SQL because json_each is SQLite's own.
 */
export function idSet(ids: readonly number[]): SQL {
  return sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

/**
 * A set of ids bound at execution: `inArray(column, idsParam('ids'))` in a statement prepared
 * once (see perConnection), then `.all({ ids: JSON.stringify(list) })`.
 */
export function idsParam(name: string): SQL {
  return sql`(SELECT value FROM json_each(${sql.placeholder(name)}))`;
}

/**
 * Something built once per database connection (prepared statements read on every request):
 * built on first use for a connection, then reused. Tests open their own connections.
 */
export function perConnection<C extends object, T>(build: (db: C) => T): (db: C) => T {
  const built = new WeakMap<C, T>();
  return (db) => {
    let t = built.get(db);
    if (t === undefined) built.set(db, (t = build(db)));
    return t;
  };
}
