import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import type { CourseCardData } from '@/db/queries/courses';
import { costText, dateRangeText } from '@/db/domain/course-run';
import { courseHref, matchedRunsHref } from './links';
import { levelLabel } from '@/db/domain/labels-courses';
import { weekdayOf, WEEKDAY_NAMES } from '@/db/domain/calendar';
import { SubsidyBadge } from '@/components/subsidy/badge';
import { RunStatusBadges } from './run-status';
import { coursesText as t } from './strings';

/** The card's price: a 补贴班 says its fee and its subsidy together; a 免费班 that it is for those who qualify. */
function cardCost(r: CourseCardData['run']): string {
  if (r.costType === 'subsidy') return t.cardCostSubsidy(r.fee, r.subsidy);
  if (r.costType === 'free') return t.cardCostFree;
  return costText(r);
}

/**
 * One course in the results: what it is, who runs it, and the run that matters most to the
 * reader. The whole card is one tap target (the title link stretches over it); the links carry
 * the list's filters (`listQuery`) so the course page shows the matching runs first.
 */
export function CourseCard({
  course,
  originLabel,
  nearest,
  listQuery = '',
}: {
  course: CourseCardData;
  originLabel: string | null;
  nearest: boolean;
  listQuery?: string;
}) {
  const r = course.run;
  return (
    <article className="relative rounded-xl border border-line bg-white p-4 shadow-sm focus-within:ring-4 focus-within:ring-[#f5a700] hover:border-brand sm:p-5">
      <h3 className="text-xl">
        <Link
          href={courseHref(course.id, listQuery)}
          className="text-brand no-underline after:absolute after:inset-0 after:content-[''] hover:underline focus-visible:outline-none"
        >
          {course.title}
        </Link>
      </h3>
      <p className="mt-1 text-muted">
        {course.occupation} · {levelLabel(course.level)} · {course.provider}
      </p>
      {(r.dual || r.costType === 'free') && (
        <p className="mt-2 flex flex-wrap gap-2">
          {r.dual && <Badge tone="info">{t.dualBadge}</Badge>}
          {r.costType === 'free' && <Badge tone="ok">{t.freeBadge}</Badge>}
        </p>
      )}
      <div className="mt-3 rounded-lg bg-page p-3">
        <p className="flex flex-wrap items-center justify-between gap-2">
          <span className="font-bold">
            {nearest ? t.nearestRun : t.nextRun}：{r.label}
          </span>
          <RunStatusBadges status={r.status} deadline={r.deadline} deadlineDays={r.deadlineDays} />
        </p>
        <dl className="mt-2 grid grid-cols-[4.5rem_1fr] gap-x-3 gap-y-1">
          <dt className="text-muted">{t.dates}</dt>
          <dd>
            {dateRangeText(r.startDate, r.endDate)}（{WEEKDAY_NAMES[weekdayOf(r.startDate)]}开课）
          </dd>
          <dt className="text-muted">{t.place}</dt>
          <dd>
            {r.street ? `${r.street} · ` : ''}
            {r.venue}
          </dd>
          {r.distance !== null && originLabel && (
            <>
              <dt className="text-muted">{t.distanceLabel}</dt>
              <dd className="font-medium">{t.distance(originLabel, r.distance)}</dd>
            </>
          )}
          <dt className="text-muted">{t.cost}</dt>
          <dd>
            <span data-testid="card-cost">{cardCost(r)}</span>
            {course.subsidy && (
              <span className="mt-1 block">
                <SubsidyBadge view={course.subsidy} compact />
              </span>
            )}
          </dd>
          <dt className="text-muted">{t.seats}</dt>
          <dd>{t.seatsLeft(r.seatsLeft, r.seats)}</dd>
        </dl>
      </div>
      {course.otherRuns > 0 && (
        <p className="mt-2">
          <Link href={matchedRunsHref(course.id, listQuery)} className="relative z-10 inline-flex min-h-12 items-center underline">
            {t.otherRuns(course.otherRuns)}
          </Link>
        </p>
      )}
    </article>
  );
}
