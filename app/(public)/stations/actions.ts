'use server';

import { searchStations, type StationSearchResult } from '@/db/queries/stations';
import { parseStationSearch } from '@/db/validation/station-search';
import { actionQuery } from '@/db/validation/search-params';
import { noteSearchMiss } from '../search-miss';
import { searchAllowance } from '@/db/http/rate-limit-action';
import type { RateLimited } from '@/db/http/rate-limited';

/** Public read: the station finder's results for a query string (the live search calls it). */
export async function searchStationsAction(qs: unknown): Promise<StationSearchResult | RateLimited> {
  const limited = await searchAllowance();
  if (limited) return limited;
  const result = searchStations(parseStationSearch(actionQuery(qs)));
  await noteSearchMiss('stations', result);
  return result;
}
