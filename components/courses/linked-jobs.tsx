import Link from 'next/link';
import type { LinkedJob } from '@/db/queries/courses';
import { clock, monthDayWeekday } from '@/db/domain/calendar';
import { coursesText as t, payText } from './strings';

function fairWhen(job: LinkedJob): string {
  if (job.recurring) return t.standingFair;
  const [day = '', start = ''] = job.startsAt.split('T');
  const [endDay = '', end = ''] = job.endsAt.split('T');
  const range = day === endDay && start && end ? `${clock(start)}–${clock(end)}` : start ? clock(start) : '';
  return `${monthDayWeekday(day)} ${range}`.trim();
}

/** «这门课对应的招聘岗位»: positions at coming fairs that ask for what this course teaches. */
export function LinkedJobs({
  jobs,
  fairs = '/fairs',
  fair = (id) => `/fairs/${id}`,
  target,
}: {
  jobs: LinkedJob[];
  /** The fair list and a fair's page (the admin preview passes its own; null shows the name alone). */
  fairs?: string | null;
  fair?: ((fairId: number) => string) | null;
  target?: '_top';
}) {
  if (jobs.length === 0) {
    return (
      <p>
        {t.jobsNone}
        {fairs && (
          <Link href={fairs} target={target} className="ml-1 underline">
            {t.allFairs}
          </Link>
        )}
      </p>
    );
  }
  return (
    <>
      <p>{t.jobsIntro}</p>
      <ul className="mt-3 space-y-3">
        {jobs.map((j) => (
          <li key={j.positionId} className="rounded-xl border border-line bg-white p-4">
            <p className="text-lg font-bold">
              {j.position} · {payText(j.payMin, j.payMax, j.payUnit)}
            </p>
            <p>
              {j.employer} · {t.jobHeadcount(j.headcount)}
            </p>
            <p className="mt-2">
              {t.jobFair}：
              {fair ? (
                <Link href={fair(j.fairId)} target={target} className="py-3 font-medium underline">
                  {j.fairTitle}
                </Link>
              ) : (
                <span className="font-medium">{j.fairTitle}</span>
              )}
            </p>
            <p className="text-muted">{fairWhen(j)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
