import { cache } from 'react';
import { parseRouteId } from '@/db/validation/search-params';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { CardLink } from '@/components/cards/card-links';
import { StationJsonLd } from '@/components/open-data/json-ld';
import { StationDetailView } from '@/components/stations/station-detail';
import { searchedService, searchedServiceId, stationCardHref } from '@/components/stations/searched-service';
import { hostTypeLabel, stationStrings as t } from '@/components/stations/strings';
import { getStationDetail } from '@/db/queries/stations';
import { RecordShare } from '@/components/share/record-share';
import { stationPoster } from '@/components/share/poster-data';
import { stationPath } from '@/components/cards/card-data';
import { siteUrl } from '@/db/site-url';

// Today's status and this week's hours depend on the clock.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One read per request, shared by the metadata and the page. */
const load = cache((raw: string) => {
  const id = parseRouteId(raw);
  return id === null ? null : getStationDetail(id);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const station = await load((await params).id);
  return station
    ? { title: station.name, description: `${station.address} · ${station.status.text}` }
    : { title: t.notFoundTitle };
}

export default async function StationPage({ params, searchParams }: Props) {
  const station = await load((await params).id);
  if (!station) notFound();
  // Came from a search for one service: that one first, and on the card too.
  const searched = searchedService(station, searchedServiceId(await searchParams));
  return (
    <>
      <p className="mb-2">
        <Link href="/stations" className="inline-flex min-h-12 items-center">
          <span aria-hidden="true">←</span> {t.backToList}
        </Link>
      </p>
      <PageHeader title={station.name} lead={`${hostTypeLabel(station.hostType)} · ${station.hostName} · ${station.streetName}`} />
      <p className="mb-4">
        <CardLink href={stationCardHref(station.id, searched?.id ?? null)} />
      </p>
      <StationDetailView station={station} searched={searched} />
      <div className="mt-5">
        <RecordShare poster={stationPoster(station, siteUrl())} path={stationPath(station.id)} />
      </div>
      <StationJsonLd id={station.id} />
    </>
  );
}
