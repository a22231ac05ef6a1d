import 'server-only';
/**
 * What the station index rows (rows.ts) are made from: each station's head, weekly hours,
 * exceptions and services. Every station's at a build; after a save, the few stations reloaded
 * are read by statements prepared once per connection (a save reloads one station, and building
 * and preparing four queries each time cost more than running them).
 */
import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DB } from '@/db/client';
import { stationExceptions, stationHours, stationServices, stations, streets } from '@/db/schema';

const headColumns = {
  id: stations.id,
  name: stations.name,
  hostType: stations.hostType,
  streetId: stations.streetId,
  streetSort: streets.sort,
  lat: stations.lat,
  lng: stations.lng,
  status: stations.status,
  openingDate: stations.openingDate,
  statusReason: stations.statusReason,
  lastVerifiedOn: stations.lastVerifiedOn,
  publication: stations.publication,
};

const headsOf = (db: DB, where: SQL | undefined) => db.select(headColumns).from(stations).innerJoin(streets, eq(streets.id, stations.streetId)).where(where);
const hoursOf = (db: DB, where: SQL | undefined) => db.select().from(stationHours).where(where);
// Every exception, past ones too: the rows depend on content only, never on the day they were built.
const exceptionsOf = (db: DB, where: SQL | undefined) => db.select().from(stationExceptions).where(where).orderBy(asc(stationExceptions.id));
const servicesOf = (db: DB, where: SQL | undefined) => db.select().from(stationServices).where(where);

type Rows<F extends (db: DB, where: SQL | undefined) => { all(): unknown[] }> = ReturnType<ReturnType<F>['all']>;
export type StationReads = {
  heads: Rows<typeof headsOf>;
  hours: Rows<typeof hoursOf>;
  exceptions: Rows<typeof exceptionsOf>;
  services: Rows<typeof servicesOf>;
};

function prepareOne(db: DB) {
  const id = sql.placeholder('id');
  return {
    heads: headsOf(db, eq(stations.id, id)).prepare(),
    hours: hoursOf(db, eq(stationHours.stationId, id)).prepare(),
    exceptions: exceptionsOf(db, eq(stationExceptions.stationId, id)).prepare(),
    services: servicesOf(db, eq(stationServices.stationId, id)).prepare(),
  };
}
const prepared = new WeakMap<DB, ReturnType<typeof prepareOne>>();

/** Up to this many stations are read one by one with the prepared statements; more in one query each. */
const ONE_BY_ONE = 16;

/** Every station's reads (ids null), or those of the given stations. */
export function readStations(db: DB, ids: readonly number[] | null): StationReads {
  if (ids && ids.length <= ONE_BY_ONE) {
    let p = prepared.get(db);
    if (!p) prepared.set(db, (p = prepareOne(db)));
    const out: StationReads = { heads: [], hours: [], exceptions: [], services: [] };
    for (const id of ids) {
      out.heads.push(...p.heads.all({ id }));
      out.hours.push(...p.hours.all({ id }));
      out.exceptions.push(...p.exceptions.all({ id }));
      out.services.push(...p.services.all({ id }));
    }
    return out;
  }
  const list = ids ? [...ids] : null;
  return {
    heads: headsOf(db, list ? inArray(stations.id, list) : undefined).all(),
    hours: hoursOf(db, list ? inArray(stationHours.stationId, list) : undefined).all(),
    exceptions: exceptionsOf(db, list ? inArray(stationExceptions.stationId, list) : undefined).all(),
    services: servicesOf(db, list ? inArray(stationServices.stationId, list) : undefined).all(),
  };
}
