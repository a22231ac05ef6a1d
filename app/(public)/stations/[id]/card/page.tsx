import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { stationCard } from '@/components/cards/card-data';
import { PrintCardPage } from '@/components/cards/print-card';
import { searchedServiceId } from '@/components/stations/searched-service';
import { qrSvg } from '@/components/cards/qr';
import { siteUrl } from '@/db/site-url';
import { cardText as t } from '@/components/cards/strings';
import { getStationDetail } from '@/db/queries/stations';
import { parseRouteId } from '@/db/validation/search-params';

// This week's hours depend on the clock.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const load = cache((raw: string) => {
  const id = parseRouteId(raw);
  return id === null ? null : getStationDetail(id);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const s = await load((await params).id);
  return { title: s ? `${s.name} · ${t.pageTitleSuffix}` : t.notFoundTitle, robots: { index: false } };
}

/** A station's printable 办事卡 (proxy.ts has already answered unknown or unpublished ids). */
export default async function StationCardPage({ params, searchParams }: Props) {
  const s = await load((await params).id);
  if (!s) notFound();
  // Printed from a search for one service (?service=): that service and what to bring come first.
  const card = stationCard(s, siteUrl(), searchedServiceId(await searchParams));
  return <PrintCardPage card={card} qr={await qrSvg(card.url)} />;
}
