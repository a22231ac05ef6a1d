import 'server-only';
import { and, desc, asc, eq, gte, inArray, max, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { courseRuns, courses, fairs, occupations, places, providers } from '@/db/schema';
import type { FairStatus, FairType, Recurrence } from '@/db/enums';
import { beijingLocal } from '@/db/domain/fair-dates';
import { fairCoreColumns } from './fairs/cards';

/** How many entries a feed carries. */
export const FEED_SIZE = 50;

export type FeedCourse = {
  id: number;
  title: string;
  summary: string;
  occupation: string;
  level: number;
  provider: string;
  /** When it was first published (falls back to its last change for older rows). */
  publishedAt: Date;
  /** Its last change, or its published runs' (a new run shows the course as updated to subscribers). */
  updatedAt: Date;
};

export type FeedFair = {
  id: number;
  title: string;
  type: FairType;
  status: FairStatus;
  statusNote: string | null;
  organiser: string;
  startsAt: string;
  endsAt: string;
  recurrence: Recurrence | null;
  venue: string | null;
  description: string;
  updatedAt: Date;
};

const feedLimit = (limit: number) => Math.min(Math.max(1, Math.trunc(limit)), FEED_SIZE);

/** An occupation's name, or null when there is no such occupation. Public. */
export async function getOccupationName(id: number): Promise<string | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return getDb().select({ name: occupations.name }).from(occupations).where(eq(occupations.id, id)).get()?.name ?? null;
}

/** The newest published courses by publication time, optionally of one occupation. Public. */
export async function listFeedCourses(occupationId: number | null, limit = FEED_SIZE): Promise<FeedCourse[]> {
  const rows = getDb()
    .select({
      id: courses.id,
      title: courses.title,
      summary: courses.summary,
      occupation: occupations.name,
      level: courses.level,
      provider: providers.name,
      publishedAt: courses.publishedAt,
      updatedAt: courses.updatedAt,
    })
    .from(courses)
    .innerJoin(occupations, eq(occupations.id, courses.occupationId))
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .where(and(eq(courses.publication, 'published'), occupationId === null ? undefined : eq(courses.occupationId, occupationId)))
    .orderBy(desc(sql`coalesce(${courses.publishedAt}, ${courses.updatedAt})`), desc(courses.id))
    .limit(feedLimit(limit))
    .all();
  // A run published or changed since: the course's entry shows as updated (feed readers flag it),
  // which is how «有新班期时提醒我» reaches a subscriber without any personal data.
  const runChanges = new Map(
    getDb()
      .select({ courseId: courseRuns.courseId, at: max(courseRuns.updatedAt) })
      .from(courseRuns)
      .where(and(inArray(courseRuns.courseId, rows.map((r) => r.id)), eq(courseRuns.publication, 'published')))
      .groupBy(courseRuns.courseId)
      .all()
      .map((r) => [r.courseId, r.at?.getTime() ?? 0]),
  );
  return rows.map((r) => ({
    ...r,
    publishedAt: r.publishedAt ?? r.updatedAt,
    // The latest of the three: a course edited after publication, or given a new run, shows as updated.
    updatedAt: new Date(Math.max(r.updatedAt.getTime(), r.publishedAt?.getTime() ?? 0, runChanges.get(r.id) ?? 0)),
  }));
}

/**
 * Published fairs that have not ended, soonest first, optionally of one type. Cancelled and
 * postponed ones stay in the feed (marked), so subscribers learn of the change. Public.
 */
export async function listFeedFairs(type: FairType | null, now: Date = new Date(), limit = FEED_SIZE): Promise<FeedFair[]> {
  const rows = getDb()
    .select({
      ...fairCoreColumns,
      placeName: places.name,
      placeAddress: places.address,
      description: fairs.description,
      updatedAt: fairs.updatedAt,
    })
    .from(fairs)
    .leftJoin(places, eq(places.id, fairs.placeId))
    .where(and(eq(fairs.publication, 'published'), gte(fairs.endsAt, beijingLocal(now)), type === null ? undefined : eq(fairs.type, type)))
    .orderBy(asc(fairs.startsAt), asc(fairs.id))
    .limit(feedLimit(limit))
    .all();
  return rows.map(({ placeName, placeAddress, ...r }) => ({ ...r, venue: placeName === null ? null : `${placeName}，${placeAddress ?? ''}` }));
}
