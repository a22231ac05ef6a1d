/**
 * Reading the change log (migration 0007): triggers on the content tables append
 * (entity, entity_id) with an increasing seq. Raw SQL lives here only; every index polls it.
 */
import type Database from 'better-sqlite3';
import type { DB } from '../../client';

export type Change = { seq: number; entity: string; entityId: number };

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
 * The changes after `since` up to `upTo`, or null when some were pruned (or the log was reset)
 * so the caller must rebuild.
 */
export function changesSince(db: DB, since: number, upTo: number, limit: number): Change[] | null {
  // Asked on the first query after every save: prepared once per connection.
  let s = reads.get(db);
  if (!s) {
    const c = db.$client;
    s = {
      min: c.prepare<[]>('SELECT min(seq) FROM change_log').pluck(),
      since: c.prepare<[number, number, number]>('SELECT seq, entity, entity_id AS entityId FROM change_log WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?'),
    };
    reads.set(db, s);
  }
  const min = (s.min.get() as number | null) ?? 0;
  if (upTo < since || (min > since + 1 && since > 0) || (since === 0 && min > 1)) return null;
  const rows = s.since.all(since, upTo, limit + 1) as Change[];
  return rows.length > limit ? null : rows;
}

const reads = new WeakMap<DB, { min: Database.Statement<[]>; since: Database.Statement<[number, number, number]> }>();

/** Drops old rows once the log is long (any node may; one far behind rebuilds). */
let prunedAt = 0;
export function pruneChanges(db: DB, head: number): void {
  if (head - prunedAt < KEEP / 4 || head <= KEEP) return;
  prunedAt = head;
  db.$client.prepare('DELETE FROM change_log WHERE seq <= ?').run(head - KEEP);
}
