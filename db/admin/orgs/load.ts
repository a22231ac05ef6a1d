/**
 * What the 机构与场地 edit pages show: a provider with its usage and its places, a place with the
 * runs and fairs that use it, and the choices of the place form. The caller (an admin page) has
 * checked the actor may view the record.
 */
import 'server-only';
import { and, asc, eq, or } from 'drizzle-orm';
import type { DB } from '../../client';
import { courseRuns, courses, fairs, places, providers, streets } from '../../schema';
import { usageOfProvider } from './usage';
import { providerLabel, providerPick, type PickOption } from '../../domain/pick-options';

/** Every provider, for the place form's choice of owner: named as in every admin pick, and searchable. */
export async function providerOptions(db: DB): Promise<(PickOption & { id: number; name: string })[]> {
  return db
    .select({ id: providers.id, name: providers.name, shortName: providers.shortName })
    .from(providers)
    .orderBy(asc(providers.id))
    .all()
    .map((p) => ({ ...providerPick(p), id: p.id, name: providerLabel(p) }));
}

/** Every street, in its own order, for the place form. */
export async function streetChoices(db: DB): Promise<{ id: number; name: string }[]> {
  return db.select({ id: streets.id, name: streets.name }).from(streets).orderBy(asc(streets.sort), asc(streets.id)).all();
}

export type ProviderPage = NonNullable<Awaited<ReturnType<typeof loadProvider>>>;

/** A provider with its usage counts and its places, for the edit page; null when there is none. */
export async function loadProvider(db: DB, id: number) {
  const row = db
    .select({
      id: providers.id,
      name: providers.name,
      shortName: providers.shortName,
      intro: providers.intro,
      phone: providers.phone,
      address: providers.address,
      version: providers.version,
      updatedAt: providers.updatedAt,
    })
    .from(providers)
    .where(eq(providers.id, id))
    .get();
  if (!row) return null;
  const ownPlaces = db
    .select({ id: places.id, name: places.name, kind: places.kind, address: places.address, street: streets.name })
    .from(places)
    .leftJoin(streets, eq(streets.id, places.streetId))
    .where(eq(places.providerId, id))
    .orderBy(asc(places.kind), asc(places.name))
    .all();
  return { ...row, ...(await usageOfProvider(db, id)), ownPlaces };
}

/** A place with who uses it, for the edit page; null when there is none. */
export async function loadPlace(db: DB, id: number) {
  const row = db
    .select({ place: places, provider: providers.name, street: streets.name, streetLat: streets.lat, streetLng: streets.lng })
    .from(places)
    .leftJoin(providers, eq(providers.id, places.providerId))
    .leftJoin(streets, eq(streets.id, places.streetId))
    .where(eq(places.id, id))
    .get();
  if (!row) return null;
  const runs = db
    .select({
      id: courseRuns.id,
      label: courseRuns.label,
      courseId: courses.id,
      course: courses.title,
      startDate: courseRuns.startDate,
      published: and(eq(courseRuns.publication, 'published'), eq(courses.publication, 'published'))!.mapWith(Boolean),
    })
    .from(courseRuns)
    .innerJoin(courses, eq(courses.id, courseRuns.courseId))
    .where(or(eq(courseRuns.theoryPlaceId, id), eq(courseRuns.practicePlaceId, id)))
    .orderBy(asc(courseRuns.startDate), asc(courseRuns.id))
    .all();
  const usedBy = db
    .select({ id: fairs.id, title: fairs.title, startsAt: fairs.startsAt, published: eq(fairs.publication, 'published').mapWith(Boolean) })
    .from(fairs)
    .where(eq(fairs.placeId, id))
    .orderBy(asc(fairs.startsAt))
    .all();
  const atStreetCentre = row.street !== null && row.place.lat === row.streetLat && row.place.lng === row.streetLng;
  return { ...row.place, providerName: row.provider, streetName: row.street, atStreetCentre, runs, fairs: usedBy };
}
