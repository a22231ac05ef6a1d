import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { CourseDetailView } from '@/components/courses/course-detail';
import { coursesText as t } from '@/components/courses/strings';
import { getCourseDetail, getCourseTitle } from '@/db/queries/courses';

// Run status and countdowns depend on Beijing's today.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

/** Plain positive integer ids only: '1e3', '-1', '01x' and huge numbers are not courses. */
const idSchema = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .pipe(z.number().int().max(2_147_483_647));

function readId(raw: string): number | null {
  const r = idSchema.safeParse(raw);
  return r.success ? r.data : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = readId((await params).id);
  const title = id === null ? null : getCourseTitle(id);
  return { title: title ?? t.notFoundTitle };
}

export default async function CourseDetailPage({ params }: Props) {
  const id = readId((await params).id);
  const course = id === null ? null : getCourseDetail(id);
  if (!course) notFound();
  return <CourseDetailView course={course} />;
}
