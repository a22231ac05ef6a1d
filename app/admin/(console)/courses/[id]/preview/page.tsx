import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requirePageActor } from '@/db/auth/guard';
import { can } from '@/db/auth/permissions';
import { courseResource, courseRunList, loadCourse } from '@/db/admin/courses';
import { getCourseDetail } from '@/db/queries/courses';
import { parseRouteId } from '@/db/validation/search-params';
import { CourseDetailView } from '@/components/courses/course-detail';
import { Refused } from '@/components/admin/refused';
import { ct } from '@/components/admin/courses/strings';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '预览课程' };

type Props = { params: Promise<{ id: string }> };

/** The resident's course page, rendered from the draft, with a banner saying residents cannot see it yet. */
export default async function PreviewCoursePage({ params }: Props) {
  const raw = (await params).id;
  const actor = await requirePageActor(`/admin/courses/${raw}/preview`);
  const id = parseRouteId(raw);
  const db = getDb();
  const course = id === null ? undefined : loadCourse(db, id);
  if (!course) notFound();
  if (!can(actor, 'view', courseResource(course))) return <Refused />;
  const detail = await getCourseDetail(course.id, new Date(), { includeUnpublished: true });
  if (!detail) notFound();
  const hiddenRuns = courseRunList(db, course.id).filter((r) => r.publication !== 'published' && r.publication !== 'archived').length;
  const live = course.publication === 'published';
  return (
    <div>
      <div role="note" aria-label={live ? ct.previewBannerPublished : ct.previewBanner} className="mb-6 rounded-lg border-4 border-dashed border-warn bg-warn-soft p-4" data-testid="preview-banner">
        <p className="text-xl font-bold">{live ? ct.previewBannerPublished : ct.previewBanner}</p>
        {hiddenRuns > 0 && <p>{ct.previewUnpublishedRuns(hiddenRuns)}</p>}
        <p className="mt-2">
          <Link href={`/admin/courses/${course.id}`} className="inline-flex min-h-12 items-center">
            {ct.previewBack}
          </Link>
        </p>
      </div>
      <CourseDetailView course={detail} />
    </div>
  );
}
