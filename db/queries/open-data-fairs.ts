import 'server-only';
/**
 * Open-data reads of job fairs: published fairs through the fair list's own conditions and
 * order (a scope fixed to published), and one fair with its employers and positions. A
 * position's course link is given only when that course is published. Rows out;
 * app/api/v1/_lib/fairs.ts shapes them.
 */
import { and, count, eq, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { fairEmployers, fairPositions, fairs, places, streets, type FairType } from '@/db/schema';
import { matchingIds } from '@/db/search';
import { idSet } from './id-set';
import { beijingLocal, type DateWindow } from '@/db/domain/fair-dates';
import { NO_FAIRS, fairConditions, fairOrder } from '@/db/queries/fairs/sql';
import { fairPageColumns } from '@/db/queries/fairs/cards';
import { employersWithPositions } from '@/db/queries/fairs/detail';
import { pageBounds, type Listed, type Paging } from './open-data';

export type FairFilter = { q: string; type: FairType | null; street: number | null; date: DateWindow | null; when: 'upcoming' | 'past' | 'all' };

/** The fair lists' filter, with its scope fixed to published fairs (and 'all' times allowed). */
const PUBLISHED_FAIRS = { kind: 'admin', publication: 'published', status: null } as const;

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
  const local = beijingLocal(now);
  const keyword = await matchingIds(getDb(), 'fair', f.q);
  const where = fairConditions({ type: f.type, street: f.street, date: f.date, when: f.when, matching: keyword ? idSet(keyword.ids()) : null }, local, PUBLISHED_FAIRS);
  if (where === NO_FAIRS) return { items: [], total: 0 };
  const total = getDb().select({ n: count() }).from(fairs).where(where).get()?.n ?? 0;
  const q = fairQuery(where).orderBy(...fairOrder(f.when, local));
  const bounds = pageBounds(paging);
  return { items: (bounds ? q.limit(bounds.limit).offset(bounds.offset) : q).all(), total };
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
