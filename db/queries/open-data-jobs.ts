import 'server-only';
/**
 * Open-data reads of job positions: the resident job list's own filters, order and index
 * (db/queries/jobs), paged by the API, with the same cards the page shows. Rows out;
 * app/api/v1/_lib/jobs.ts shapes them.
 */
import { getDb } from '@/db';
import type { DateWindow } from '@/db/domain/fair-dates';
import type { PayBand } from '@/db/domain/job-pay';
import type { JobDistance } from '@/db/validation/job-search';
import { jobCards } from './jobs/cards';
import { jobList, withoutLoneDistance } from './jobs/list';
import type { JobListItem } from './jobs/types';
import { instantOf } from './fairs/list';
import { pageBounds, type Listed, type Paging } from './open-data';

export type JobFilter = { q: string; pay: PayBand | null; street: number | null; date: DateWindow | null; near: string | null; dist: JobDistance | null; fair: number | null };

/** Positions at upcoming published fairs matching `f`, in the job list's order. Public. */
export async function listOpenJobs(f: JobFilter, paging: Paging, now: Date = new Date()): Promise<Listed<JobListItem>> {
  const db = getDb();
  const sp = new URLSearchParams(jobList.query({ q: f.q, pay: f.pay, street: f.street, date: f.date, dist: f.dist, fair: f.fair, page: 1 }));
  if (f.near) sp.set('near', f.near);
  const { matched, q } = await jobList.match(db, withoutLoneDistance(sp), { kind: 'public' }, { now, ordered: true });
  const bounds = pageBounds(paging);
  const page = bounds ? matched.slice(bounds.offset, bounds.offset + bounds.limit) : matched;
  return { items: await jobCards(db, page, instantOf(q), q.origin), total: matched.length };
}
