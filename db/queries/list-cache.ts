/**
 * Small in-process caches for public reads (list orders, facet counts, page HTML), emptied the
 * moment content changes. Server code only; one process, one connection.
 *
 * The change stamp is kept by the database itself, so no writer has to remember to invalidate:
 * - `content_version.n` is bumped by a trigger on every write to every content table (migration
 *   0006) — an admin's save, an import, a seed — and by nothing else: sign-ins, sessions, the audit
 *   log and zero-result searches leave the caches alone;
 * - `PRAGMA data_version` moves when ANOTHER connection commits (a CLI reset, a restore), which
 *   could rebuild the content and land on the same counter.
 */
import type Database from 'better-sqlite3';
import { sharedDatabase } from '../client';

/** The content's change stamp on `client` (the shared connection by default). */
export function changeStamp(client: Database.Database = sharedDatabase().$client): string {
  const dataVersion = client.pragma('data_version', { simple: true }) as number;
  const n = client.prepare('SELECT n FROM content_version WHERE id = 1').pluck().get() as number | undefined;
  return `${dataVersion}:${n ?? 0}`;
}

/** Every cache made by `stampedCache`, so a benchmark (or a test) can empty them all at once. */
const registry = new Set<StampedCache<unknown>>();

export type StampedCache<V> = {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  clear(): void;
  readonly size: number;
};

/**
 * A least-recently-used map of at most `capacity` entries that forgets everything when the
 * change stamp moves. `stamp` is injectable for tests.
 */
export function stampedCache<V>(capacity: number, stamp: () => string = () => changeStamp()): StampedCache<V> {
  const map = new Map<string, V>();
  let seen = '';
  const fresh = () => {
    const now = stamp();
    if (now !== seen) {
      map.clear();
      seen = now;
    }
  };
  const cache: StampedCache<V> = {
    get(key) {
      fresh();
      const hit = map.get(key);
      if (hit !== undefined) {
        // re-insert: the oldest entry is the first to go when full
        map.delete(key);
        map.set(key, hit);
      }
      return hit;
    },
    set(key, value) {
      fresh();
      if (!map.has(key) && map.size >= capacity) map.delete(map.keys().next().value!);
      map.set(key, value);
    },
    clear() {
      map.clear();
    },
    get size() {
      return map.size;
    },
  };
  registry.add(cache as StampedCache<unknown>);
  return cache;
}

/** Empties every stamped cache (the benchmark's "cold" runs). */
export function clearListCaches(): void {
  for (const c of registry) c.clear();
}
