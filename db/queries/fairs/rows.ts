/**
 * The fair lists' index rows: one compact row per fair (numbers only), loaded from the schema
 * and kept current by the engine from the change log (a fair, its employers and positions log
 * the fair; a moved place or renamed street rebuilds). Every list over fairs — the resident
 * list, the admin list, the home page's next fairs — reads these rows.
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { DB } from '../../client';
import { FAIR_STATUSES, FAIR_TYPES, PUBLICATION, fairs, places, streets, type FairStatus, type FairType, type Publication } from '../../schema';
import { epochDay, minutesOf, type SourceDef } from '../../search/engine';

export type FairRow = {
  /** The fair's id. */
  readonly group: number;
  /** Index into PUBLICATION, FAIR_STATUSES and FAIR_TYPES. */
  readonly publication: number;
  readonly status: number;
  readonly type: number;
  /** The venue's 街镇 id; -1 without a venue (online fairs). */
  readonly street: number;
  /** First and last day as epoch days (days since 1970-01-01). */
  readonly startDay: number;
  readonly endDay: number;
  /** startsAt and endsAt as Beijing minutes since 1970-01-01 00:00 (comparable with q.minute). */
  readonly starts: number;
  readonly ends: number;
  /** A weekly market's ISO weekdays as bits (1 << weekday); 0 for a one-off fair. */
  readonly weekdays: number;
  /** Each day's opening and closing minute (a one-off fair: the times of its start and end). */
  readonly opens: number;
  readonly closes: number;
  /**
   * Memo of ./timing.ts fairState(): the minute it was worked out for (-1: never) and its bits.
   * The only mutable fields: a changed fair gets a new row, so a memo never outlives its data.
   */
  stateAt: number;
  state: number;
};

export type FairRefs = { streets: { id: number; name: string }[] };

export const PUBLISHED = PUBLICATION.indexOf('published');
export const publicationIndex = (p: Publication) => PUBLICATION.indexOf(p);
export const statusIndex = (s: FairStatus) => FAIR_STATUSES.indexOf(s);
export const typeIndex = (t: FairType) => FAIR_TYPES.indexOf(t);

/** The columns a fair's index row is made from (the job list's rows carry their fair's row too). */
export const columns = {
  id: fairs.id,
  publication: fairs.publication,
  status: fairs.status,
  type: fairs.type,
  startsAt: fairs.startsAt,
  endsAt: fairs.endsAt,
  recurrence: fairs.recurrence,
  street: places.streetId,
};
export type Loaded = { id: number; publication: Publication; status: FairStatus; type: FairType; startsAt: string; endsAt: string; recurrence: { weekdays: number[]; opens: string; closes: string } | null; street: number | null };

export function toRow(r: Loaded): FairRow {
  const startDay = epochDay(r.startsAt.slice(0, 10));
  const endDay = epochDay(r.endsAt.slice(0, 10));
  const startMin = minutesOf(r.startsAt.slice(11, 16));
  const endMin = minutesOf(r.endsAt.slice(11, 16));
  let weekdays = 0;
  for (const w of r.recurrence?.weekdays ?? []) if (w >= 1 && w <= 7) weekdays |= 1 << w;
  return {
    group: r.id,
    publication: publicationIndex(r.publication),
    status: statusIndex(r.status),
    type: typeIndex(r.type),
    street: r.street ?? -1,
    startDay,
    endDay,
    starts: startDay * 1440 + startMin,
    ends: endDay * 1440 + endMin,
    weekdays,
    opens: r.recurrence ? minutesOf(r.recurrence.opens) : startMin,
    closes: r.recurrence ? minutesOf(r.recurrence.closes) : endMin,
    stateAt: -1,
    state: 0,
  };
}

function select(db: DB) {
  return db.select(columns).from(fairs).leftJoin(places, eq(places.id, fairs.placeId));
}

/** One fair's row, prepared once per connection: a save reloads one fair. */
const prepared = new WeakMap<DB, ReturnType<ReturnType<typeof select>['prepare']>>();
function loadFew(db: DB, ids: readonly number[]): FairRow[] {
  let one = prepared.get(db);
  if (!one) prepared.set(db, (one = select(db).where(eq(fairs.id, sql.placeholder('id'))).prepare()));
  const out: FairRow[] = [];
  for (const id of ids) for (const r of one.all({ id })) out.push(toRow(r));
  return out;
}

/** Where the fair lists' rows come from, and which changes concern them. */
export const fairSource: SourceDef<FairRow, FairRefs> = {
  name: 'fairs',
  loadAll: async (db) => select(db).all().map(toRow),
  loadGroups: async (db, ids) => (ids.length <= 16 ? loadFew(db, ids) : select(db).where(inArray(fairs.id, [...ids])).all().map(toRow)),
  loadRefs: async (db) => ({
    streets: db.select({ id: streets.id, name: streets.name }).from(streets).orderBy(asc(streets.sort), asc(streets.id)).all(),
  }),
  // A venue moved to another 街镇 changes every fair held there: rebuild (rare, and 20k rows take ms).
  changes: { fair: 'group', place: 'rebuild', streets: 'refs' },
};
