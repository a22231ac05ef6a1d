'use server';

import { searchStations, type StationSearchResult } from '@/db/queries/stations';
import { actionQuery } from '@/db/validation/search-params';
import { renderStationResults } from '@/components/stations/station-results';
import { actionMapTiles } from '@/components/maps/page-tiles';
import type { Rendered } from '@/components/search/rendered';
import { noteSearchMiss } from '../search-miss';

/** Public read: the station finder's results for a query string (the live search calls it; the proxy counts it). */
export async function searchStationsAction(qs: unknown): Promise<Rendered<StationSearchResult>> {
  const q = actionQuery(qs);
  const result = await searchStations(q);
  await noteSearchMiss('stations', result);
  return renderStationResults(result, actionMapTiles(q), q);
}
