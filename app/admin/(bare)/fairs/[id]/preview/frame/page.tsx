import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePageActor } from '@/db/auth/guard';
import { Refused } from '@/components/admin/refused';
import { fairAdmin } from '@/components/admin/fairs/strings';
import { FairDetailView } from '@/components/fairs/fair-detail';
import { fairPreviewLinks } from '@/components/admin/preview/links';
import { loadFairPreview } from '../../../../../_preview/load';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: fairAdmin.preview };

type Props = { params: Promise<{ id: string }> };

/** The fair page alone, for the preview's 390-pixel frame (same checks as the preview; its links open in the whole window). */
export default async function FairPreviewFrame({ params }: Props) {
  const raw = (await params).id;
  const actor = await requirePageActor(`/admin/fairs/${encodeURIComponent(raw)}/preview?width=phone`);
  const found = await loadFairPreview(actor, raw);
  if (found === 'forbidden') return <Refused />;
  if (found === 'not-found') notFound();
  return <FairDetailView fair={found.detail} links={fairPreviewLinks(found.detail.id, { frame: true })} />;
}
