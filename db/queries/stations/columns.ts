import 'server-only';
/**
 * A station's columns as its card, its page and the open-data API read them (joined to its
 * 街镇 as `streetName`), and the services it offers in catalogue order. One definition so the
 * three reads cannot drift apart.
 */
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { services, stationServices, stations, streets } from '@/db/schema';

/** What a station card shows: name, host, where, how to reach it and its facilities. */
export const stationCardColumns = {
  id: stations.id,
  name: stations.name,
  hostType: stations.hostType,
  hostName: stations.hostName,
  address: stations.address,
  phone: stations.phone,
  lat: stations.lat,
  lng: stations.lng,
  hasWindow: stations.hasWindow,
  hasSelfService: stations.hasSelfService,
  hasAiAvatar: stations.hasAiAvatar,
  isAccessible: stations.isAccessible,
  streetName: streets.name,
};

/** The card's columns plus what a station's page adds: its state, directions and last check. */
export const stationPageColumns = {
  ...stationCardColumns,
  status: stations.status,
  openingDate: stations.openingDate,
  statusReason: stations.statusReason,
  directions: stations.directions,
  lastVerifiedOn: stations.lastVerifiedOn,
};

/** The services a station offers and how, what to bring and whether a phone will do, in catalogue order (its page and the open-data API). */
export function stationServiceRows(stationId: number) {
  return getDb()
    .select({
      id: services.id,
      name: services.name,
      category: services.category,
      mode: stationServices.mode,
      online: services.online,
      onlineNote: services.onlineNote,
      materials: services.materials,
    })
    .from(stationServices)
    .innerJoin(services, eq(services.id, stationServices.serviceId))
    .where(eq(stationServices.stationId, stationId))
    .orderBy(asc(services.sort), asc(services.id))
    .all();
}
