import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePageActor } from '@/db/auth/guard';
import { activeSubsidyRules } from '@/db/queries/subsidy';
import { CourseDetailView } from '@/components/courses/course-detail';
import { Refused } from '@/components/admin/refused';
import { coursePreviewLinks } from '@/components/admin/preview/links';
import { loadCoursePreview } from '../../../../../_preview/load';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '预览课程（手机宽度）' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The course page alone, for the preview's 390-pixel frame (same checks as the preview; its links open in the whole window). */
export default async function CoursePreviewFrame({ params, searchParams }: Props) {
  const raw = (await params).id;
  const actor = await requirePageActor(`/admin/courses/${raw}/preview?width=phone`);
  const found = await loadCoursePreview(actor, raw);
  if (found === 'not-found') notFound();
  if (found === 'forbidden') return <Refused />;
  const allRuns = (await searchParams).runs === 'all';
  return (
    <CourseDetailView
      course={found.detail}
      allRuns={allRuns}
      rules={await activeSubsidyRules()}
      links={coursePreviewLinks(found.detail.id, { frame: true, fairs: found.seesFairs })}
    />
  );
}
