/** Job positions in API v1: cards from db/queries/open-data-jobs.ts → ApiJob. */
import type { FairStatus } from '@/db/enums';
import { FAIR_STATUS_LABELS, PAY_UNIT_LABELS, payText } from '@/db/domain/labels-fairs';
import { listOpenJobs } from '@/db/queries/open-data-jobs';
import type { JobListItem } from '@/db/queries/jobs/types';
import type { Listed, Paging } from '@/db/queries/open-data';
import { fairUrl, type ApiPosition } from './fairs';
import { localToIso } from './format';
import type { ApiParams } from './params';

/** A fair's position as its fair's detail gives it, with where and when to apply. */
export type ApiJob = Omit<ApiPosition, 'course_id'> & {
  /** '6000–8000 元/月', or '面议' when no figure is given. */
  pay_label: string;
  employer: { name: string; industry: string };
  fair: {
    id: number;
    title: string;
    url: string;
    status: FairStatus;
    status_label: string;
    starts_at: string;
    ends_at: string;
    /** The day one can next go (a market's next session), 'YYYY-MM-DD'. */
    next_date: string;
    venue: { name: string; street: string | null; lat: number; lng: number; crs: 'WGS-84' } | null;
    online: boolean;
  };
  course: { id: number; title: string; url: string } | null;
  /** Metres from `near`, when given and the fair has a venue. */
  distance_m: number | null;
};

export function jobToApi(j: JobListItem, base: string): ApiJob {
  const f = j.fair;
  return {
    id: j.id,
    title: j.title,
    headcount: j.headcount,
    pay_min: j.payMin,
    pay_max: j.payMax,
    pay_unit: j.payUnit,
    pay_unit_label: PAY_UNIT_LABELS[j.payUnit],
    pay_label: payText(j.payMin, j.payMax, j.payUnit),
    requirements: j.requirements,
    employer: j.employer,
    fair: {
      id: f.id,
      title: f.title,
      url: fairUrl(base, f.id),
      status: f.status,
      status_label: FAIR_STATUS_LABELS[f.status],
      starts_at: localToIso(f.startsAt),
      ends_at: localToIso(f.endsAt),
      next_date: f.nextSession?.date ?? f.date,
      venue: f.venue?.at ? { name: f.venue.name, street: f.venue.street, lat: f.venue.at.lat, lng: f.venue.at.lng, crs: 'WGS-84' } : null,
      online: f.online,
    },
    course: j.course ? { ...j.course, url: `${base}/courses/${j.course.id}` } : null,
    distance_m: j.distance,
  };
}

/** GET /api/v1/jobs: positions at upcoming published fairs, filtered and ordered like /jobs. */
export async function listApiJobs(v: ApiParams<'jobs'>, paging: Paging, base: string, now: Date = new Date()): Promise<Listed<ApiJob>> {
  const { items, total } = await listOpenJobs(v, paging, now);
  return { items: items.map((j) => jobToApi(j, base)), total };
}
