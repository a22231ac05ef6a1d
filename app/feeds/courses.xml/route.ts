import type { NextRequest } from 'next/server';
import { coursesFeed } from '@/components/cards/feeds';
import { siteUrl } from '@/db/site-url';
import { cardText as t } from '@/components/cards/strings';
import { getOccupationName, listFeedCourses } from '@/db/queries/feeds';
import { parseRouteId } from '@/db/validation/search-params';
import { log } from '@/db/log';

// New courses appear the moment they are published.
export const dynamic = 'force-dynamic';

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };

/** Atom feed of the newest published courses; ?occupation=<id> narrows it to one 工种. */
export async function GET(req: NextRequest) {
  const origin = siteUrl();
  const raw = req.nextUrl.searchParams.get('occupation');
  let occupationId: number | null = null;
  let occupation: string | null = null;
  if (raw !== null) {
    occupationId = parseRouteId(raw);
    occupation = occupationId === null ? null : await getOccupationName(occupationId);
    if (occupation === null) return new Response(t.feedBadOccupation, { status: 400, headers: TEXT });
  }
  const selfUrl = `${origin}/feeds/courses.xml${occupationId !== null ? `?occupation=${occupationId}` : ''}`;
  try {
    const xml = coursesFeed(await listFeedCourses(occupationId), { origin, selfUrl, now: new Date(), occupation });
    return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' } });
  } catch (e) {
    log.error('feed.failed', { feed: 'courses', err: e });
    return new Response(t.feedFailed, { status: 503, headers: TEXT });
  }
}
