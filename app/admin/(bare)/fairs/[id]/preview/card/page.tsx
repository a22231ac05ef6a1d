import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePageActor } from '@/db/auth/guard';
import { siteUrl } from '@/db/site-url';
import { fairCard } from '@/components/cards/card-data';
import { PrintCardPage } from '@/components/cards/print-card';
import { qrSvg } from '@/components/cards/qr';
import { Refused } from '@/components/admin/refused';
import { fairPreviewPath } from '@/components/admin/preview/links';
import { previewText } from '@/components/admin/preview/strings';
import { loadFairPreview } from '../../../../../_preview/load';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '预览办事卡' };

type Props = { params: Promise<{ id: string }> };

/** A fair's 办事卡 from the draft, for the preview (the public card is a 404 until it is published). */
export default async function PreviewFairCardPage({ params }: Props) {
  const raw = (await params).id;
  const actor = await requirePageActor(`/admin/fairs/${encodeURIComponent(raw)}/preview`);
  const found = await loadFairPreview(actor, raw);
  if (found === 'forbidden') return <Refused />;
  if (found === 'not-found') notFound();
  const card = {
    ...fairCard(found.detail, siteUrl()),
    backHref: fairPreviewPath(found.detail.id),
    footnote: found.publication === 'published' ? null : previewText.cardDraftFootnote,
  };
  return <PrintCardPage card={card} qr={await qrSvg(card.url)} />;
}
