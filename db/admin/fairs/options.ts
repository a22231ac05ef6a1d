/**
 * The option lists of the admin fair pages: 街镇 for the list's filter, venues and published
 * courses for the edit form. Small reads; the pages have checked the actor first.
 */
import { asc, eq, or } from 'drizzle-orm';
import type { DB } from '../../client';
import { courses, places, providers, streets } from '../../schema';

/** Streets for the list's 街镇 filter. */
export async function streetOptions(db: DB): Promise<{ id: number; name: string }[]> {
  return db.select({ id: streets.id, name: streets.name }).from(streets).orderBy(asc(streets.sort), asc(streets.id)).all();
}

export type VenueOption = { id: number; name: string; street: string | null; address: string };
export type CourseOption = { id: number; title: string; provider: string };

/**
 * Fair venues (places of kind venue) for the form's drop-down, plus the place a fair already
 * uses when that is another kind (a 短训快聘 fair held at a practice base), so saving keeps it.
 */
export async function venueOptions(db: DB, keepPlaceId: number | null = null): Promise<VenueOption[]> {
  return db
    .select({ id: places.id, name: places.name, street: streets.name, address: places.address })
    .from(places)
    .leftJoin(streets, eq(streets.id, places.streetId))
    .where(keepPlaceId === null ? eq(places.kind, 'venue') : or(eq(places.kind, 'venue'), eq(places.id, keepPlaceId)))
    .orderBy(asc(places.name))
    .all();
}

/** Published courses a position may point at (短训快聘), by title. */
export async function publishedCourseOptions(db: DB): Promise<CourseOption[]> {
  return db
    .select({ id: courses.id, title: courses.title, provider: providers.shortName })
    .from(courses)
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .where(eq(courses.publication, 'published'))
    .orderBy(asc(courses.title), asc(courses.id))
    .all();
}

