import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageActor } from '@/db/auth/guard';
import { activeSubsidyRules } from '@/db/queries/subsidy';
import { CourseDetailView } from '@/components/courses/course-detail';
import { Refused } from '@/components/admin/refused';
import { ct } from '@/components/admin/courses/strings';
import { coursePreviewLinks, coursePreviewPath } from '@/components/admin/preview/links';
import { PreviewWidth, previewWidth } from '@/components/admin/preview/preview-width';
import { previewText } from '@/components/admin/preview/strings';
import { loadCoursePreview } from '../../../../_preview/load';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '预览课程' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The resident's course page, rendered from the draft, with a banner saying residents cannot see
 * it yet; at desktop width here, or at phone width in a frame. Every link in it stays in admin.
 */
export default async function PreviewCoursePage({ params, searchParams }: Props) {
  const raw = (await params).id;
  const actor = await requirePageActor(`/admin/courses/${raw}/preview`);
  const found = await loadCoursePreview(actor, raw);
  if (found === 'not-found') notFound();
  if (found === 'forbidden') return <Refused />;
  const { detail, publication, hiddenRuns, seesFairs } = found;
  const sp = await searchParams;
  const width = previewWidth(sp.width);
  const allRuns = sp.runs === 'all';
  const live = publication === 'published';
  const base = coursePreviewPath(detail.id);
  return (
    <div>
      <div role="note" aria-label={live ? ct.previewBannerPublished : ct.previewBanner} className="mb-6 rounded-lg border-4 border-dashed border-warn bg-warn-soft p-4" data-testid="preview-banner">
        <p className="text-xl font-bold">{live ? ct.previewBannerPublished : ct.previewBanner}</p>
        {hiddenRuns > 0 && <p>{ct.previewUnpublishedRuns(hiddenRuns)}</p>}
        <p className="mt-1 text-base">{previewText.linksNote}</p>
        <p className="mt-2">
          <Link href={`/admin/courses/${detail.id}`} className="inline-flex min-h-12 items-center">
            {ct.previewBack}
          </Link>
        </p>
      </div>
      <PreviewWidth base={base} width={width} frameSrc={`${base}/frame${allRuns ? '?runs=all' : ''}`} title={detail.title}>
        {/* The subsidy rules' lines as residents read them; no 补贴自测 badge (it links to a public page). */}
        <CourseDetailView course={detail} allRuns={allRuns} rules={await activeSubsidyRules()} links={coursePreviewLinks(detail.id, { frame: false, fairs: seesFairs })} />
      </PreviewWidth>
    </div>
  );
}
