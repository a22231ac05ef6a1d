/**
 * How much uses a provider or a place: its courses, places and accounts; the runs that meet at a
 * place and the fairs held there. Read fresh for the records on screen (the lists' pages and the
 * edit pages), since accounts are not in the change log the list indexes follow.
 */
import 'server-only';
import { and, count, inArray, ne } from 'drizzle-orm';
import type { DB } from '../../client';
import { courseRuns, courses, fairs, places, users } from '../../schema';

export type ProviderUsage = { courses: number; publishedCourses: number; places: number; users: number };
export type PlaceUsage = { runs: number; fairs: number };

const noProviderUsage: ProviderUsage = { courses: 0, publishedCourses: 0, places: 0, users: 0 };
const noPlaceUsage: PlaceUsage = { runs: 0, fairs: 0 };

/** Usage of each provider in `ids` (every id has an entry). Admin pages only. */
export async function providerUsage(db: DB, ids: readonly number[]): Promise<Map<number, ProviderUsage>> {
  const out = new Map<number, ProviderUsage>(ids.map((id) => [id, { ...noProviderUsage }]));
  if (ids.length === 0) return out;
  const list = [...ids];
  const byPublication = db
    .select({ provider: courses.providerId, publication: courses.publication, n: count() })
    .from(courses)
    .where(inArray(courses.providerId, list))
    .groupBy(courses.providerId, courses.publication)
    .all();
  for (const r of byPublication) {
    const u = out.get(r.provider);
    if (!u) continue;
    u.courses += r.n;
    if (r.publication === 'published') u.publishedCourses += r.n;
  }
  const placeCounts = db.select({ provider: places.providerId, n: count() }).from(places).where(inArray(places.providerId, list)).groupBy(places.providerId).all();
  for (const r of placeCounts) if (r.provider !== null) out.get(r.provider)!.places = r.n;
  const userCounts = db.select({ provider: users.providerId, n: count() }).from(users).where(inArray(users.providerId, list)).groupBy(users.providerId).all();
  for (const r of userCounts) if (r.provider !== null) out.get(r.provider)!.users = r.n;
  return out;
}

/**
 * Usage of each place in `ids`: a run counts once for a place even when it holds both its
 * theory and its practice lessons there.
 */
export async function placeUsage(db: DB, ids: readonly number[]): Promise<Map<number, PlaceUsage>> {
  const out = new Map<number, PlaceUsage>(ids.map((id) => [id, { ...noPlaceUsage }]));
  if (ids.length === 0) return out;
  const list = [...ids];
  const theory = db
    .select({ place: courseRuns.theoryPlaceId, n: count() })
    .from(courseRuns)
    .where(inArray(courseRuns.theoryPlaceId, list))
    .groupBy(courseRuns.theoryPlaceId)
    .all();
  const practice = db
    .select({ place: courseRuns.practicePlaceId, n: count() })
    .from(courseRuns)
    .where(and(inArray(courseRuns.practicePlaceId, list), ne(courseRuns.theoryPlaceId, courseRuns.practicePlaceId)))
    .groupBy(courseRuns.practicePlaceId)
    .all();
  for (const r of [...theory, ...practice]) if (r.place !== null) out.get(r.place)!.runs += r.n;
  const held = db.select({ place: fairs.placeId, n: count() }).from(fairs).where(inArray(fairs.placeId, list)).groupBy(fairs.placeId).all();
  for (const r of held) if (r.place !== null) out.get(r.place)!.fairs = r.n;
  return out;
}

/** Usage of one place (its edit page). */
export async function usageOfPlace(db: DB, id: number): Promise<PlaceUsage> {
  return (await placeUsage(db, [id])).get(id)!;
}

/** Usage of one provider (its edit page). */
export async function usageOfProvider(db: DB, id: number): Promise<ProviderUsage> {
  return (await providerUsage(db, [id])).get(id)!;
}
