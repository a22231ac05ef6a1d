'use server';

import { searchFairs } from '@/db/queries/fairs';
import { parseFairSearch } from '@/db/validation/fair-search';
import { actionQuery } from '@/db/validation/search-params';
import { noteSearchMiss } from '../search-miss';
import { searchAllowance } from '@/db/http/rate-limit-action';

/**
 * Live results for the fair list. A public read: server actions are open POST endpoints, so
 * the input is checked here rather than trusted from the form.
 */
export async function searchFairsAction(qs: unknown) {
  const limited = await searchAllowance();
  if (limited) return limited;
  const result = searchFairs(parseFairSearch(actionQuery(qs)));
  await noteSearchMiss('fairs', result);
  return result;
}
