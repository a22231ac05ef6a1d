import 'server-only';
/**
 * One fair's page: the fair (published only, unless the admin preview asks), its employers and
 * positions with the courses they link to (短训快聘). Drizzle builder throughout. Public.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import type { DB } from '../../client';
import { courses, fairEmployers, fairPositions, fairs, places, streets } from '../../schema';
import { amapNavigationUrl } from '../../domain/geo';
import { nextSessions, type FairTiming } from '../../domain/fair-dates';
import { payText } from '../../domain/labels-fairs';
import { fairPageColumns, toItem } from './cards';
import type { FairDetail, FairPositionItem } from './types';

export function publishedFair(db: DB, id: number, includeUnpublished = false) {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  return db
    .select({
      ...fairPageColumns,
      address: places.address,
      placeNote: places.note,
      lat: places.lat,
      lng: places.lng,
    })
    .from(fairs)
    .leftJoin(places, eq(places.id, fairs.placeId))
    .leftJoin(streets, eq(streets.id, places.streetId))
    .where(includeUnpublished ? eq(fairs.id, id) : and(eq(fairs.id, id), eq(fairs.publication, 'published')))
    .get();
}

/**
 * A fair's employers and their positions in entry order, each position with the course it is
 * linked to and that course's publication (the public page shows only published links; the
 * admin form shows the rest as such). Two indexed queries. No publication check on the fair.
 */
/** What a position offers: the job, how many, the pay and what it asks (its fair's page, the API, the download). */
export const fairPositionColumns = {
  title: fairPositions.title,
  headcount: fairPositions.headcount,
  payMin: fairPositions.payMin,
  payMax: fairPositions.payMax,
  payUnit: fairPositions.payUnit,
  requirements: fairPositions.requirements,
};

export async function employersWithPositions(db: DB, fairId: number) {
  const employers = db
    .select({ id: fairEmployers.id, name: fairEmployers.name, industry: fairEmployers.industry, intro: fairEmployers.intro, booth: fairEmployers.booth })
    .from(fairEmployers)
    .where(eq(fairEmployers.fairId, fairId))
    .orderBy(asc(fairEmployers.id))
    .all();
  const positions =
    employers.length === 0
      ? []
      : db
          .select({
            id: fairPositions.id,
            employerId: fairPositions.employerId,
            ...fairPositionColumns,
            courseId: fairPositions.courseId,
            courseTitle: courses.title,
            coursePublication: courses.publication,
          })
          .from(fairPositions)
          .leftJoin(courses, eq(courses.id, fairPositions.courseId))
          .where(inArray(fairPositions.employerId, employers.map((e) => e.id)))
          .orderBy(asc(fairPositions.id))
          .all();
  return { employers, positions };
}

/**
 * One published fair with its employers and positions; null when unknown or unpublished. Public.
 * `includeUnpublished` is for the admin preview only (the resident page as a draft would look):
 * the caller must have checked that the actor may view fairs.
 */
export async function getFairDetail(id: number, now: Date = new Date(), opts: { includeUnpublished?: boolean } = {}): Promise<FairDetail | null> {
  const db = getDb();
  const r = publishedFair(db, id, opts.includeUnpublished === true);
  if (!r) return null;

  const { employers: employerRows, positions: positionRows } = await employersWithPositions(db, id);

  const byEmployer = new Map<number, FairPositionItem[]>();
  let headcount = 0;
  let linked = false;
  for (const p of positionRows) {
    headcount += p.headcount;
    // Only a published course may be linked to; a withdrawn one just loses its link.
    const courseId = p.coursePublication === 'published' ? p.courseId : null;
    if (courseId !== null) linked = true;
    const list = byEmployer.get(p.employerId) ?? [];
    list.push({
      id: p.id,
      title: p.title,
      headcount: p.headcount,
      pay: payText(p.payMin, p.payMax, p.payUnit),
      requirements: p.requirements,
      course: courseId !== null && p.courseTitle ? { id: courseId, title: p.courseTitle } : null,
    });
    byEmployer.set(p.employerId, list);
  }

  const item = toItem(
    r,
    { employers: employerRows.length, positions: positionRows.length, headcount, linked },
    now,
  );
  const timing: FairTiming = { startsAt: r.startsAt, endsAt: r.endsAt, recurrence: r.recurrence };
  return {
    ...item,
    description: r.description,
    howToAttend: r.howToAttend,
    contactPhone: r.contactPhone,
    onlineUrl: r.onlineUrl,
    place:
      r.placeName && r.address !== null && r.lat !== null && r.lng !== null
        ? {
            name: r.placeName,
            address: r.address,
            street: r.streetName,
            note: r.placeNote,
            navigationUrl: amapNavigationUrl({ lat: r.lat, lng: r.lng }, r.placeName),
            at: { lat: r.lat, lng: r.lng },
          }
        : null,
    upcomingSessions: r.status !== 'scheduled' ? [] : nextSessions(timing, now, r.recurrence ? 6 : 14),
    employers: employerRows.map((e) => ({ ...e, positions: byEmployer.get(e.id) ?? [] })),
  };
}

