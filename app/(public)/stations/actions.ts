'use server';

import { searchStations, type StationSearchResult } from '@/db/queries/stations';
import { parseStationSearch } from '@/db/validation/station-search';
import { MAX_QUERY_STRING } from '@/db/validation/search-params';

/** Public read: the station finder's results for a query string (the live search calls it). */
export async function searchStationsAction(qs: string): Promise<StationSearchResult> {
  const input = typeof qs === 'string' ? qs.slice(0, MAX_QUERY_STRING) : '';
  return searchStations(parseStationSearch(input));
}
