/**
 * The resident list's cards: for each course on the page, the run it headlines (picked in
 * memory from its matched runs), then one read for those courses and runs.
 */
import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { DB } from '@/db/client';
import { courseRuns, courses, occupations, places, providers, runCertificates, streets, type CostType } from '@/db/schema';
import type { SubsidyBadgeView } from '@/db/domain/subsidy';
import { daysToDeadline, isDualCertificate, runStatus, type RunStatus } from '@/db/domain/course-run';
import { distanceMetres, type LatLng } from '@/db/domain/geo';
import { distance2, type MatchedGroup, type QueryContext } from '@/db/search/engine';
import { courseNameColumns, runSummaryColumns } from './columns';
import { idsParam, perConnection } from '../id-set';
import { OPEN, statusIndex } from './filters';
import type { CourseIndexRow as Row } from './rows';

/** The run a course card shows: the soonest (or, sorted by distance, the nearest) match. */
export type CourseCardRun = {
  id: number;
  label: string;
  startDate: string;
  endDate: string;
  status: RunStatus;
  /** Days left to register (0 = today, negative = passed). */
  deadlineDays: number;
  deadline: string;
  seats: number;
  seatsLeft: number;
  costType: CostType;
  fee: number | null;
  subsidy: number | null;
  venue: string;
  street: string | null;
  /** The theory venue, WGS-84, for the list's map. */
  at: LatLng;
  dual: boolean;
  /** Straight-line metres from the chosen «我在哪里», when one is chosen. */
  distance: number | null;
};

export type CourseCardData = {
  id: number;
  title: string;
  occupation: string;
  level: number;
  provider: string;
  run: CourseCardRun;
  /** Matching runs besides the one shown. */
  otherRuns: number;
  /** The subsidy self-check badge for `run`, when the resident has answered (components/subsidy). */
  subsidy?: SubsidyBadgeView;
};

/**
 * The run a card shows. A run residents can still join first (a card should not headline 已截止
 * or 已满 when another run of the same course is 报名中); by distance: the nearest; otherwise the
 * soonest still to start, or, when every match has started, the most recent.
 */
export function pickRun(rows: readonly Row[], q: QueryContext, near: boolean): Row {
  let best = rows[0]!;
  const rank = (r: Row) => ({
    open: statusIndex(r, q.today) === OPEN,
    d: near && q.origin ? Math.sqrt(distance2(q.origin, r.latE6 / 1e6, r.lngE6 / 1e6)) : 0,
    future: r.start > q.today,
  });
  let b = rank(best);
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i]!;
    const x = rank(r);
    let better: boolean;
    if (x.open !== b.open) better = x.open;
    else if (Math.abs(x.d - b.d) > 1) better = x.d < b.d;
    else if (x.future !== b.future) better = x.future;
    else if (r.start !== best.start) better = x.future ? r.start < best.start : r.start > best.start;
    else better = r.run < best.run;
    if (better) {
      best = r;
      b = x;
    }
  }
  return best;
}

/** The page's three reads, prepared once per connection (every list request makes them). */
const cardReads = perConnection((db: DB) => ({
  courses: db
    .select(courseNameColumns)
    .from(courses)
    .innerJoin(occupations, eq(occupations.id, courses.occupationId))
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .where(inArray(courses.id, idsParam('ids')))
    .prepare(),
  runs: db
    .select({
      ...runSummaryColumns,
      venue: places.name,
      lat: places.lat,
      lng: places.lng,
      street: streets.name,
    })
    .from(courseRuns)
    .innerJoin(places, eq(places.id, courseRuns.theoryPlaceId))
    .leftJoin(streets, eq(streets.id, places.streetId))
    .where(inArray(courseRuns.id, idsParam('ids')))
    .prepare(),
  certificates: db.select({ runId: runCertificates.runId, kind: runCertificates.kind }).from(runCertificates).where(inArray(runCertificates.runId, idsParam('ids'))).prepare(),
}));

/** The cards of one page, in the page's order. */
export async function courseCards(db: DB, page: readonly MatchedGroup<Row>[], q: QueryContext, near: boolean): Promise<CourseCardData[]> {
  const picked = page.map((m) => ({ group: m.group, row: pickRun(m.rows, q, near), others: m.rows.length - 1 }));
  const reads = cardReads(db);
  const courseRows = reads.courses.all({ ids: JSON.stringify(picked.map((p) => p.group)) });
  const runIds = JSON.stringify(picked.map((p) => p.row.run));
  const runRows = reads.runs.all({ ids: runIds });
  const kinds = new Map<number, string[]>();
  for (const k of reads.certificates.all({ ids: runIds })) kinds.set(k.runId, [...(kinds.get(k.runId) ?? []), k.kind]);
  const courseById = new Map(courseRows.map((c) => [c.id, c]));
  const runById = new Map(runRows.map((r) => [r.id, r]));
  const origin = q.origin;
  const cards: CourseCardData[] = [];
  for (const p of picked) {
    const c = courseById.get(p.group);
    const r = runById.get(p.row.run);
    if (!c || !r) continue;
    cards.push({
      id: c.id,
      title: c.title,
      occupation: c.occupation,
      level: c.level,
      provider: c.provider,
      otherRuns: Math.max(0, p.others),
      run: {
        id: r.id,
        label: r.label,
        startDate: r.startDate,
        endDate: r.endDate,
        status: runStatus(r, q.todayText),
        deadline: r.deadline,
        deadlineDays: daysToDeadline(r.deadline, q.todayText),
        seats: r.seats,
        seatsLeft: r.seatsLeft,
        costType: r.costType,
        fee: r.fee,
        subsidy: r.subsidy,
        venue: r.venue,
        street: r.street,
        at: { lat: r.lat, lng: r.lng },
        dual: isDualCertificate(kinds.get(r.id) ?? []),
        distance: origin ? Math.round(distanceMetres(origin, r)) : null,
      },
    });
  }
  return cards;
}
