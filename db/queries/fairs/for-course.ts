import 'server-only';
/** Jobs at upcoming fairs that a course prepares for (先学后聘), for the course page. Public. */
import { and, asc, eq, gte, ne } from 'drizzle-orm';
import { getDb } from '@/db';
import { fairEmployers, fairPositions, fairs } from '../../schema';
import { beijingInstant, nextSession, splitLocal, type FairTiming } from '../../domain/fair-dates';
import { payText } from '../../domain/labels-fairs';
import type { FairForCourse } from './types';

/** A job a course leads to: the position, its employer, its pay and the fair it is offered at. */
export const courseJobColumns = {
  fairId: fairs.id,
  fairTitle: fairs.title,
  startsAt: fairs.startsAt,
  endsAt: fairs.endsAt,
  recurrence: fairs.recurrence,
  employer: fairEmployers.name,
  position: fairPositions.title,
  payMin: fairPositions.payMin,
  payMax: fairPositions.payMax,
  payUnit: fairPositions.payUnit,
};

/**
 * Positions linked to `courseId` at published fairs, not cancelled, ending at or after
 * `endsFrom` ('YYYY-MM-DD', or Beijing local 'YYYY-MM-DDTHH:MM' for fairs not yet over). Reads
 * fair_positions joined to fair_employers and fairs.
 */
export function courseJobsWhere(courseId: number, endsFrom: string) {
  return and(eq(fairPositions.courseId, courseId), eq(fairs.publication, 'published'), ne(fairs.status, 'cancelled'), gte(fairs.endsAt, endsFrom));
}

/**
 * Upcoming published fairs (not cancelled) with jobs linked to a course, one row per job, for
 * the course page's 先学后聘 section. Public.
 */
export async function listFairsForCourse(courseId: number, today: string, limit = 20): Promise<FairForCourse[]> {
  if (!Number.isSafeInteger(courseId) || courseId <= 0) return [];
  const rows = getDb()
    .select({ ...courseJobColumns, status: fairs.status })
    .from(fairPositions)
    .innerJoin(fairEmployers, eq(fairEmployers.id, fairPositions.employerId))
    .innerJoin(fairs, eq(fairs.id, fairEmployers.fairId))
    .where(courseJobsWhere(courseId, today))
    .orderBy(asc(fairs.startsAt), asc(fairs.id), asc(fairPositions.id))
    .limit(limit)
    .all();
  const startOfToday = new Date(beijingInstant(today, '00:00'));
  return rows.map((r) => {
    const timing: FairTiming = { startsAt: r.startsAt, endsAt: r.endsAt, recurrence: r.recurrence };
    const next = r.recurrence ? nextSession(timing, startOfToday) : null;
    return {
      fairId: r.fairId,
      fairTitle: r.fairTitle,
      date: next?.date ?? splitLocal(r.startsAt).date,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      status: r.status,
      employer: r.employer,
      position: r.position,
      pay: payText(r.payMin, r.payMax, r.payUnit),
    };
  });
}

