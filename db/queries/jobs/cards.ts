/**
 * The job list's cards: a page of positions read by id with their employer and linked course
 * (published courses only), and their fairs' cards (db/queries/fairs/cards.ts) at the query's
 * instant. Two reads for a page, whatever its size.
 */
import { eq, inArray } from 'drizzle-orm';
import type { DB } from '../../client';
import { distanceMetres } from '../../domain/geo';
import { courses, fairEmployers, fairPositions } from '../../schema';
import type { MatchedGroup } from '../../search/engine';
import { itemsByIds } from '../fairs/cards';
import { fairPositionColumns } from '../fairs/detail';
import type { JobRow } from './rows';
import type { JobFair, JobListItem } from './types';

function positionsOf(db: DB, ids: number[]) {
  return db
    .select({
      id: fairPositions.id,
      ...fairPositionColumns,
      employer: fairEmployers.name,
      industry: fairEmployers.industry,
      courseId: courses.id,
      courseTitle: courses.title,
      coursePublication: courses.publication,
    })
    .from(fairPositions)
    .innerJoin(fairEmployers, eq(fairEmployers.id, fairPositions.employerId))
    .leftJoin(courses, eq(courses.id, fairPositions.courseId))
    .where(inArray(fairPositions.id, ids))
    .all();
}

/** The page's cards, in the page's order; `origin` measures the distance to each venue. */
export async function jobCards(db: DB, page: readonly MatchedGroup<JobRow>[], now: Date, origin: { lat: number; lng: number } | null): Promise<JobListItem[]> {
  if (page.length === 0) return [];
  const rows = new Map(positionsOf(db, page.map((m) => m.group)).map((r) => [r.id, r]));
  const fairIds = [...new Set(page.map((m) => m.rows[0]!.fairId))];
  const fairs = new Map((await itemsByIds(db, fairIds, now)).map((f) => [f.id, f]));
  const out: JobListItem[] = [];
  for (const m of page) {
    const p = rows.get(m.group);
    const f = fairs.get(m.rows[0]!.fairId);
    if (!p || !f) continue;
    const fair: JobFair = {
      id: f.id,
      title: f.title,
      type: f.type,
      status: f.status,
      date: f.date,
      startsAt: f.startsAt,
      endsAt: f.endsAt,
      recurrence: f.recurrence,
      nextSession: f.nextSession,
      nextSessionToday: f.nextSessionToday,
      venue: f.venue,
      online: f.online,
      happeningNow: f.happeningNow,
    };
    out.push({
      id: p.id,
      title: p.title,
      headcount: p.headcount,
      payMin: p.payMin,
      payMax: p.payMax,
      payUnit: p.payUnit,
      requirements: p.requirements,
      employer: { name: p.employer, industry: p.industry },
      fair,
      course: p.courseId !== null && p.courseTitle !== null && p.coursePublication === 'published' ? { id: p.courseId, title: p.courseTitle } : null,
      distance: origin && f.venue?.at ? Math.round(distanceMetres(origin, f.venue.at)) : null,
    });
  }
  return out;
}
