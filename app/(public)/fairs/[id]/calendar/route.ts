import type { NextRequest } from 'next/server';
import { fairText } from '@/components/fairs/strings';
import { siteUrl } from '@/db/site-url';
import { getFairCalendarInfo } from '@/db/queries/fairs/calendar';
import { parseFairId } from '../fair-id';
import { fairIcs } from './fair-ics';

// The file follows the fair's current status and the clock (a market starts at its next session).
export const dynamic = 'force-dynamic';

/**
 * «添加到日历»: the fair as an .ics download; 404 for anything that is not a published fair,
 * and for a postponed one (no date to put in a calendar yet).
 */
export async function GET(_req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  const id = parseFairId((await ctx.params).id);
  const fair = id === null ? null : await getFairCalendarInfo(id);
  if (id === null || !fair) {
    return new Response(fairText.icsNotFound, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  // Postponed with the new date unknown: a file at the old date, even marked TENTATIVE, would
  // still put the old day in residents' calendars with a reminder to go (many phones show
  // TENTATIVE like any other event). Say in words why there is no file instead.
  if (fair.status === 'postponed') {
    return new Response(fairText.icsPostponed, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  }
  const ics = fairIcs(fair, `${siteUrl()}/fairs/${id}`);
  if (!ics) {
    return new Response(fairText.icsFailed, { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="fair-${id}.ics"`,
      'Cache-Control': 'no-store',
    },
  });
}
