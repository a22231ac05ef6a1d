'use server';

import { renderFairResults } from '@/components/fairs/fair-results';
import { actionMapTiles } from '@/components/maps/page-tiles';
import { readFairs } from './read';

/**
 * Live results for the fair list, rendered (components/search/rendered.ts). A public read:
 * server actions are open POST endpoints, so the input is checked (./read.ts) rather than
 * trusted from the form. Counted and, over budget, refused by the proxy
 * (app/_server/rate-limit-http.ts).
 */
export async function searchFairsAction(qs: unknown) {
  const { q, result } = await readFairs(qs);
  return renderFairResults(result, actionMapTiles(q));
}
