import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CourseDetailView } from '@/components/courses/course-detail';
import { CourseJsonLd } from '@/components/open-data/json-ld';
import { subsidyBadges } from '@/components/subsidy/read-answers';
import { coursesText as t } from '@/components/courses/strings';
import { getCourseDetail, getCourseTitle } from '@/db/queries/courses';
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
  // ?runs=all lists every run still to come; anything else is the usual page.
  const allRuns = (await searchParams).runs === 'all';
  return (
    <>
      <CourseDetailView course={course} allRuns={allRuns} subsidy={(await subsidyBadges(course.runs.map((r) => r.id))) ?? 'ask'} />
      <div className="mt-5">
        <RecordShare poster={coursePoster(course, siteUrl())} path={coursePath(course.id)} />
      </div>
      <CourseJsonLd id={course.id} />
    </>
  );
}
