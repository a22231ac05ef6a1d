/**
 * The resident pages' and live-search actions' one-line hook for zero-result searches: when a
 * search found nothing, count it (db/queries/search-misses.ts decides what is kept). Next's
 * prefetches and the browser's speculative loads are not searches, so they are not counted.
 */
import 'server-only';
import { headers } from 'next/headers';
import type { SearchMissKind } from '@/db/enums';
import { recordSearchMiss } from '@/db/queries/search-misses';
import { clientIp } from '@/db/auth/client-ip';

/** True for a request that only prefetches a page (Next's router, or the browser's `<link rel=prefetch>`). */
export function isPrefetch(h: Headers): boolean {
  if (h.has('next-router-prefetch') || h.has('next-router-segment-prefetch')) return true;
  return /prefetch|prerender/i.test(`${h.get('purpose') ?? ''} ${h.get('sec-purpose') ?? ''}`);
}

/** Counts the search behind `result` if it found nothing; never fails the page. */
export async function noteSearchMiss(kind: SearchMissKind, result: { total: number; query: string }): Promise<void> {
  if (result.total > 0) return;
  let h: Headers;
  try {
    h = await headers();
  } catch {
    return; // No request in scope (e.g. at build time): nothing to count.
  }
  if (isPrefetch(h)) return;
  // The address only caps how many misses one client adds per day; it is not stored.
  recordSearchMiss(kind, result.query, new Date(), undefined, clientIp(h));
}
