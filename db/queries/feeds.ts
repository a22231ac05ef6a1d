import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import type { FairStatus, FairType, Recurrence } from '@/db/enums';
import { beijingLocal } from '@/db/domain/fair-dates';

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

/** An occupation's name, or null when there is no such occupation. Public. */
export function getOccupationName(id: number): string | null {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return getDb().get<{ name: string }>(sql`SELECT name FROM occupations WHERE id = ${id}`)?.name ?? null;
}

/** The newest published courses by publication time, optionally of one occupation. Public. */
export function listFeedCourses(occupationId: number | null, limit = FEED_SIZE): FeedCourse[] {
  const rows = getDb().all<{
    id: number;
    title: string;
    summary: string;
    occupation: string;
    level: number;
    provider: string;
    publishedAt: number | null;
    updatedAt: number;
  }>(sql`
    SELECT c.id, c.title, c.summary, o.name AS occupation, c.level, p.name AS provider,
      c.published_at AS publishedAt, c.updated_at AS updatedAt
    FROM courses c JOIN occupations o ON o.id = c.occupation_id JOIN providers p ON p.id = c.provider_id
    WHERE c.publication = 'published' AND (${occupationId === null ? sql`1 = 1` : sql`c.occupation_id = ${occupationId}`})
    ORDER BY coalesce(c.published_at, c.updated_at) DESC, c.id DESC
    LIMIT ${Math.min(Math.max(1, Math.trunc(limit)), FEED_SIZE)}`);
  return rows.map((r) => ({
    ...r,
    publishedAt: new Date(r.publishedAt ?? r.updatedAt),
    updatedAt: new Date(Math.max(r.updatedAt, r.publishedAt ?? 0)),
  }));
}

/**
 * Published fairs that have not ended, soonest first, optionally of one type. Cancelled and
 * postponed ones stay in the feed (marked), so subscribers learn of the change. Public.
 */
export function listFeedFairs(type: FairType | null, now: Date = new Date(), limit = FEED_SIZE): FeedFair[] {
  const nowLocal = beijingLocal(now);
  const rows = getDb().all<Omit<FeedFair, 'updatedAt' | 'recurrence'> & { updatedAt: number; recurrence: string | null }>(sql`
    SELECT f.id, f.title, f.type, f.status, f.status_note AS statusNote, f.organiser, f.starts_at AS startsAt,
      f.ends_at AS endsAt, f.recurrence, CASE WHEN pl.id IS NULL THEN NULL ELSE pl.name || '，' || pl.address END AS venue,
      f.description, f.updated_at AS updatedAt
    FROM fairs f LEFT JOIN places pl ON pl.id = f.place_id
    WHERE f.publication = 'published' AND f.ends_at >= ${nowLocal}
      AND (${type === null ? sql`1 = 1` : sql`f.type = ${type}`})
    ORDER BY f.starts_at, f.id
    LIMIT ${Math.min(Math.max(1, Math.trunc(limit)), FEED_SIZE)}`);
  return rows.map((r) => ({
    ...r,
    recurrence: r.recurrence ? (JSON.parse(r.recurrence) as Recurrence) : null,
    updatedAt: new Date(r.updatedAt),
  }));
}
