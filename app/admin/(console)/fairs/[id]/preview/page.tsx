import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { can, requirePageActor } from '@/db/auth/guard';
import { PUBLICATION_LABELS } from '@/db/auth/permissions';
import { getFairDetail } from '@/db/queries/fairs/detail';
import { parseRouteId } from '@/db/validation/search-params';
import { Refused } from '@/components/admin/refused';
import { fairAdmin } from '@/components/admin/fairs/strings';
import { FairDetailView } from '@/components/fairs/fair-detail';
import { Notice } from '@/components/ui/notice';
import { loadFairPage } from '../load';

export const metadata: Metadata = { title: fairAdmin.preview };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

/** The resident page of a fair as it would look, whatever its publication state. */
export default async function FairPreviewPage({ params }: Props) {
  const { id: raw } = await params;
  const actor = await requirePageActor(`/admin/fairs/${encodeURIComponent(raw)}/preview`);
  if (!can(actor, 'view', { kind: 'fair' })) return <Refused />;
  const fair = await loadFairPage(actor, raw);
  const id = parseRouteId(raw);
  // Admin-only option: the page has just checked that this actor may see unpublished fairs.
  const detail = id === null || !fair ? null : await getFairDetail(id, new Date(), { includeUnpublished: true });
  if (!fair || !detail) notFound();
  const t = fairAdmin.previewPage;
  return (
    <>
      <div className="mb-5 space-y-3" data-testid="preview-banner">
        <Notice tone={fair.publication === 'published' ? 'info' : 'warn'} title={t.banner}>
          <p>{fair.publication === 'published' ? t.publishedNote : t.draftNote(PUBLICATION_LABELS[fair.publication])}</p>
        </Notice>
        <p>
          <Link href={`/admin/fairs/${fair.id}`} className="inline-flex min-h-12 items-center">
            ← {t.back}
          </Link>
        </p>
      </div>
      <div className="rounded-xl border-4 border-dashed border-line p-3 sm:p-5">
        <FairDetailView fair={detail} />
      </div>
    </>
  );
}
