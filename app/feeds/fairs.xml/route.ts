import type { NextRequest } from 'next/server';
import { fairsFeed } from '@/components/cards/feeds';
import { siteUrl } from '@/db/site-url';
import { cardText as t } from '@/components/cards/strings';
import { FAIR_TYPES, type FairType } from '@/db/enums';
import { FAIR_TYPE_LABELS } from '@/db/domain/labels-fairs';
import { listFeedFairs } from '@/db/queries/feeds';
import { log } from '@/db/log';

// Fairs end, move and get cancelled: read on every request.
export const dynamic = 'force-dynamic';

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };

function isFairType(v: string): v is FairType {
  return (FAIR_TYPES as readonly string[]).includes(v);
}

/** Atom feed of upcoming published fairs; ?type=<fair type> narrows it to one kind. */
export async function GET(req: NextRequest) {
  const origin = siteUrl();
  const raw = req.nextUrl.searchParams.get('type');
  if (raw !== null && !isFairType(raw)) {
    const list = FAIR_TYPES.map((v) => `${v}（${FAIR_TYPE_LABELS[v]}）`).join('、');
    return new Response(t.feedBadType(list), { status: 400, headers: TEXT });
  }
  const type = raw;
  const selfUrl = `${origin}/feeds/fairs.xml${type ? `?type=${type}` : ''}`;
  try {
    const now = new Date();
    const xml = fairsFeed(await listFeedFairs(type, now), { origin, selfUrl, now, typeLabel: type ? FAIR_TYPE_LABELS[type] : null });
    return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' } });
  } catch (e) {
    log.error('feed.failed', { feed: 'fairs', err: e });
    return new Response(t.feedFailed, { status: 503, headers: TEXT });
  }
}
