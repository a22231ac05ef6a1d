/** Station writers for its details: create, edit, 今天已核实, and publication moves. */
import { and, eq } from 'drizzle-orm';
import type { DB } from '../../client';
import { stations, streets, type Publication } from '../../schema';
import { type Transition } from '../../auth/permissions';
import { reindexStation } from '../../search/documents';
import { beijingToday } from '../../domain/time';
import { recordAudit, snapshot } from '../audit';
import { Invalid } from '../errors';
import { applyTransition } from '../lifecycle';
import { writer } from '../write';
import { stationDetailsSchema, STATION_MOVES, transitionSchema, verifySchema } from '../../validation/admin/station';
import { stationResource, loadStation, byId, describe, bump, keepPublishable, stationChange, logChange, checkPublishable } from './shared';

// ---------------------------------------------------------------------------
// Details: create, edit, 今天已核实
// ---------------------------------------------------------------------------

function detailsValues(d: ReturnType<typeof stationDetailsSchema.parse>) {
  return {
    name: d.name,
    hostType: d.hostType,
    hostName: d.hostName,
    streetId: d.streetId,
    address: d.address,
    lat: d.lat,
    lng: d.lng,
    phone: d.phone,
    hasWindow: d.hasWindow,
    hasSelfService: d.hasSelfService,
    hasAiAvatar: d.hasAiAvatar,
    isAccessible: d.isAccessible,
    status: d.status,
    openingDate: d.openingDate,
    statusReason: d.status === 'suspended' ? d.statusReason : null,
    lastVerifiedOn: d.lastVerifiedOn,
    directions: d.directions,
  };
}

function checkStreet(db: DB, streetId: number) {
  if (!db.select({ id: streets.id }).from(streets).where(eq(streets.id, streetId)).get()) {
    throw new Invalid({ streetId: '请从列表里选择所在街镇' });
  }
}

export const createStation = writer({
  name: 'station.create',
  permission: 'create',
  on: () => stationResource(null),
  schema: stationDetailsSchema,
  run: (db, { actor, ip, data: d }): { id: number; version: number } => {
    checkStreet(db, d.streetId);
    const row = db
      .insert(stations)
      .values({ ...detailsValues(d), publication: 'draft', version: 1 })
      .returning()
      .get();
    recordAudit(db, {
      actor,
      ip,
      action: 'create',
      entity: 'station',
      entityId: row.id,
      entityVersion: 1,
      summary: `新建${describe(row)}`,
      before: null,
      after: snapshot(row),
    });
    reindexStation(db, row.id);
    return { id: row.id, version: 1 };
  },
});

const DETAIL_KEYS = ['name', 'hostType', 'hostName', 'streetId', 'address', 'lat', 'lng', 'phone', 'hasWindow', 'hasSelfService', 'hasAiAvatar', 'isAccessible', 'status', 'openingDate', 'statusReason', 'lastVerifiedOn', 'directions'];

/** A station's details as its form parses them, from a row or an audit snapshot (no reason stored reads as ''). */
function detailsFieldsOf(s: Record<string, unknown>): Record<string, unknown> {
  const keys = DETAIL_KEYS.filter((k) => k in s);
  return Object.fromEntries(keys.map((k) => [k, k === 'statusReason' || k === 'directions' ? (s[k] ?? '') : (s[k] ?? null)]));
}

export const updateStationDetails = stationChange(
  'station.update',
  'edit',
  stationDetailsSchema,
  byId,
  (db, c): { version: number } => {
    const { row, data: d } = c;
    const id = row.id;
    checkStreet(db, d.streetId);
    const version = bump(db, row, detailsValues(d));
    const after = loadStation(db, id);
    keepPublishable(db, after);
    logChange(db, c, row, version, { action: 'update', summary: `修改${describe(after)}的信息`, before: snapshot(row), after: snapshot(after) });
    return { version };
  },
  detailsFieldsOf,
);

/** 今天已核实: one click records today (Beijing) as the day the details were checked. */
export const markVerifiedToday = stationChange('station.verify', 'edit', verifySchema, byId, (db, c): { version: number; lastVerifiedOn: string } => {
  const { row } = c;
  const today = beijingToday();
  const version = bump(db, row, { lastVerifiedOn: today });
  // The verification date is not part of the search document: no reindex.
  const e = { action: 'verify', summary: `核实${describe(row)}的信息`, before: { lastVerifiedOn: row.lastVerifiedOn }, after: { lastVerifiedOn: today } } as const;
  logChange(db, c, row, version, e, false);
  return { version, lastVerifiedOn: today };
});


// ---------------------------------------------------------------------------
// Lifecycle
// ---------------------------------------------------------------------------

export const transitionStation = writer({
  name: 'station.transition',
  // The move is the verb; an unknown one is asked as 'publish' and then refused by the schema.
  permission: (input) => {
    const move = (input as { move?: unknown } | null)?.move;
    return (STATION_MOVES as readonly unknown[]).includes(move) ? (move as Transition) : 'publish';
  },
  on: stationResource,
  schema: transitionSchema,
  load: byId,
  run: (db, { actor, ip, data: d }): { version: number; publication: Publication } =>
    applyTransition(db, {
      entity: 'station',
      id: d.id,
      move: d.move,
      expectedVersion: d.version,
      actor,
      ip,
      resourceOf: stationResource,
      checkPublishable,
      reindex: reindexStation,
      describe,
    }),
});
