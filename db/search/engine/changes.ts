/**
 * Reading the change log (migration 0007): triggers on the content tables append
 * (entity, entity_id) with an increasing seq. Raw SQL lives here only; every index polls it.
 */
import type Database from 'better-sqlite3';
import type { DB } from '../../client';

/** A record changed (once, however many times it was saved in the range). */
export type Change = { entity: string; entityId: number };

/** Keep at most this many rows; an index further behind rebuilds. */
const KEEP = 20_000;

const heads = new WeakMap<DB, { seq: Database.Statement<[]>; version: Database.Statement<[]> }>();

/** The newest seq (0 when the log is empty) and `PRAGMA data_version` (moves when another connection commits). */
export function changeHead(db: DB): { seq: number; dataVersion: number } {
  // Asked on every query: the two statements are prepared once per connection.
  let s = heads.get(db);
  if (!s) {
    s = { seq: db.$client.prepare<[]>('SELECT max(seq) FROM change_log').pluck(), version: db.$client.prepare<[]>('PRAGMA data_version').pluck() };
    heads.set(db, s);
  }
  return { seq: (s.seq.get() as number | null) ?? 0, dataVersion: s.version.get() as number };
}

/**
 * The records of these entities changed after `since` up to `upTo`, each once (a run saved 500
 * times is one change), or null when there are more than `limit`, or some were pruned (or the
 * log was reset), so the caller must rebuild. Other entities' changes do not count: a list
 * nobody searched while many stations were saved is not rebuilt for them.
 */
export function changesSince(db: DB, entities: readonly string[], since: number, upTo: number, limit: number): Change[] | null {
  // Asked on the first query after every save: prepared once per connection.
  let s = reads.get(db);
  if (!s) {
    const c = db.$client;
    s = {
      min: c.prepare<[]>('SELECT min(seq) FROM change_log').pluck(),
      since: c.prepare<[number, number, string, number]>(
        `SELECT entity, entity_id AS entityId FROM change_log
          WHERE seq > ? AND seq <= ? AND entity IN (SELECT value FROM json_each(?))
          GROUP BY entity, entity_id LIMIT ?`,
      ),
    };
    reads.set(db, s);
  }
  const min = (s.min.get() as number | null) ?? 0;
  if (upTo < since || (min > since + 1 && since > 0) || (since === 0 && min > 1)) return null;
  if (entities.length === 0) return [];
  const rows = s.since.all(since, upTo, JSON.stringify(entities), limit + 1) as Change[];
  return rows.length > limit ? null : rows;
}

const reads = new WeakMap<DB, { min: Database.Statement<[]>; since: Database.Statement<[number, number, string, number]> }>();

/** Drops old rows once the log is long (any node may; one far behind rebuilds). */
let prunedAt = 0;
export function pruneChanges(db: DB, head: number): void {
  if (head - prunedAt < KEEP / 4 || head <= KEEP) return;
  prunedAt = head;
  db.$client.prepare('DELETE FROM change_log WHERE seq <= ?').run(head - KEEP);
}
