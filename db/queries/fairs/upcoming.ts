import 'server-only';
/** The home page's next fairs: from the fair list's index, no query over every fair. Public. */
import { getDb } from '@/db';
import { FAIR_STATUSES } from '../../schema';
import { beijingNow } from '../../domain/time';
import { epochDay } from '../../search/engine';
import { itemsByIds } from './cards';
import { fairList } from './list';
import { PUBLISHED } from './rows';
import { fairState, nextGoKey, UPCOMING } from './timing';
import type { FairListItem } from './types';

const CANCELLED = FAIR_STATUSES.indexOf('cancelled');

/** One of the soonest fairs so far: the list's upcoming order (when one can next go, then start, then id). */
type Next = { id: number; go: number; starts: number };
const sooner = (a: Next, b: Next) => a.go - b.go || a.starts - b.starts || a.id - b.id;

/** The last answer per index snapshot: the ids for a minute and a count (the home page asks on every visit). */
const lastIds = new WeakMap<object, { minute: number; n: number; ids: number[] }>();

/**
 * The next published fairs that are not cancelled, soonest first (as the list orders them). One
 * pass over the index keeping the n soonest (no key per fair, no sort of every upcoming fair);
 * whether a fair is upcoming is the list's own memo for the minute (timing.ts fairState).
 */
export async function listUpcomingFairs(limit = 3, now: Date = new Date()): Promise<FairListItem[]> {
  const db = getDb();
  const n = Math.min(Math.max(1, Math.trunc(limit) || 1), 50);
  const clock = beijingNow(now);
  const minute = epochDay(clock.date) * 1440 + clock.minutes;
  const snap = await fairList.index.current(db);
  const known = lastIds.get(snap);
  if (known && known.minute === minute && known.n === n) return itemsByIds(db, known.ids, now);
  const best: Next[] = [];
  for (const r of snap.rows) {
    if (r.publication !== PUBLISHED || r.status === CANCELLED || (fairState(r, minute) & UPCOMING) === 0) continue;
    const x: Next = { id: r.group, go: nextGoKey(r, minute), starts: r.starts };
    if (best.length === n && sooner(x, best[n - 1]!) >= 0) continue;
    let at = best.length === n ? n - 1 : best.length;
    while (at > 0 && sooner(x, best[at - 1]!) < 0) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = x;
  }
  const ids = best.map((b) => b.id);
  lastIds.set(snap, { minute, n, ids });
  return itemsByIds(db, ids, now);
}
