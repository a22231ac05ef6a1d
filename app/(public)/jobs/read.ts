import 'server-only';
import { jobSearchPage } from '@/components/jobs/strings';
import { searchJobs } from '@/db/queries/jobs/list';
import { actionQuery } from '@/db/validation/search-params';
import { noteSearchMiss } from '../search-miss';

/**
 * What the job list's read action finds for its argument (anything: server actions are open POST
 * endpoints, so the input is checked like any URL): the query as read and its results, in words; a search that found nothing is counted.
 * Apart from the action, which renders them, so it can be tested without a React renderer.
 */
export async function readJobs(qs: unknown) {
  const q = actionQuery(qs);
  const result = jobSearchPage(await searchJobs(q));
  await noteSearchMiss('jobs', result);
  return { q, result };
}
