/**
 * Zero-result searches: counted per Beijing day when a resident's search finds nothing, and
 * read back, summed over a period, for 管理员 and 编辑 (page /admin/search-misses).
 *
 * Stored per (kind, words, filters, day): the count and the last time. Nothing else — no
 * address (one is used, in memory only, to cap how much each address adds per day), no session,
 * no position; probes (SQL, markup, overlong or punctuation-heavy words) are not counted; the words have phone, ID and e-mail-like parts masked
 * (db/domain/search-misses.ts). Rows older than KEEP_DAYS are deleted the first time a miss is
 * recorded on each Beijing day (per server process), so the table never grows without bound.
 */
import 'server-only';
import { and, asc, count, desc, eq, gte, lt, max, sql, sum } from 'drizzle-orm';
import { getDb } from '@/db';
import type { DB } from '@/db/client';
import type { SearchMissKind } from '@/db/enums';
import { occupations, places, searchMisses, services, streets, targetGroups } from '@/db/schema';
import { KEEP_DAYS, looksLikeScan, pageOf, rerunHref, searchMissKey, type SearchMissKey } from '@/db/domain/search-misses';
import { addDays, beijingToday } from '@/db/domain/time';
import type { MissSort } from '@/db/validation/search-misses';

let prunedOn: string | null = null;

/** At most this many zero-result searches are counted from one address per Beijing day. */
export const MISSES_PER_ADDRESS_PER_DAY = 30;
/** At most this many different searches (new rows) are kept per Beijing day; repeats still count. */
export const NEW_MISSES_PER_DAY = 500;
/** Addresses tracked per day; past this a new address is not counted (a flood must not grow memory). */
const MAX_TRACKED_ADDRESSES = 50_000;

/**
 * How many misses each address has had counted today. Memory only, and only the number: the
 * address is never written down, least of all beside the words. Forgotten when the Beijing day
 * changes (and at every restart).
 */
const perAddress = { day: '', counts: new Map<string, number>() };

/** Takes one of `address`'s misses for `day`; false when it has used them all. */
function takeAddressAllowance(address: string, day: string): boolean {
  if (perAddress.day !== day) {
    perAddress.day = day;
    perAddress.counts.clear();
  }
  const used = perAddress.counts.get(address) ?? 0;
  if (used >= MISSES_PER_ADDRESS_PER_DAY) return false;
  if (used === 0 && perAddress.counts.size >= MAX_TRACKED_ADDRESSES) return false;
  perAddress.counts.set(address, used + 1);
  return true;
}

/** For unit tests: forget today's per-address counts. */
export function resetSearchMissAllowances(): void {
  perAddress.day = '';
  perAddress.counts.clear();
}

/**
 * Counts one search that found nothing: `query` is the search's canonical query string (its
 * result's `query`). Skipped for a page after the first, for a search with neither words nor
 * filters, for probes (db/domain/search-misses.ts isProbe), past an address's
 * MISSES_PER_ADDRESS_PER_DAY, and — for a search not yet counted today — past NEW_MISSES_PER_DAY.
 * `address` (the client address, db/auth/client-ip.ts) is used for counting only; null when there
 * is no client (scripts). Returns whether a row was written. Never throws: a failed write is
 * logged and the resident's page carries on.
 */
export function recordSearchMiss(kind: SearchMissKind, query: string, now: Date = new Date(), db?: DB, address: string | null = null): boolean {
  try {
    if (pageOf(query) > 1) return false;
    const key = searchMissKey(kind, query);
    if (!key) return false;
    const conn = db ?? getDb();
    const day = beijingToday(now);
    if (address !== null && !takeAddressAllowance(address, day)) return false;
    const same = and(eq(searchMisses.kind, key.kind), eq(searchMisses.terms, key.terms), eq(searchMisses.filters, key.filters), eq(searchMisses.day, day));
    const bumped = conn
      .update(searchMisses)
      .set({ count: sql`${searchMisses.count} + 1`, lastAt: now })
      .where(same)
      .run().changes;
    if (bumped === 0) {
      const today = conn.select({ n: count() }).from(searchMisses).where(eq(searchMisses.day, day)).get()?.n ?? 0;
      if (today >= NEW_MISSES_PER_DAY) return false;
      conn
        .insert(searchMisses)
        .values({ ...key, day, count: 1, lastAt: now })
        .onConflictDoUpdate({
          target: [searchMisses.kind, searchMisses.terms, searchMisses.filters, searchMisses.day],
          set: { count: sql`${searchMisses.count} + 1`, lastAt: now },
        })
        .run();
    }
    if (prunedOn !== day) {
      prunedOn = day;
      pruneSearchMisses(conn, day);
    }
    return true;
  } catch (err) {
    console.error(`search-misses: could not record a ${kind} search: ${err instanceof Error ? err.message : String(err)}`);
    return false;
  }
}

/** Deletes the days older than KEEP_DAYS before `today` (Beijing). Returns how many rows went. */
export function pruneSearchMisses(db: DB, today: string): number {
  return db.delete(searchMisses).where(lt(searchMisses.day, addDays(today, -KEEP_DAYS))).run().changes;
}

/** One search over the period: how often, on how many days, when last; `scan` when its words look like a scanner's (looksLikeScan). */
export type MissRow = SearchMissKey & { searches: number; days: number; lastAt: Date; href: string; scan: boolean };

/** The most rows one page lists; the rest are counted in `more`. */
export const MISS_LIST_LIMIT = 200;

/**
 * The zero-result searches of the last `days` Beijing days (today included), one row per
 * kind + words + filters, most searched (or most recent) first. 管理员 and 编辑 (the page checks).
 */
export async function listSearchMisses(
  opts: { days: number; kind: SearchMissKind | null; sort: MissSort; limit?: number },
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<{ rows: MissRow[]; more: number; since: string }> {
  const since = addDays(beijingToday(now), -(opts.days - 1));
  const where = and(gte(searchMisses.day, since), opts.kind ? eq(searchMisses.kind, opts.kind) : undefined);
  const searches = sum(searchMisses.count);
  const last = max(searchMisses.lastAt);
  const limit = opts.limit ?? MISS_LIST_LIMIT;
  const group = [searchMisses.kind, searchMisses.terms, searchMisses.filters] as const;
  const rows = db
    .select({ kind: searchMisses.kind, terms: searchMisses.terms, filters: searchMisses.filters, searches, days: count(), lastAt: last })
    .from(searchMisses)
    .where(where)
    .groupBy(...group)
    .orderBy(...(opts.sort === 'newest' ? [desc(last), desc(searches)] : [desc(searches), desc(last)]), ...group.map((c) => asc(c)))
    .limit(limit + 1)
    .all();
  const total =
    rows.length > limit
      ? (db
          .select({ n: count() })
          .from(db.select({ kind: searchMisses.kind }).from(searchMisses).where(where).groupBy(...group).as('g'))
          .get()?.n ?? rows.length)
      : rows.length;
  return {
    rows: rows.slice(0, limit).map((r) => {
      const key = { kind: r.kind, terms: r.terms, filters: r.filters };
      return { ...key, searches: Number(r.searches), days: r.days, lastAt: new Date(Number(r.lastAt)), href: rerunHref(key), scan: looksLikeScan(r.terms) };
    }),
    more: Math.max(0, total - limit),
    since,
  };
}

/**
 * The dashboard's block: the five most searched misses of the last 30 days whose words are
 * residents' — what looks like a scanner's is left to the full list (under «疑似扫描»). 管理员 and 编辑.
 */
export async function topSearchMisses(now: Date = new Date(), db: DB = getDb()): Promise<MissRow[]> {
  const { rows } = await listSearchMisses({ days: 30, kind: null, sort: 'most' }, now, db);
  return rows.filter((r) => !r.scan).slice(0, 5);
}

/** Names behind the ids in stored filters, for showing them in words. */
export type FilterNames = {
  occupations: Map<string, string>;
  streets: Map<string, string>;
  groups: Map<string, string>;
  services: Map<string, string>;
  landmarks: Map<string, string>;
};

/** Names of every occupation, street, target group, service and landmark, by stored id. Any admin page. */
export async function filterNames(db: DB = getDb()): Promise<FilterNames> {
  const map = (rows: { id: number | string; name: string }[]) => new Map(rows.map((r) => [String(r.id), r.name]));
  return {
    occupations: map(db.select({ id: occupations.id, name: occupations.name }).from(occupations).all()),
    streets: map(db.select({ id: streets.id, name: streets.name }).from(streets).all()),
    groups: map(db.select({ id: targetGroups.code, name: targetGroups.name }).from(targetGroups).all()),
    services: map(db.select({ id: services.id, name: services.name }).from(services).all()),
    landmarks: map(db.select({ id: places.id, name: places.name }).from(places).where(eq(places.kind, 'landmark')).all()),
  };
}
