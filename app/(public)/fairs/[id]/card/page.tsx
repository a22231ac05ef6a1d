import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { fairCard } from '@/components/cards/card-data';
import { PrintCardPage } from '@/components/cards/print-card';
import { qrSvg } from '@/components/cards/qr';
import { siteUrl } from '@/db/site-url';
import { cardText as t } from '@/components/cards/strings';
import { getFairDetail } from '@/db/queries/fairs/detail';
import { parseFairId } from '../fair-id';

// The fair's status and sessions follow the clock.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

const load = cache((raw: string) => {
  const id = parseFairId(raw);
  return id === null ? Promise.resolve(null) : getFairDetail(id);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const f = await load((await params).id);
  return { title: f ? `${f.title} · ${t.pageTitleSuffix}` : t.notFoundTitle, robots: { index: false } };
}

/** A fair's printable 办事卡 (proxy.ts has already answered unknown or unpublished ids). */
export default async function FairCardPage({ params }: Props) {
  const f = await load((await params).id);
  if (!f) notFound();
  const card = fairCard(f, siteUrl());
  return <PrintCardPage card={card} qr={await qrSvg(card.url)} />;
}
