/**
 * Fair cards: the columns every fair list reads, each fair's employer and position counts, and
 * rows → FairListItem (next session, under way, past) at a given instant.
 */
import { count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DB } from '../../client';
import { courses, fairEmployers, fairPositions, fairs, places, streets } from '../../schema';
import { beijingLocal, isHappeningNow, isPast, nextSession, splitLocal, type FairTiming } from '../../domain/fair-dates';
import type { FairListItem } from './types';

/** What says which fair it is, what kind, its state and when (the lists, the feed, the API). */
export const fairCoreColumns = {
  id: fairs.id,
  title: fairs.title,
  type: fairs.type,
  status: fairs.status,
  statusNote: fairs.statusNote,
  organiser: fairs.organiser,
  startsAt: fairs.startsAt,
  endsAt: fairs.endsAt,
  recurrence: fairs.recurrence,
};

/** The columns every fair list reads (the public list, the admin list, the open-data API). */
export const fairListColumns = {
  ...fairCoreColumns,
  onlineUrl: fairs.onlineUrl,
  placeName: places.name,
  streetName: streets.name,
  placeLat: places.lat,
  placeLng: places.lng,
};

/** A fair's page adds what it is about, how to attend and whom to call (its page and the API). */
export const fairPageColumns = {
  ...fairListColumns,
  description: fairs.description,
  howToAttend: fairs.howToAttend,
  contactPhone: fairs.contactPhone,
};

/** The fairs with their venue and 街镇, as every card reads them. */
function selectCards(db: DB) {
  return db
    .select(fairListColumns)
    .from(fairs)
    .leftJoin(places, eq(places.id, fairs.placeId))
    .leftJoin(streets, eq(streets.id, places.streetId));
}

/** A card's row, as the schema and the joins type it. */
export type ListRow = ReturnType<ReturnType<typeof selectCards>['all']>[number];

export type FairCounts = { employers: number; positions: number; headcount: number; linked: boolean };

function countsOf(db: DB, where: SQL) {
  return db
    .select({
      fairId: fairEmployers.fairId,
      employers: sql<number>`count(distinct ${fairEmployers.id})`,
      positions: count(fairPositions.id),
      headcount: sql<number>`coalesce(sum(${fairPositions.headcount}), 0)`,
      // Linked only to a published course, as on the detail page: a draft course is no offer.
      // (A join by the position's course id: one look-up per linked position, not a list of
      // every published course built per call.)
      linked: sql<number>`coalesce(max(${courses.publication} = 'published'), 0)`,
    })
    .from(fairEmployers)
    .leftJoin(fairPositions, eq(fairPositions.employerId, fairEmployers.id))
    .leftJoin(courses, eq(courses.id, fairPositions.courseId))
    .where(where)
    .groupBy(fairEmployers.fairId);
}

/** Ids per prepared read: a page's worth; a longer list is read in pieces. */
const IDS = 10;
const PARAMS = Array.from({ length: IDS }, (_, i) => `id${i}`);
const idPlaceholders = () => PARAMS.map((p) => sql.placeholder(p));

/** The cards' two reads, prepared once per connection (every page asks them). */
function prepareReads(db: DB) {
  return {
    cards: selectCards(db).where(inArray(fairs.id, idPlaceholders())).prepare(),
    counts: countsOf(db, inArray(fairEmployers.fairId, idPlaceholders())).prepare(),
  };
}
const reads = new WeakMap<DB, ReturnType<typeof prepareReads>>();
function readsFor(db: DB) {
  let r = reads.get(db);
  if (!r) reads.set(db, (r = prepareReads(db)));
  return r;
}

/** Runs a prepared read over `ids`, a page's worth at a time (unused places ask for id -1: none). */
function byPages<T>(ids: readonly number[], run: (params: Record<string, number>) => T[]): T[] {
  const out: T[] = [];
  for (let at = 0; at < ids.length; at += IDS) {
    const params: Record<string, number> = {};
    PARAMS.forEach((p, i) => (params[p] = ids[at + i] ?? -1));
    out.push(...run(params));
  }
  return out;
}

export function countsFor(db: DB, ids: number[]): Map<number, FairCounts> {
  const out = new Map<number, FairCounts>();
  if (ids.length === 0) return out;
  const counts = readsFor(db).counts;
  for (const r of byPages(ids, (p) => counts.all(p))) {
    out.set(r.fairId, { employers: r.employers, positions: r.positions, headcount: r.headcount, linked: r.linked === 1 });
  }
  return out;
}

export function toItem(r: ListRow, c: FairCounts | undefined, now: Date): FairListItem {
  const timing: FairTiming = { startsAt: r.startsAt, endsAt: r.endsAt, recurrence: r.recurrence };
  const remaining = nextSession(timing, now);
  const next = r.recurrence ? remaining : null;
  // As isPast, without a second walk over a market's sessions.
  const past = r.recurrence ? remaining === null : isPast(timing, now);
  return {
    id: r.id,
    title: r.title,
    type: r.type,
    status: r.status,
    statusNote: r.statusNote,
    organiser: r.organiser,
    // The day one can next go; once over, the first day (a market: its last).
    date: remaining?.date ?? (r.recurrence ? splitLocal(r.endsAt).date : splitLocal(r.startsAt).date),
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    recurrence: r.recurrence,
    nextSession: next,
    nextSessionToday: next !== null && next.date === beijingLocal(now).slice(0, 10),
    venue: r.placeName
      ? { name: r.placeName, street: r.streetName, at: r.placeLat !== null && r.placeLng !== null ? { lat: r.placeLat, lng: r.placeLng } : null }
      : null,
    online: r.type === 'online' || r.onlineUrl !== null,
    employerCount: c?.employers ?? 0,
    positionCount: c?.positions ?? 0,
    headcount: c?.headcount ?? 0,
    linkedToCourses: r.type === 'short_training' || (c?.linked ?? false),
    matchedToCourse: r.type === 'short_training',
    happeningNow: r.status !== 'cancelled' && isHappeningNow(timing, now),
    past,
    over: remaining === null,
  };
}

/** The cards of the given fairs, in the given order. */
export async function itemsByIds(db: DB, ids: readonly number[], now: Date): Promise<FairListItem[]> {
  if (ids.length === 0) return [];
  const cards = readsFor(db).cards;
  const rows = byPages(ids, (p) => cards.all(p));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = ids.map((id) => byId.get(id)).filter((r): r is ListRow => r !== undefined);
  const counts = countsFor(db, ordered.map((r) => r.id));
  return ordered.map((r) => toItem(r, counts.get(r.id), now));
}

