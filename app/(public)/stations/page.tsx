import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { StationSearch } from '@/components/stations/station-search';
import { renderStationResults } from '@/components/stations/station-results';
import { listMapTiles } from '@/components/maps/page-tiles';
import { stationStrings as t } from '@/components/stations/strings';
import { searchStations } from '@/db/queries/stations';
import { CoverageSummary } from '@/components/coverage/coverage-summary';
import { getCoverageSummary } from '@/db/queries/coverage';
import { noteSearchMiss } from '../search-miss';

// Reads the database and Beijing's clock ("open now") on every request.
//
// No loading.tsx on purpose: Next streams this page behind such a skeleton, and without
// JavaScript the skeleton is never swapped for the results (the GET form must work without
// it). It would also make /stations/[id] answer 200 instead of 404 for an unknown id.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t.title, description: t.metaDescription };

export default async function StationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const result = await searchStations(params);
  await noteSearchMiss('stations', result);
  const map = listMapTiles(params);
  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <StationSearch initial={renderStationResults(result, map, result.query)} map={map} />
      <CoverageSummary summary={await getCoverageSummary()} />
    </>
  );
}
