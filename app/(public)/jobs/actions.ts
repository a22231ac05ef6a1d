'use server';

import { renderJobResults } from '@/components/jobs/job-results';
import { actionMapTiles } from '@/components/maps/page-tiles';
import { readJobs } from './read';

/**
 * Live results for the job list, rendered (components/search/rendered.ts). A public read:
 * server actions are open POST endpoints, so the input is checked (./read.ts) rather than
 * trusted from the form. Counted and, over budget, refused by the proxy
 * (app/_server/rate-limit-http.ts).
 */
export async function searchJobsAction(qs: unknown) {
  const { q, result } = await readJobs(qs);
  return renderJobResults(result, actionMapTiles(q));
}
