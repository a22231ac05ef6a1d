import 'server-only';
/** The home page's next fairs: from the fair list's index, no query over every fair. Public. */
import { getDb } from '@/db';
import { FAIR_STATUSES } from '../../schema';
import { beijingNow } from '../../domain/time';
import { epochDay } from '../../search/engine';
import { itemsByIds } from './cards';
import { upcomingKey } from './filters';
import { fairList } from './list';
import { PUBLISHED } from './rows';
import { isUpcoming } from './timing';
import type { FairListItem } from './types';

const CANCELLED = FAIR_STATUSES.indexOf('cancelled');

/** The next published fairs that are not cancelled, soonest first (as the list orders them). */
export async function listUpcomingFairs(limit = 3, now: Date = new Date()): Promise<FairListItem[]> {
  const db = getDb();
  const n = Math.min(Math.max(1, Math.trunc(limit) || 1), 50);
  const clock = beijingNow(now);
  const minute = epochDay(clock.date) * 1440 + clock.minutes;
  const snap = await fairList.index.current(db);
  const keyed: { id: number; key: readonly number[] }[] = [];
  for (const r of snap.rows) {
    if (r.publication !== PUBLISHED || r.status === CANCELLED || !isUpcoming(r, minute)) continue;
    keyed.push({ id: r.group, key: upcomingKey(r, minute) });
  }
  keyed.sort((a, b) => a.key[0]! - b.key[0]! || a.key[1]! - b.key[1]! || a.id - b.id);
  return itemsByIds(db, keyed.slice(0, n).map((k) => k.id), now);
}
