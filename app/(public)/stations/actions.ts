'use server';

import { searchStations, type StationSearchResult } from '@/db/queries/stations';
import { actionQuery } from '@/db/validation/search-params';
import { noteSearchMiss } from '../search-miss';

/** Public read: the station finder's results for a query string (the live search calls it; the proxy counts it). */
export async function searchStationsAction(qs: unknown): Promise<StationSearchResult> {
  const result = await searchStations(actionQuery(qs));
  await noteSearchMiss('stations', result);
  return result;
}
