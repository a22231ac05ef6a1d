'use server';

import { searchFairs } from '@/db/queries/fairs';
import { parseFairSearch } from '@/db/validation/fair-search';
import { actionQuery } from '@/db/validation/search-params';

/**
 * Live results for the fair list. A public read: server actions are open POST endpoints, so
 * the input is checked here rather than trusted from the form.
 */
export async function searchFairsAction(qs: unknown) {
  return searchFairs(parseFairSearch(actionQuery(qs)));
}
