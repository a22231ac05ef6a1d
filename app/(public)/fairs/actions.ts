'use server';

import { searchFairs } from '@/db/queries/fairs';
import { parseFairSearch } from '@/db/validation/fair-search';
import { MAX_QUERY_STRING } from '@/db/validation/search-params';

/**
 * Live results for the fair list. A public read: server actions are open POST endpoints, so
 * the input is checked here rather than trusted from the form.
 */
export async function searchFairsAction(qs: string) {
  const input = typeof qs === 'string' ? qs.slice(0, MAX_QUERY_STRING) : '';
  return searchFairs(parseFairSearch(input));
}
