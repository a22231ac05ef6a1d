import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePageActor } from '@/db/auth/guard';
import { siteUrl } from '@/db/site-url';
import { parseRouteId } from '@/db/validation/search-params';
import { runCard } from '@/components/cards/card-data';
import { PrintCardPage } from '@/components/cards/print-card';
import { qrSvg } from '@/components/cards/qr';
import { Refused } from '@/components/admin/refused';
import { coursePreviewPath } from '@/components/admin/preview/links';
import { previewText } from '@/components/admin/preview/strings';
import { loadCoursePreview } from '../../../../../../../_preview/load';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '预览办事卡' };

type Props = { params: Promise<{ id: string; runId: string }> };

/** A run's 办事卡 from the draft, for the preview (the public card is a 404 until it is published). */
export default async function PreviewRunCardPage({ params }: Props) {
  const p = await params;
  const actor = await requirePageActor(`/admin/courses/${p.id}/preview`);
  const found = await loadCoursePreview(actor, p.id);
  if (found === 'not-found') notFound();
  if (found === 'forbidden') return <Refused />;
  const runId = parseRouteId(p.runId);
  const run = found.detail.runs.find((r) => r.id === runId);
  if (!run) notFound();
  const card = {
    ...runCard(found.detail, run, siteUrl()),
    backHref: coursePreviewPath(found.detail.id),
    footnote: found.publication === 'published' ? null : previewText.cardDraftFootnote,
  };
  return <PrintCardPage card={card} qr={await qrSvg(card.url)} />;
}
