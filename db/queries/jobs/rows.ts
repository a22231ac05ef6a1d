/**
 * The job list's index rows: one compact row per position, carrying its fair's index row (shared
 * by the fair's positions, so "upcoming" and the date shortcuts are worked out once per fair and
 * minute, as on the fair list), the venue's 街镇 and position, and the pay bands.
 *
 * Only positions at published fairs that had not ended by the day the index was built are loaded: a fair
 * never becomes upcoming again unless it is edited, and any edit to a fair, its employers or its
 * positions logs the fair (migration 0007). The change log names the fair, not the position, so
 * the fair is the positions' owner: a save reloads that fair's positions only (the ones the index
 * held and the ones it has now), not the ~40,000 upcoming positions of a city.
 */
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { DB } from '../../client';
import { addDays, beijingNow } from '../../domain/time';
import { payBandKeys } from '../../domain/job-pay';
import { fairEmployers, fairPositions, fairs, places, streets } from '../../schema';
import type { SourceDef } from '../../search/engine';
import { columns as fairRowColumns, toRow as fairRowOf, type FairRow } from '../fairs/rows';

export type JobRow = {
  /** The position's id. */
  readonly group: number;
  /** Its fair's index row (one object per fair). */
  readonly fair: FairRow;
  readonly fairId: number;
  /** The venue's 街镇 id; -1 for an online fair. */
  readonly street: number;
  /** The venue's WGS-84 position; NaN for an online fair. */
  readonly lat: number;
  readonly lng: number;
  /** Pay band keys (db/domain/job-pay.ts). */
  readonly pay: readonly number[];
};

/** Upcoming fairs by id and title: the fair filter's chip names and known ids. */
export type JobRefs = { streets: { id: number; name: string }[]; fairs: Map<number, string> };

function select(db: DB) {
  return db
    .select({
      ...fairRowColumns,
      positionId: fairPositions.id,
      payMin: fairPositions.payMin,
      payMax: fairPositions.payMax,
      payUnit: fairPositions.payUnit,
      lat: places.lat,
      lng: places.lng,
    })
    .from(fairPositions)
    .innerJoin(fairEmployers, eq(fairEmployers.id, fairPositions.employerId))
    .innerJoin(fairs, eq(fairs.id, fairEmployers.fairId))
    .leftJoin(places, eq(places.id, fairs.placeId));
}

type Loaded = ReturnType<ReturnType<typeof select>['all']>[number];

function toRows(loaded: Loaded[]): JobRow[] {
  const fairRows = new Map<number, FairRow>();
  return loaded.map((r) => {
    let fair = fairRows.get(r.id);
    if (!fair) fairRows.set(r.id, (fair = fairRowOf(r)));
    return {
      group: r.positionId,
      fair,
      fairId: r.id,
      street: r.street ?? -1,
      lat: r.lat ?? Number.NaN,
      lng: r.lng ?? Number.NaN,
      pay: payBandKeys(r.payMin, r.payMax, r.payUnit),
    };
  });
}

/**
 * Published fairs ending on or after yesterday (Beijing): those residents may still go to. Every
 * list over these rows is public (the page, the open data), so drafts are not loaded at all.
 */
function notEnded() {
  return and(eq(fairs.publication, 'published'), gte(fairs.endsAt, addDays(beijingNow().date, -1)));
}

/** Where the job list's rows come from, and which changes concern them. */
export const jobSource: SourceDef<JobRow, JobRefs> = {
  name: 'jobs',
  loadAll: async (db) => toRows(select(db).where(notEnded()).all()),
  loadGroups: async (db, ids) => toRows(select(db).where(and(notEnded(), inArray(fairPositions.id, [...ids]))).all()),
  loadRefs: async (db) => ({
    streets: db.select({ id: streets.id, name: streets.name }).from(streets).orderBy(asc(streets.sort), asc(streets.id)).all(),
    fairs: new Map(db.select({ id: fairs.id, title: fairs.title }).from(fairs).where(notEnded()).all().map((f) => [f.id, f.title])),
  }),
  // A fair's save re-reads that fair's name only (not the ~4,000 of a city); a street's, all.
  updateRefs: async (db, prev, changed) => {
    if ([...changed.keys()].some((entity) => entity !== 'fair')) return null;
    // Each changed fair once (the change log is read deduplicated).
    const ids = changed.get('fair') ?? [];
    const names = new Map(prev.fairs);
    for (const id of ids) names.delete(id);
    for (const f of db.select({ id: fairs.id, title: fairs.title }).from(fairs).where(and(notEnded(), inArray(fairs.id, ids))).all()) names.set(f.id, f.title);
    return { streets: prev.streets, fairs: names };
  },
  // A fair, its employers and positions all log 'fair' (by the fair's id): that fair's positions
  // are reloaded, and the refs (the fair filter's names). A course's change (title, withdrawn)
  // only touches the cards' 先学后聘 link: cached pages are read anew, the counts stay.
  changes: { fair: ['owner', 'refs'], place: 'rebuild', streets: 'refs', course: 'items' },
  owner: {
    of: (row) => row.fairId,
    groups: async (db, fairIds) =>
      db
        .select({ id: fairPositions.id })
        .from(fairPositions)
        .innerJoin(fairEmployers, eq(fairEmployers.id, fairPositions.employerId))
        .where(inArray(fairEmployers.fairId, [...fairIds]))
        .all()
        .map((r) => r.id),
  },
};
