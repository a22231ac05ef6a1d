import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageActor } from '@/db/auth/guard';
import { Refused } from '@/components/admin/refused';
import { fairAdmin } from '@/components/admin/fairs/strings';
import { FairDetailView } from '@/components/fairs/fair-detail';
import { Notice } from '@/components/ui/notice';
import { fairPreviewLinks, fairPreviewPath } from '@/components/admin/preview/links';
import { PreviewWidth, previewWidth } from '@/components/admin/preview/preview-width';
import { previewText } from '@/components/admin/preview/strings';
import { loadFairPreview } from '../../../../_preview/load';

export const metadata: Metadata = { title: fairAdmin.preview };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The resident page of a fair as it would look, whatever its publication state; desktop or phone width; every link stays in admin. */
export default async function FairPreviewPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const actor = await requirePageActor(`/admin/fairs/${encodeURIComponent(raw)}/preview`);
  const found = await loadFairPreview(actor, raw);
  if (found === 'forbidden') return <Refused />;
  if (found === 'not-found') notFound();
  const { detail, publication, publicationLabel } = found;
  const width = previewWidth((await searchParams).width);
  const t = fairAdmin.previewPage;
  const base = fairPreviewPath(detail.id);
  return (
    <>
      <div className="mb-5 space-y-3" data-testid="preview-banner">
        <Notice tone={publication === 'published' ? 'info' : 'warn'} title={t.banner}>
          <p>{publication === 'published' ? t.publishedNote : t.draftNote(publicationLabel)}</p>
          <p className="mt-1 text-base">{previewText.linksNote}</p>
        </Notice>
        <p>
          <Link href={`/admin/fairs/${detail.id}`} className="inline-flex min-h-12 items-center">
            ← {t.back}
          </Link>
        </p>
      </div>
      <PreviewWidth base={base} width={width} frameSrc={`${base}/frame`} title={detail.title}>
        <FairDetailView fair={detail} links={fairPreviewLinks(detail.id, { frame: false })} />
      </PreviewWidth>
    </>
  );
}
