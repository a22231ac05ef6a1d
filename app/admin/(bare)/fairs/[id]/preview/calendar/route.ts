/**
 * GET /admin/fairs/<id>/preview/calendar — the fair's «添加到日历» file from the draft, for the
 * preview (the public file is a 404 until it is published). Session-checked like every admin
 * read: 401 signed out, 403 for an account that may not see fairs.
 */
import type { NextRequest } from 'next/server';
import { can } from '@/db/auth/permissions';
import { getFairCalendarInfo } from '@/db/queries/fairs/calendar';
import { parseRouteId } from '@/db/validation/search-params';
import { siteUrl } from '@/db/site-url';
import { previewText } from '@/components/admin/preview/strings';
import { routeActor, textResponse } from '@/app/_server/route-handlers';
import { fairIcs } from '@/app/(public)/fairs/[id]/calendar/fair-ics';

export const dynamic = 'force-dynamic';

export async function GET(_req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  const raw = (await ctx.params).id;
  const actor = await routeActor({ unauthenticated: previewText.refusedUnauthenticated, forbidden: previewText.refusedForbidden }, (a) => can(a, 'view', { kind: 'fair' }));
  if (actor instanceof Response) return actor;
  const id = parseRouteId(raw);
  // Admin-only option: the gate above checked that this account may see fairs in any state.
  const fair = id === null ? null : await getFairCalendarInfo(id, { includeUnpublished: true });
  if (id === null || !fair) return textResponse(404, previewText.notFound);
  if (fair.status === 'postponed') return textResponse(404, previewText.icsPostponed);
  const ics = fairIcs(fair, `${siteUrl()}/fairs/${id}`);
  if (!ics) return textResponse(503, previewText.icsFailed);
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="preview-fair-${id}.ics"`,
      'Cache-Control': 'no-store',
    },
  });
}
