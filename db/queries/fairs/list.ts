import 'server-only';
/**
 * The resident fair list (/fairs, its read action, the site search): a declaration on the list
 * engine. Public: published fairs only; upcoming by default, 往期 on request. Results carry
 * codes (facet values, chip keys, the notice code); components/fairs/strings.ts says them.
 */
import { getDb } from '@/db';
import { defineList, type QueryContext, type SearchResult } from '../../search/engine';
import { fairSearchShape, type FairSearchValues } from '../../validation/fair-search';
import { itemsByIds } from './cards';
import { fairFilters, fairOrders } from './filters';
import { fairSource, PUBLISHED } from './rows';
import type { FairListItem } from './types';

export const FAIR_PAGE_SIZE = 10;

/** The instant a query runs at (its minute), for the cards' next session and 正在进行. */
export function instantOf(q: QueryContext): Date {
  return new Date((q.minute - 8 * 60) * 60_000);
}

export const fairList = defineList({
  name: 'fairs',
  shape: fairSearchShape,
  source: fairSource,
  filters: fairFilters<FairSearchValues>({ whenDefault: 'upcoming', facets: true }),
  orders: fairOrders,
  orderParam: 'when',
  // A fair is past from the minute after it ends: the lists move with the clock.
  clock: 'minute',
  pageSize: FAIR_PAGE_SIZE,
  // Residents see published fairs, whoever asks.
  scope: () => (r) => r.publication === PUBLISHED,
  items: (db, page, q) => itemsByIds(db, page.map((m) => m.group), instantOf(q)),
});

export type FairSearchResult = SearchResult<FairListItem, FairSearchValues>;

/**
 * The resident fair list with facet counts, chips and a page of cards, from the URL's query
 * (a string, URLSearchParams or a page's searchParams). Unreadable parameters fall back with
 * the 'invalid-params' notice. Public.
 */
export async function searchFairs(input: Parameters<typeof fairList.search>[1], now: Date = new Date(), opts: { facets?: boolean } = {}): Promise<FairSearchResult> {
  return fairList.search(getDb(), input, { kind: 'public' }, { now, ...opts });
}
