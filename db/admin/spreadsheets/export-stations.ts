/**
 * The station tables an admin can download: stations with one column per weekday (the same
 * columns as the station import), their hours one session a row, their dated exceptions, their
 * services, and the district calendar their hours follow.
 */
import { asc, desc, eq } from 'drizzle-orm';
import type { DB } from '../../client';
import { calendarDays, services, stationExceptions, stationHours, stationServices, stations, streets, type Session } from '../../schema';
import { HOST_TYPE_LABELS, SERVICE_MODE_LABELS, STATION_STATUS_LABELS } from '../../domain/labels-stations';
import { WEEKDAY_NAMES, beijingToday } from '../../domain/time';
import { SINCE_EVER, hoursOn, type WeeklySession } from '../../domain/hours';
import { sessionsCell, STATION_COLUMNS } from '../../validation/admin/import';
import { stationExceptionColumns } from '../../queries/station-schedules';
import { buildSheet, type Column, type SheetData } from './sheet';
import { headerOf, instant, pub, yesNo } from './export-cells';

/**
 * Each station's sessions in force today keyed by scope and weekday ('station1', 'counter3'):
 * the import's columns, so a sheet downloaded and uploaded again changes nothing.
 */
function hoursByStation(db: DB): Map<number, Map<string, Session[]>> {
  const out = new Map<number, Map<string, Session[]>>();
  const all = new Map<number, WeeklySession[]>();
  for (const { stationId, ...h } of db
    .select({ stationId: stationHours.stationId, scope: stationHours.scope, weekday: stationHours.weekday, opens: stationHours.opens, closes: stationHours.closes, effectiveFrom: stationHours.effectiveFrom })
    .from(stationHours)
    .orderBy(asc(stationHours.stationId), asc(stationHours.scope), asc(stationHours.weekday), asc(stationHours.opens))
    .all()) {
    all.set(stationId, [...(all.get(stationId) ?? []), h]);
  }
  const today = beijingToday();
  for (const [stationId, list] of all)
    for (const h of hoursOn(list, today)) {
      const m = out.get(stationId) ?? new Map<string, Session[]>();
      const key = `${h.scope}${h.weekday}`;
      m.set(key, [...(m.get(key) ?? []), { opens: h.opens, closes: h.closes }]);
      out.set(stationId, m);
    }
  return out;
}

export async function stationsSheet(db: DB): Promise<SheetData> {
  const rows = db
    .select({
      id: stations.id,
      name: stations.name,
      hostType: stations.hostType,
      hostName: stations.hostName,
      street: streets.name,
      address: stations.address,
      lat: stations.lat,
      lng: stations.lng,
      phone: stations.phone,
      hasWindow: stations.hasWindow,
      hasSelfService: stations.hasSelfService,
      hasAiAvatar: stations.hasAiAvatar,
      isAccessible: stations.isAccessible,
      status: stations.status,
      openingDate: stations.openingDate,
      statusReason: stations.statusReason,
      lastVerifiedOn: stations.lastVerifiedOn,
      directions: stations.directions,
      publication: stations.publication,
      version: stations.version,
      updatedAt: stations.updatedAt,
    })
    .from(stations)
    .innerJoin(streets, eq(streets.id, stations.streetId))
    .orderBy(asc(stations.id))
    .all();
  const hours = hoursByStation(db);
  type R = (typeof rows)[number] & { hours: Map<string, Session[]>; hasCounter: boolean };
  const h = (k: string) => headerOf(STATION_COLUMNS, k);
  const days = [1, 2, 3, 4, 5, 6, 7];
  const cols: Column<R>[] = [
    { header: h('id'), width: 10, value: (r) => r.id },
    { header: h('name'), width: 36, value: (r) => r.name },
    { header: h('hostType'), width: 18, value: (r) => HOST_TYPE_LABELS[r.hostType] },
    { header: h('hostName'), width: 28, value: (r) => r.hostName },
    { header: h('street'), width: 14, value: (r) => r.street },
    { header: h('address'), width: 30, value: (r) => r.address },
    { header: h('lat'), width: 11, value: (r) => r.lat },
    { header: h('lng'), width: 11, value: (r) => r.lng },
    { header: h('phone'), width: 16, value: (r) => r.phone },
    { header: h('hasWindow'), width: 10, value: (r) => yesNo(r.hasWindow) },
    { header: h('hasSelfService'), width: 10, value: (r) => yesNo(r.hasSelfService) },
    { header: h('hasAiAvatar'), width: 10, value: (r) => yesNo(r.hasAiAvatar) },
    { header: h('isAccessible'), width: 12, value: (r) => yesNo(r.isAccessible) },
    { header: h('status'), width: 12, value: (r) => STATION_STATUS_LABELS[r.status] },
    { header: h('openingDate'), width: 12, value: (r) => r.openingDate ?? '' },
    { header: h('statusReason'), width: 20, value: (r) => r.statusReason ?? '' },
    { header: h('lastVerifiedOn'), width: 12, value: (r) => r.lastVerifiedOn },
    { header: h('directions'), width: 30, value: (r) => r.directions },
    ...days.map((d) => ({ header: h(`day${d}`), width: 24, value: (r: R) => sessionsCell(r.hours.get(`station${d}`) ?? []) })),
    ...days.map((d) => ({
      header: h(`counter${d}`),
      width: 18,
      value: (r: R) => (r.hasCounter ? sessionsCell(r.hours.get(`counter${d}`) ?? []) : ''),
    })),
    { header: '发布状态', width: 10, value: (r) => pub(r.publication) },
    { header: '版本', width: 8, value: (r) => r.version },
    { header: '最后修改', width: 18, value: (r) => instant(r.updatedAt) },
  ];
  return buildSheet(
    cols,
    rows.map((r) => {
      const m = hours.get(r.id) ?? new Map<string, Session[]>();
      return { ...r, hours: m, hasCounter: [...m.keys()].some((k) => k.startsWith('counter')) };
    }),
  );
}

export async function stationHoursSheet(db: DB): Promise<SheetData> {
  const rows = db
    .select({
      stationId: stationHours.stationId,
      station: stations.name,
      scope: stationHours.scope,
      weekday: stationHours.weekday,
      opens: stationHours.opens,
      closes: stationHours.closes,
      effectiveFrom: stationHours.effectiveFrom,
    })
    .from(stationHours)
    .innerJoin(stations, eq(stations.id, stationHours.stationId))
    .orderBy(asc(stationHours.stationId), asc(stationHours.effectiveFrom), desc(stationHours.scope), asc(stationHours.weekday), asc(stationHours.opens))
    .all();
  return buildSheet<(typeof rows)[number]>(
    [
      { header: '驿站编号', width: 10, value: (r) => r.stationId },
      { header: '驿站名称', width: 36, value: (r) => r.station },
      { header: '适用于', width: 10, value: (r) => (r.scope === 'counter' ? '人工窗口' : '驿站') },
      { header: '星期', width: 8, value: (r) => WEEKDAY_NAMES[r.weekday] ?? String(r.weekday) },
      { header: '开始时间', width: 10, value: (r) => r.opens },
      { header: '结束时间', width: 10, value: (r) => r.closes },
      // Every week a station has had or will have: the history of its hours, one session a row.
      { header: '生效日期', width: 12, value: (r) => (r.effectiveFrom === SINCE_EVER ? '' : r.effectiveFrom) },
    ],
    rows,
  );
}

export async function stationExceptionsSheet(db: DB): Promise<SheetData> {
  const rows = db
    .select({
      id: stationExceptions.id,
      stationId: stationExceptions.stationId,
      station: stations.name,
      ...stationExceptionColumns,
    })
    .from(stationExceptions)
    .innerJoin(stations, eq(stations.id, stationExceptions.stationId))
    .orderBy(asc(stationExceptions.startDate), asc(stationExceptions.stationId))
    .all();
  return buildSheet<(typeof rows)[number]>(
    [
      { header: '编号', width: 8, value: (r) => r.id },
      { header: '驿站编号', width: 10, value: (r) => r.stationId },
      { header: '驿站名称', width: 36, value: (r) => r.station },
      { header: '开始日期', width: 12, value: (r) => r.startDate },
      { header: '结束日期', width: 12, value: (r) => r.endDate },
      { header: '安排', width: 10, value: (r) => (r.closed ? '闭站' : '调整时间') },
      { header: '当天时间', width: 24, value: (r) => (r.closed || !Array.isArray(r.sessions) ? '' : sessionsCell(r.sessions)) },
      { header: '原因', width: 48, value: (r) => r.reason },
    ],
    rows,
  );
}

export async function stationServicesSheet(db: DB): Promise<SheetData> {
  const rows = db
    .select({
      stationId: stationServices.stationId,
      station: stations.name,
      serviceId: stationServices.serviceId,
      service: services.name,
      category: services.category,
      mode: stationServices.mode,
    })
    .from(stationServices)
    .innerJoin(stations, eq(stations.id, stationServices.stationId))
    .innerJoin(services, eq(services.id, stationServices.serviceId))
    .orderBy(asc(stationServices.stationId), asc(services.sort), asc(services.id))
    .all();
  return buildSheet<(typeof rows)[number]>(
    [
      { header: '驿站编号', width: 10, value: (r) => r.stationId },
      { header: '驿站名称', width: 36, value: (r) => r.station },
      { header: '事项编号', width: 10, value: (r) => r.serviceId },
      { header: '事项名称', width: 30, value: (r) => r.service },
      { header: '事项分类', width: 16, value: (r) => r.category },
      { header: '办理方式', width: 22, value: (r) => SERVICE_MODE_LABELS[r.mode] },
    ],
    rows,
  );
}

/** The district calendar: stations close on its holidays and open on its 调休 workdays. */
export async function calendarSheet(db: DB): Promise<SheetData> {
  const rows = db
    .select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name, asWeekday: calendarDays.asWeekday })
    .from(calendarDays)
    .orderBy(asc(calendarDays.date))
    .all();
  return buildSheet<(typeof rows)[number]>(
    [
      { header: '日期', width: 12, value: (r) => r.date },
      { header: '星期', width: 8, value: (r) => WEEKDAY_NAMES[new Date(`${r.date}T12:00:00Z`).getUTCDay() || 7] ?? '' },
      { header: '安排', width: 12, value: (r) => (r.kind === 'holiday' ? '放假' : '调休上班') },
      { header: '名称', width: 20, value: (r) => r.name },
      { header: '按哪天的时间上班', width: 16, value: (r) => (r.kind === 'workday' ? (WEEKDAY_NAMES[r.asWeekday ?? 1] ?? '') : '') },
    ],
    rows,
  );
}
