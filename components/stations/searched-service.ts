/**
 * The service a resident came looking for: the station list passes ?service=<id> on to the
 * station page and its 办事卡, which show that service (and what to bring) first. Pure.
 */
import * as z from 'zod/mini';
import type { StationDetail, StationServiceView } from '@/db/queries/stations';
import { fields, one, parseParams } from '@/db/validation/search-params';

const shape = { service: one(z.nullable(fields.id), null) };

/** ?service=<id> as a number; anything unreadable is no service. */
export function searchedServiceId(params: Record<string, string | string[] | undefined>): number | null {
  return parseParams(params, shape).values.service;
}

/** The station's entry for that service, or null when it does not offer it. */
export function searchedService(s: Pick<StationDetail, 'services'>, id: number | null): StationServiceView | null {
  if (id === null) return null;
  for (const g of s.services) for (const i of g.items) if (i.id === id) return i;
  return null;
}

/** The station page's address, carrying the service searched for. */
export function stationHref(id: number, serviceId: number | null): string {
  return serviceId === null ? `/stations/${id}` : `/stations/${id}?service=${serviceId}`;
}

/** Its 办事卡's address, carrying the same. */
export function stationCardHref(id: number, serviceId: number | null): string {
  return serviceId === null ? `/stations/${id}/card` : `/stations/${id}/card?service=${serviceId}`;
}
