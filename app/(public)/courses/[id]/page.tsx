import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CourseDetailView } from '@/components/courses/course-detail';
import { CourseJsonLd } from '@/components/open-data/json-ld';
import { subsidyBadges } from '@/components/subsidy/read-answers';
import { coursesText as t } from '@/components/courses/strings';
import { courseListContext, getCourseDetail, getCourseTitle, openCoursesOfOccupation } from '@/db/queries/courses';
import { activeSubsidyRules } from '@/db/queries/subsidy';
import { noRunOpen } from '@/db/domain/matched-runs';
import { parseRouteId } from '@/db/validation/search-params';
import { RecordShare } from '@/components/share/record-share';
import { coursePoster } from '@/components/share/poster-data';
import { coursePath } from '@/components/cards/card-data';
import { siteUrl } from '@/db/site-url';

// Run status and countdowns depend on Beijing's today.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseRouteId((await params).id);
  const title = id === null ? null : await getCourseTitle(id);
  return { title: title ?? t.notFoundTitle };
}

export default async function CourseDetailPage({ params, searchParams }: Props) {
  const id = parseRouteId((await params).id);
  const course = id === null ? null : await getCourseDetail(id);
  if (!course) notFound();
  const sp = await searchParams;
  // ?runs=all lists every run still to come; anything else is the usual page.
  const allRuns = sp.runs === 'all';
  // Opened from the list: its filters (and «我在哪里») ride along in the address.
  const [fromList, subsidy, rules, alternatives] = await Promise.all([
    courseListContext(course.id, sp),
    subsidyBadges(course.runs.map((r) => r.id)),
    activeSubsidyRules(),
    course.runs.length > 0 && noRunOpen(course.runs) ? openCoursesOfOccupation(course.occupationId, course.id) : Promise.resolve(null),
  ]);
  return (
    <>
      <CourseDetailView course={course} allRuns={allRuns} subsidy={subsidy ?? 'ask'} fromList={{ ...fromList, alternatives }} rules={rules} />
      <div className="mt-5">
        <RecordShare poster={coursePoster(course, siteUrl())} path={coursePath(course.id)} />
      </div>
      <CourseJsonLd id={course.id} />
    </>
  );
}
