'use server';

import { fairSearchPage } from '@/components/fairs/strings';
import { searchFairs } from '@/db/queries/fairs/list';
import { actionQuery } from '@/db/validation/search-params';
import { noteSearchMiss } from '../search-miss';

/**
 * Live results for the fair list. A public read: server actions are open POST endpoints, so
 * the input is checked here rather than trusted from the form. Counted and, over budget,
 * refused by the proxy (app/_server/rate-limit-http.ts).
 */
export async function searchFairsAction(qs: unknown) {
  const result = fairSearchPage(await searchFairs(actionQuery(qs)));
  await noteSearchMiss('fairs', result);
  return result;
}
