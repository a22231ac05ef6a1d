import type { Metadata } from 'next';
import { cardText } from '@/components/cards/strings';
import { CourseSearch } from '@/components/courses/course-search';
import { coursesText as t } from '@/components/courses/strings';
import { listMapTiles } from '@/components/maps/page-tiles';
import { PageHeader } from '@/components/ui/page-header';
import { listCourseOrigins, searchCourses } from '@/db/queries/courses';
import { parseCourseSearch } from '@/db/validation/course-search';

// Reads the database and Beijing's "today" on every request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: t.title,
  description: t.metaDescription,
  alternates: { types: { 'application/atom+xml': [{ url: '/feeds/courses.xml', title: cardText.feedAlternateCourses }] } },
};

export default async function CoursesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const params = parseCourseSearch(raw);
  const result = searchCourses(params);
  const origins = listCourseOrigins();
  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <CourseSearch initial={result} origins={origins} map={listMapTiles(raw)} />
    </>
  );
}
