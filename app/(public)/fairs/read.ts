import 'server-only';
import { fairSearchPage } from '@/components/fairs/strings';
import { searchFairs } from '@/db/queries/fairs/list';
import { actionQuery } from '@/db/validation/search-params';
import { noteSearchMiss } from '../search-miss';

/**
 * What the fair list's read action finds for its argument (anything: server actions are open
 * POST endpoints, so the input is checked like any URL): the query as read and its results, in
 * words. Apart from the action, which renders them, so it can be tested without a React renderer.
 */
export async function readFairs(qs: unknown) {
  const q = actionQuery(qs);
  const result = fairSearchPage(await searchFairs(q));
  await noteSearchMiss('fairs', result);
  return { q, result };
}
