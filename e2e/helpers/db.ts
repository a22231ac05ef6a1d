/**
 * Read-only access to the throwaway database the browser tests' server runs on, for finding
 * record ids and proving that a refused call changed nothing.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';

export const E2E_DB = path.resolve(process.env.E2E_DB ?? 'e2e/.tmp/e2e.sqlite');

/** Runs `fn` on a fresh read-only connection (sees everything the server has committed). */
export function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(E2E_DB, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** One value from a query, e.g. scalar('SELECT id FROM courses WHERE provider_id = 1 LIMIT 1'). */
export function scalar<T = number>(sql: string, ...params: unknown[]): T {
  return withDb((db) => {
    const row = db.prepare(sql).raw().get(...params) as unknown[] | undefined;
    if (!row) throw new Error(`no row for: ${sql}`);
    return row[0] as T;
  });
}

/** Tables whose rows record attempts (sign-ins, zero-result searches) and keep sessions alive rather than content. */
const VOLATILE = new Set(['login_attempts', 'admin_sessions', 'search_misses']);

/**
 * A digest of every row of every content table (and the audit log). Equal digests before and
 * after a call mean the call wrote nothing.
 */
export function fingerprint(): string {
  return withDb((db) => {
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[])
      .map((t) => t.name)
      .filter((n) => !VOLATILE.has(n) && !n.startsWith('search_fts'));
    // One line per table, so a failed comparison names the table that changed.
    const lines: string[] = [];
    for (const t of tables) {
      const h = createHash('sha256');
      // Every column in order: a WITHOUT ROWID table (search_grams) has no rowid to sort by.
      const n = db.prepare(`SELECT * FROM "${t}" LIMIT 0`).columns().length;
      const order = Array.from({ length: n }, (_, i) => i + 1).join(', ');
      for (const row of db.prepare(`SELECT * FROM "${t}" ORDER BY ${order}`).raw().iterate() as Iterable<unknown[]>) h.update(JSON.stringify(row) + '\n');
      lines.push(`${t} ${h.digest('hex').slice(0, 16)}`);
    }
    return lines.join('\n');
  });
}
