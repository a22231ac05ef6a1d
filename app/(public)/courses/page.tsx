import type { Metadata } from 'next';
import { cardText } from '@/components/cards/strings';
import { CourseSearch } from '@/components/courses/course-search';
import { renderCourseResults } from '@/components/courses/course-results';
import { coursesText as t } from '@/components/courses/strings';
import { listMapTiles } from '@/components/maps/page-tiles';
import { PageHeader } from '@/components/ui/page-header';
import { SubsidyCheckLink } from '@/components/subsidy/badge';
import { withSubsidyBadges } from '@/components/subsidy/read-answers';
import { listCourseOrigins, searchCourses } from '@/db/queries/courses';
import { noteSearchMiss } from '../search-miss';

// Reads the database and Beijing's "today" on every request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: t.title,
  description: t.metaDescription,
  alternates: { types: { 'application/atom+xml': [{ url: '/feeds/courses.xml', title: cardText.feedAlternateCourses }] } },
};

export default async function CoursesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const found = await searchCourses(raw);
  await noteSearchMiss('courses', found);
  const result = await withSubsidyBadges(found);
  const origins = await listCourseOrigins();
  const map = listMapTiles(raw);
  return (
    <>
      <PageHeader title={t.title} lead={t.lead}>
        <SubsidyCheckLink answered={result.subsidyAnswered} />
      </PageHeader>
      <CourseSearch initial={renderCourseResults(result, map)} origins={origins} map={map} />
    </>
  );
}
