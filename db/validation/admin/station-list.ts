/**
 * URL parameters of the admin station list: the resident finder's filters (same parser) plus
 * publication state, station status and "超过 90 天未核实".
 */
import * as z from 'zod/mini';
import { PUBLICATION, STATION_STATUSES } from '../../enums';
import { fields, one, parseParams, type ParsedOf } from '../search-params';
import { stationListShape } from '../station-search';

export const adminStationListShape = {
  ...stationListShape,
  pub: one(z.nullable(z.enum(PUBLICATION)), null),
  status: one(z.nullable(z.enum(STATION_STATUSES)), null),
  stale: one(fields.flag, false),
};

export type AdminStationListValues = ParsedOf<typeof adminStationListShape>;

/** The list's values; unreadable ones fall back to defaults and are listed in `invalid`. */
export function parseAdminStationList(input: Record<string, string | string[] | undefined> | string): {
  values: AdminStationListValues;
  invalid: string[];
} {
  const r = parseParams(input, adminStationListShape);
  return { values: r.values, invalid: r.invalid as string[] };
}

/** The list's query string without the page (for page links). */
export function adminStationListQuery(values: AdminStationListValues): string {
  const sp = new URLSearchParams();
  if (values.q.trim()) sp.set('q', values.q.trim());
  if (values.street !== null) sp.set('street', String(values.street));
  if (values.host) sp.set('host', values.host);
  if (values.service !== null) sp.set('service', String(values.service));
  if (values.open) sp.set('open', '1');
  if (values.pub) sp.set('pub', values.pub);
  if (values.status) sp.set('status', values.status);
  if (values.stale) sp.set('stale', '1');
  return sp.toString();
}
