import 'server-only';
/**
 * Open-data reads of job fairs: published fairs through the fair list's own filters and orders
 * on the list engine (a scope fixed to published), and one fair with its employers and positions. A
 * position's course link is given only when that course is published. Rows out;
 * app/api/v1/_lib/fairs.ts shapes them.
 */
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import * as z from 'zod/mini';
import { getDb } from '@/db';
import { fairEmployers, fairPositions, fairs, places, streets, type FairType } from '@/db/schema';
import type { DateWindow } from '@/db/domain/fair-dates';
import { defineList, type ValuesOf } from '@/db/search/engine';
import { fairSearchShape } from '@/db/validation/fair-search';
import { one } from '@/db/validation/search-params';
import { adminFairOrders, fairFilters } from '@/db/queries/fairs/filters';
import { fairSource, PUBLISHED } from '@/db/queries/fairs/rows';
import { fairPageColumns } from '@/db/queries/fairs/cards';
import { employersWithPositions } from '@/db/queries/fairs/detail';
import { idSet } from './id-set';
import { pageBounds, type Listed, type Paging } from './open-data';

export type FairFilter = { q: string; type: FairType | null; street: number | null; date: DateWindow | null; when: 'upcoming' | 'past' | 'all' };

/**
 * The open-data fair list: the resident list's filters and orders on the same engine and index,
 * published fairs only, with 'all' (upcoming, then past) besides upcoming and past.
 */
const openFairShape = { ...fairSearchShape, when: one(z.enum(['upcoming', 'past', 'all']), 'upcoming' as FairFilter['when']) };
const openFairs = defineList({
  name: 'open-fairs',
  shape: openFairShape,
  source: fairSource,
  filters: fairFilters<ValuesOf<typeof openFairShape>>({ whenDefault: 'upcoming', facets: false }),
  orders: { upcoming: adminFairOrders.upcoming, past: adminFairOrders.past, all: adminFairOrders.all },
  orderParam: 'when',
  clock: 'minute',
  pageSize: 100,
  scope: () => (r) => r.publication === PUBLISHED,
  // The API pages and shapes the matched fairs itself (listOpenFairs).
  items: async () => [],
});

const fairColumns = { ...fairPageColumns, placeAddress: places.address };

function fairQuery(where: SQL | undefined) {
  return getDb()
    .select(fairColumns)
    .from(fairs)
    .leftJoin(places, eq(places.id, fairs.placeId))
    .leftJoin(streets, eq(streets.id, places.streetId))
    .where(where)
    .$dynamic();
}

export type OpenFair = ReturnType<ReturnType<typeof fairQuery>['all']>[number];

/** Published fairs matching `f`, in the fair list's order. Public. */
export async function listOpenFairs(f: FairFilter, paging: Paging, now: Date = new Date()): Promise<Listed<OpenFair>> {
  const db = getDb();
  // The engine finds and orders the fairs; one read by id for the page.
  const { matched } = await openFairs.match(db, openFairs.query({ ...f, page: 1 }), { kind: 'public' }, { now, ordered: true });
  const bounds = pageBounds(paging);
  const ids = matched.map((m) => m.group);
  const page = bounds ? ids.slice(bounds.offset, bounds.offset + bounds.limit) : ids;
  const byId = new Map((page.length > 0 ? fairQuery(inArray(fairs.id, idSet(page))).all() : []).map((x) => [x.id, x]));
  return { items: page.map((id) => byId.get(id)).filter((x): x is OpenFair => x !== undefined), total: ids.length };
}

export type OpenPosition = {
  id: number;
  employerId: number;
  title: string;
  headcount: number;
  payMin: number | null;
  payMax: number | null;
  payUnit: (typeof fairPositions.$inferSelect)['payUnit'];
  requirements: string;
  courseId: number | null;
};
export type OpenEmployer = Pick<typeof fairEmployers.$inferSelect, 'id' | 'name' | 'industry' | 'intro' | 'booth'>;
export type OpenFairDetail = { fair: OpenFair; employers: OpenEmployer[]; positions: OpenPosition[] };

/** One published fair with its employers and their positions, or null. Public. */
export async function getOpenFair(id: number): Promise<OpenFairDetail | null> {
  const fair = fairQuery(and(eq(fairs.id, id), eq(fairs.publication, 'published'))).get();
  if (!fair) return null;
  const { employers, positions: rows } = await employersWithPositions(getDb(), id);
  // Only a published course is linked; a draft or withdrawn one reads as no link.
  const positions = rows.map(({ courseId, courseTitle: _title, coursePublication, ...p }) => ({ ...p, courseId: coursePublication === 'published' ? courseId : null }));
  return { fair, employers, positions };
}
