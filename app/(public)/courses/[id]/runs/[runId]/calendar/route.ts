import type { NextRequest } from 'next/server';
import { runIcs } from '@/components/cards/run-ics';
import { siteUrl } from '@/db/site-url';
import { cardText as t } from '@/components/cards/strings';
import { getCourseDetail } from '@/db/queries/courses';
import { parseRouteId } from '@/db/validation/search-params';
import { loadCalendar } from '@/db/queries/station-schedules';

// Run status (and so the deadline reminder) follows Beijing's today.
export const dynamic = 'force-dynamic';

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };

/** «添加到日历» for one published run of a published course; 404 in plain words otherwise. */
export async function GET(_req: NextRequest, ctx: { params: Promise<{ id: string; runId: string }> }) {
  const p = await ctx.params;
  const id = parseRouteId(p.id);
  const runId = parseRouteId(p.runId);
  const course = id === null || runId === null ? null : await getCourseDetail(id);
  const run = course?.runs.find((r) => r.id === runId);
  if (!course || !run) return new Response(t.icsNotFound, { status: 404, headers: TEXT });
  // The district calendar over the run's days: classes on statutory holidays are left out.
  const calendar = await loadCalendar(run.startDate, run.endDate);
  const ics = runIcs(course, run, `${siteUrl()}/courses/${course.id}#run-${run.id}`, calendar);
  if (!ics) return new Response(t.icsFailed, { status: 503, headers: TEXT });
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="course-${course.id}-run-${run.id}.ics"`,
      'Cache-Control': 'no-store',
    },
  });
}
