/**
 * GET /admin/courses/<id>/preview/runs/<runId>/calendar — the run's «添加到日历» file from the
 * draft, for the preview (the public file is a 404 until it is published). Session-checked like
 * every admin read: 401 signed out, 403 for a course the account may not see (another school's).
 */
import type { NextRequest } from 'next/server';
import { runIcs } from '@/components/cards/run-ics';
import { previewText } from '@/components/admin/preview/strings';
import { siteUrl } from '@/db/site-url';
import { loadCalendar } from '@/db/queries/station-schedules';
import { parseRouteId } from '@/db/validation/search-params';
import { routeActor, textResponse } from '@/app/_server/route-handlers';
import { loadCoursePreview } from '../../../../../../../_preview/load';

export const dynamic = 'force-dynamic';

export async function GET(_req: NextRequest, ctx: { params: Promise<{ id: string; runId: string }> }) {
  const p = await ctx.params;
  // Any signed-in account may ask; whether it may see THIS course needs the course (below).
  const actor = await routeActor({ unauthenticated: previewText.refusedUnauthenticated, forbidden: previewText.refusedForbidden }, () => true);
  if (actor instanceof Response) return actor;
  const found = await loadCoursePreview(actor, p.id);
  if (found === 'forbidden') return textResponse(403, previewText.refusedForbidden);
  const runId = parseRouteId(p.runId);
  const run = found === 'not-found' ? undefined : found.detail.runs.find((r) => r.id === runId);
  if (found === 'not-found' || !run) return textResponse(404, previewText.notFound);
  const calendar = await loadCalendar(run.startDate, run.endDate);
  const ics = runIcs(found.detail, run, `${siteUrl()}/courses/${found.detail.id}#run-${run.id}`, calendar);
  if (!ics) return textResponse(503, previewText.icsFailed);
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="preview-course-${found.detail.id}-run-${run.id}.ics"`,
      'Cache-Control': 'no-store',
    },
  });
}
