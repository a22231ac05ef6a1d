/**
 * URL parameters of the admin station list: the resident finder's filters (same parser) plus
 * publication state, station status and "超过 90 天未核实".
 */
import * as z from 'zod/mini';
import { PUBLICATION, STATION_STATUSES } from '../../enums';
import { fields, one, parseParams } from '../search-params';
import { stationSearchShape, type StationSearchValues } from '../station-search';
import type { AdminStationFilters } from '../../queries/stations';

const { near: _near, lat: _lat, lng: _lng, ...finder } = stationSearchShape;

export const adminStationListShape = {
  ...finder,
  pub: one(z.nullable(z.enum(PUBLICATION)), null),
  status: one(z.nullable(z.enum(STATION_STATUSES)), null),
  stale: one(fields.flag, false),
};

export function parseAdminStationList(input: Record<string, string | string[] | undefined> | string): {
  values: StationSearchValues;
  admin: AdminStationFilters;
  invalid: string[];
} {
  const r = parseParams(input, adminStationListShape);
  const v = r.values;
  return {
    values: { q: v.q, street: v.street, host: v.host, service: v.service, open: v.open, evening: v.evening, weekend: v.weekend, near: null, lat: null, lng: null, page: v.page },
    admin: { publication: v.pub, status: v.status, stale: v.stale },
    invalid: r.invalid as string[],
  };
}

/** The list's query string without the page (for page links). */
export function adminStationListQuery(values: StationSearchValues, admin: AdminStationFilters): string {
  const sp = new URLSearchParams();
  if (values.q.trim()) sp.set('q', values.q.trim());
  if (values.street !== null) sp.set('street', String(values.street));
  if (values.host) sp.set('host', values.host);
  if (values.service !== null) sp.set('service', String(values.service));
  if (values.open) sp.set('open', '1');
  if (admin.publication) sp.set('pub', admin.publication);
  if (admin.status) sp.set('status', admin.status);
  if (admin.stale) sp.set('stale', '1');
  return sp.toString();
}
