import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { FairDetailView } from '@/components/fairs/fair-detail';
import { fairText } from '@/components/fairs/strings';
import { getFairDetail } from '@/db/queries/fairs/detail';
import { parseFairId } from './fair-id';
import { RecordShare } from '@/components/share/record-share';
import { fairPoster } from '@/components/share/poster-data';
import { fairPath } from '@/components/cards/card-data';
import { siteUrl } from '@/db/site-url';

// Reads the database and Beijing's clock on every request.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

// Metadata and the page read the same fair once per request.
const loadFair = cache((raw: string) => {
  const id = parseFairId(raw);
  return id === null ? Promise.resolve(null) : getFairDetail(id);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const fair = await loadFair((await params).id);
  if (!fair) return { title: fairText.notFoundTitle };
  return { title: fair.title, description: fair.description.slice(0, 120) || fairText.metaDescription };
}

export default async function FairPage({ params }: Props) {
  const fair = await loadFair((await params).id);
  if (!fair) notFound();
  return <FairDetailView fair={fair} share={<RecordShare poster={fairPoster(fair, siteUrl())} path={fairPath(fair.id)} />} />;
}
