import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { stationCard } from '@/components/cards/card-data';
import { PrintCardPage } from '@/components/cards/print-card';
import { qrSvg } from '@/components/cards/qr';
import { siteUrl } from '@/db/site-url';
import { cardText as t } from '@/components/cards/strings';
import { getStationDetail } from '@/db/queries/stations';
import { parseRouteId } from '@/db/validation/search-params';

// This week's hours depend on the clock.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

const load = cache((raw: string) => {
  const id = parseRouteId(raw);
  return id === null ? null : getStationDetail(id);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const s = await load((await params).id);
  return { title: s ? `${s.name} · ${t.pageTitleSuffix}` : t.notFoundTitle, robots: { index: false } };
}

/** A station's printable 办事卡 (proxy.ts has already answered unknown or unpublished ids). */
export default async function StationCardPage({ params }: Props) {
  const s = await load((await params).id);
  if (!s) notFound();
  const card = stationCard(s, siteUrl());
  return <PrintCardPage card={card} qr={await qrSvg(card.url)} />;
}
