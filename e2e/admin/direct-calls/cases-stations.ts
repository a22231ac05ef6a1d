import type { Database } from 'better-sqlite3';
import type { Cases } from './types';

/**
 * Direct-call cases for the stations actions (see types.ts). Every call aims at station 2
 * (太平桥), which the 驿站 demo account youanmen (station 1) does not own, with input that
 * would otherwise be valid, so a refusal can only come from the permission check.
 */
const FILE = 'app/admin/(console)/stations/actions.ts';

function station(db: Database, id = 2): { id: number; version: number; exceptionId: number } {
  const row = db.prepare('SELECT id, version FROM stations WHERE id = ?').get(id) as { id: number; version: number };
  const exc = db.prepare('SELECT id FROM station_exceptions ORDER BY id LIMIT 1').get() as { id: number } | undefined;
  return { ...row, exceptionId: exc?.id ?? 1 };
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const inDays = (n: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + n * 86_400_000));
const week = (day: { opens: string; closes: string }[]) => [day, day, day, day, day, [], []];

const details = (s: { id: number; version: number }) => ({
  id: s.id,
  version: s.version,
  name: '被篡改的驿站名称',
  hostType: 'street_centre',
  hostName: '某街道',
  streetId: '2',
  address: '某路 1 号',
  lat: '39.86',
  lng: '116.36',
  phone: '010-63800000',
  hasWindow: true,
  hasSelfService: false,
  hasAiAvatar: false,
  isAccessible: false,
  status: 'operating',
  openingDate: '',
  statusReason: '',
  lastVerifiedOn: today(),
  directions: '',
});

export const stationsCases: Cases = {
  [`${FILE}#createStationAction`]: { args: (db) => [{ ...details(station(db)), id: '', version: '' }], scoped: 'youanmen' },
  [`${FILE}#updateStationDetailsAction`]: { args: (db) => [details(station(db))], scoped: 'youanmen' },
  [`${FILE}#markStationVerifiedAction`]: { args: (db) => [{ id: 2, version: station(db).version }], scoped: 'youanmen' },
  [`${FILE}#saveStationHoursAction`]: {
    // From a later day (the effective date the form sends): refused all the same.
    args: (db) => [{ id: 2, version: station(db).version, station: week([{ opens: '08:00', closes: '20:00' }]), counterSeparate: false, counter: week([]), effectiveFrom: inDays(14) }],
    scoped: 'youanmen',
  },
  [`${FILE}#saveStationExceptionAction`]: {
    args: (db) => [{ stationId: 2, version: station(db).version, exceptionId: '', startDate: today(), endDate: today(), kind: 'closed', sessions: [], reason: '篡改' }],
    scoped: 'youanmen',
  },
  [`${FILE}#deleteStationExceptionAction`]: {
    args: (db) => [{ stationId: 2, version: station(db).version, exceptionId: station(db).exceptionId }],
    scoped: 'youanmen',
  },
  [`${FILE}#saveStationServicesAction`]: {
    args: (db) => [{ id: 2, version: station(db).version, services: [{ serviceId: 1, mode: 'counter' }] }],
    scoped: 'youanmen',
  },
  [`${FILE}#closeStationTodayAction`]: { args: () => [{ id: 2, preset: '停电', note: '' }], scoped: 'youanmen' },
  [`${FILE}#reopenStationTodayAction`]: { args: (db) => [{ id: 2, exceptionId: station(db).exceptionId }], scoped: 'youanmen' },
  [`${FILE}#transitionStationAction`]: { args: (db) => [{ id: 2, version: station(db).version, move: 'withdraw' }], scoped: 'youanmen' },
};
