import Link from 'next/link';
import { Notice } from '@/components/ui/notice';
import type { CourseCardData, CourseDetail } from '@/db/queries/courses';
import { dateRangeText } from '@/db/domain/course-run';
import { levelLabel } from '@/db/domain/labels-courses';
import { courseHref } from './links';
import { coursesText as t } from './strings';

/**
 * No run of this course takes sign-ups (all full, closed or over): the courses of the same 工种
 * (other levels, other schools) that still have an open run with seats, and a way to follow
 * the 工种 without giving any personal data (its Atom feed).
 */
export function AllFull({ course, alternatives, listQuery }: { course: CourseDetail; alternatives: CourseCardData[]; listQuery: string }) {
  const feed = `/feeds/courses.xml?occupation=${course.occupationId}`;
  return (
    <Notice tone="warn" title={t.allFullTitle}>
      <div className="space-y-3" data-testid="all-full">
        {alternatives.length > 0 ? (
          <>
            <p>{t.allFullLead(course.occupation)}</p>
            <ul className="space-y-2">
              {alternatives.map((c) => (
                <li key={c.id} className="rounded-lg border border-line bg-white p-3">
                  <Link href={courseHref(c.id, listQuery, `run-${c.run.id}`)} className="inline-flex min-h-12 items-center font-bold underline">
                    {c.title}
                  </Link>
                  <span className="block text-base">
                    {levelLabel(c.level)} · {c.run.label} · {dateRangeText(c.run.startDate, c.run.endDate)} · {t.seatsLeft(c.run.seatsLeft, c.run.seats)}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t.allFullNone(course.occupation)}</p>
        )}
        <p>
          <Link href={`/courses?occupation=${course.occupationId}&status=open`} className="inline-flex min-h-12 items-center underline">
            {t.allOccupationCourses(course.occupation)}
          </Link>
        </p>
        <div>
          <h3 className="text-lg font-bold">{t.followHeading}</h3>
          <p>{t.followText}</p>
          <p>
            <a href={feed} type="application/atom+xml" className="inline-flex min-h-12 items-center font-medium underline">
              {t.followLink(course.occupation)}
            </a>
          </p>
        </div>
      </div>
    </Notice>
  );
}
