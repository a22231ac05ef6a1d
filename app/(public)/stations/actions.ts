'use server';

import { searchStations, type StationSearchResult } from '@/db/queries/stations';
import { parseStationSearch } from '@/db/validation/station-search';
import { actionQuery } from '@/db/validation/search-params';
import { noteSearchMiss } from '../search-miss';

/** Public read: the station finder's results for a query string (the live search calls it; the proxy counts it). */
export async function searchStationsAction(qs: unknown): Promise<StationSearchResult> {
  const result = searchStations(parseStationSearch(actionQuery(qs)));
  await noteSearchMiss('stations', result);
  return result;
}
