import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DateTile, fairTimeText } from '@/components/fairs/fair-card';
import { fairText } from '@/components/fairs/strings';
import type { JobListItem } from '@/db/queries/jobs/types';
import { payText } from '@/db/domain/labels-fairs';
import { monthDayWeekday } from '@/db/domain/calendar';
import { jobText } from './strings';

const row = 'grid grid-cols-[4.5rem_1fr] gap-x-2';
const label = 'font-bold text-muted';

/** The day to go: the next session of a market (今天 when it is today), else the fair's time. */
function whenText(job: JobListItem): string {
  const f = job.fair;
  if (f.status === 'postponed') return jobText.postponed;
  if (f.recurrence && f.nextSession) {
    return f.nextSessionToday
      ? fairText.todaySession(f.nextSession.opens, f.nextSession.closes, f.happeningNow)
      : `${fairText.nextSession}：${monthDayWeekday(f.nextSession.date)}`;
  }
  return fairTimeText(f);
}

/** One position in the list: the job, its employer and pay, the fair it is offered at (linked), and the course that leads to it. No hooks. */
export function JobCard({ job }: { job: JobListItem }) {
  const f = job.fair;
  return (
    <article className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 rounded-xl border border-line bg-white p-4 shadow-sm sm:gap-x-4" data-testid="job-card">
      <div className="sm:row-span-2">
        <DateTile date={f.date} caption={f.nextSessionToday ? fairText.today : undefined} muted={f.status !== 'scheduled'} />
      </div>
      <div className="min-w-0 space-y-1">
        <h3 className="text-xl">{job.title}</h3>
        <p className="text-lg">{job.employer.name}</p>
        <div className="flex flex-wrap gap-2">
          <Badge tone="info">{payText(job.payMin, job.payMax, job.payUnit)}</Badge>
          <Badge tone="neutral">{jobText.headcount(job.headcount)}</Badge>
          {f.happeningNow && <Badge tone="ok">{jobText.happeningNow}</Badge>}
        </div>
      </div>
      <dl className="col-span-2 space-y-1 text-base sm:col-span-1 sm:col-start-2 sm:text-lg">
        {job.requirements && (
          <div className={row}>
            <dt className={label}>{jobText.requirements}</dt>
            <dd>{job.requirements}</dd>
          </div>
        )}
        <div className={row}>
          <dt className={label}>{jobText.fair}</dt>
          <dd>
            <Link href={`/fairs/${f.id}`}>{f.title}</Link>
          </dd>
        </div>
        <div className={row}>
          <dt className={label}>{jobText.when}</dt>
          <dd data-testid="job-when">{whenText(job)}</dd>
        </div>
        <div className={row}>
          <dt className={label}>{jobText.where}</dt>
          <dd>
            {f.venue ? (
              <>
                {f.venue.name}
                {f.venue.street && <span className="text-muted">（{f.venue.street}）</span>}
              </>
            ) : (
              jobText.online
            )}
            {job.distance !== null && (
              <span className="block font-bold" data-testid="job-distance">
                {jobText.distance(job.distance)}
              </span>
            )}
          </dd>
        </div>
        {job.course && (
          <div className={row}>
            <dt className={label}>{jobText.course}</dt>
            <dd>
              <Link href={`/courses/${job.course.id}`}>{jobText.courseLink(job.course.title)}</Link>
            </dd>
          </div>
        )}
      </dl>
    </article>
  );
}
