/**
 * URL parameters of the station finder (/stations). Safe to import from client code: the
 * page, the read action and the live form all read a query string the same way.
 */
import * as z from 'zod/mini';
import { HOST_TYPES } from '../enums';
import { fields, one, parseParams, type ParsedOf } from './search-params';

/** 's12' = the centre of 街镇 12; 'p7' = landmark place 7 ("我在哪里"). */
export const NEAR_RE = /^[sp][1-9]\d{0,8}$/;

/** The finder's own filters; the near-me origin (near, lat, lng) is the list engine's, read beside them. */
export const stationListShape = {
  q: one(fields.keyword, ''),
  street: one(z.nullable(fields.id), null),
  host: one(z.nullable(z.enum(HOST_TYPES)), null),
  service: one(z.nullable(fields.id), null),
  open: one(fields.flag, false),
  evening: one(fields.flag, false),
  weekend: one(fields.flag, false),
  page: one(fields.page, 1),
};

/** The finder's orders: by place (default), or «最早开门» (open now first, then by when each opens next). */
export const STATION_SORTS = ['default', 'opens'] as const;
export type StationSort = (typeof STATION_SORTS)[number];

/** The resident finder's parameters: the shared filters and its order (the admin list has its own). */
export const stationFinderShape = {
  ...stationListShape,
  sort: one(z.enum(STATION_SORTS), 'default' as StationSort),
};

export type StationListValues = ParsedOf<typeof stationListShape>;
export type StationFinderValues = ParsedOf<typeof stationFinderShape>;

/** Every parameter of /stations, origin included (the form, the live search and the hostile-input tests). */
export const stationSearchShape = {
  ...stationFinderShape,
  near: one(z.nullable(z.string().check(z.regex(NEAR_RE))), null),
  lat: one(z.nullable(fields.lat), null),
  lng: one(z.nullable(fields.lng), null),
};

export type StationSearchValues = ParsedOf<typeof stationSearchShape>;
export type StationSearchKey = keyof typeof stationSearchShape;
export type StationSearchInput = { values: StationSearchValues; invalid: StationSearchKey[] };

/** Reads the finder's parameters; unreadable ones fall back to defaults and are listed in `invalid`. */
export function parseStationSearch(
  input: URLSearchParams | string | Record<string, string | string[] | undefined>,
): StationSearchInput {
  return parseParams(input, stationSearchShape);
}

/** Where the resident said they are: their device's position, or a picked place. */
export type OriginChoice = { kind: 'device'; lat: number; lng: number } | { kind: 'near'; key: string } | null;

/**
 * The location to sort by. A picked place wins over coordinates: both only arrive together
 * from the no-JavaScript form, where the coordinates are left over from an earlier search.
 */
export function originOf(v: StationSearchValues): OriginChoice {
  if (v.near) return { kind: 'near', key: v.near };
  if (v.lat !== null && v.lng !== null) return { kind: 'device', lat: v.lat, lng: v.lng };
  return null;
}

/** The canonical query string of these values (defaults left out, fixed key order). */
export function stationSearchQuery(v: StationSearchValues): string {
  const sp = new URLSearchParams();
  if (v.q.trim()) sp.set('q', v.q.trim());
  if (v.street !== null) sp.set('street', String(v.street));
  if (v.host) sp.set('host', v.host);
  if (v.service !== null) sp.set('service', String(v.service));
  if (v.open) sp.set('open', '1');
  if (v.evening) sp.set('evening', '1');
  if (v.weekend) sp.set('weekend', '1');
  if (v.sort !== 'default') sp.set('sort', v.sort);
  const origin = originOf(v);
  if (origin?.kind === 'near') sp.set('near', origin.key);
  if (origin?.kind === 'device') {
    sp.set('lat', origin.lat.toFixed(4));
    sp.set('lng', origin.lng.toFixed(4));
  }
  if (v.page > 1) sp.set('page', String(v.page));
  return sp.toString();
}

