import 'server-only';
/**
 * The resident job list (/jobs, its read action, the open-data API): positions at upcoming,
 * published, not cancelled fairs, as a declaration on the list engine. Results carry codes
 * (facet values, chip keys, the notice code); components/jobs/strings.ts says them.
 */
import { getDb } from '@/db';
import { FAIR_STATUSES } from '../../schema';
import { defineList, type SearchResult } from '../../search/engine';
import { toSearchParams } from '../../validation/search-params';
import { jobSearchShape, type JobSearchValues } from '../../validation/job-search';
import { instantOf } from '../fairs/list';
import { fairState, UPCOMING } from '../fairs/timing';
import { jobCards } from './cards';
import { jobFilters, jobOrders } from './filters';
import { jobSource } from './rows';
import type { JobListItem } from './types';

export const JOB_PAGE_SIZE = 10;

const CANCELLED = FAIR_STATUSES.indexOf('cancelled');
const stateOf = fairState;

export const jobList = defineList({
  name: 'jobs',
  shape: jobSearchShape,
  source: jobSource,
  filters: jobFilters(),
  orders: jobOrders,
  // A fair is past from the minute after it ends: its positions leave the list then.
  clock: 'minute',
  pageSize: JOB_PAGE_SIZE,
  // Published fairs only are loaded (rows.ts); of those, upcoming and not cancelled.
  scope: (_scope, q) => (r) => r.fair.status !== CANCELLED && (stateOf(r.fair, q.minute) & UPCOMING) !== 0,
  items: (db, page, q) => jobCards(db, page, instantOf(q), q.origin),
});

export type JobSearchResult = SearchResult<JobListItem, JobSearchValues>;

type Input = Parameters<typeof jobList.search>[1];

/**
 * A distance says nothing without a place to measure from (the no-JavaScript form sends the
 * distance whatever the place): dropped, without a notice, when there is no origin; so is a
 * lone coordinate.
 */
export function withoutLoneDistance(input: Input): URLSearchParams {
  const sp = new URLSearchParams(toSearchParams(input));
  // A lone coordinate (a chip for the device's position removes `lat`) says nothing either.
  if (!sp.get('lat')?.trim() !== !sp.get('lng')?.trim()) {
    sp.delete('lat');
    sp.delete('lng');
  }
  if (!sp.get('near')?.trim() && !sp.get('from')?.trim() && !(sp.get('lat')?.trim() && sp.get('lng')?.trim())) sp.delete('dist');
  return sp;
}

/**
 * The resident job list with facet counts, chips and a page of cards, from the URL's query.
 * Unreadable parameters fall back with the 'invalid-params' notice. Public.
 */
export async function searchJobs(input: Input, now: Date = new Date(), opts: { facets?: boolean } = {}): Promise<JobSearchResult> {
  return jobList.search(getDb(), withoutLoneDistance(input), { kind: 'public' }, { now, ...opts });
}
