/**
 * Admin writes and reads for 医保服务驿站. Each write is gated by writer() (./write.ts): load the
 * station, authorise on it (a 驿站 account only its own station, and only hours, exceptions,
 * services and 今日临时闭站), then validate; the write itself checks the STATION's version
 * (hours, exceptions and services count as part of the station, so two people editing the same
 * station conflict), writes, audits with before and after, and reindexes — all in one transaction.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { DB } from '../client';
import {
  services as servicesTable,
  stationExceptions,
  stationHours,
  stationServices,
  stations,
  streets,
  type HoursScope,
  type Publication,
  type ServiceMode,
  type Session,
} from '../schema';
import { availableTransitions, can, type Actor, type Resource, type Transition } from '../auth/permissions';
import { reindexStation } from '../search/documents';
import { addDays, beijingToday } from '../domain/time';
import { recordAudit, snapshot, type AuditInput } from './audit';
import { expectVersion } from './conflict';
import { Invalid, NotFound, StateError } from './errors';
import { applyTransition } from './lifecycle';
import { writer, type WriteContext } from './write';
import {
  closeTodaySchema,
  deleteExceptionSchema,
  exceptionSchema,
  hoursSchema,
  idOnly,
  insideBeijing,
  reopenTodaySchema,
  servicesSchema,
  stationDetailsSchema,
  stationIdOnly,
  STATION_MOVES,
  transitionSchema,
  verifySchema,
  type SessionInput,
} from '../validation/admin/station';
import { STATION_FIELD_LABELS } from '../../components/admin/stations/strings';

export type StationRow = typeof stations.$inferSelect;

export function stationResource(row: { id: number } | null): Resource {
  return { kind: 'station', stationId: row ? row.id : null };
}

const MISSING = '找不到这个驿站，可能已被删除。';

function loadStation(db: DB, id: number): StationRow {
  const row = db.select().from(stations).where(eq(stations.id, id)).get();
  if (!row) throw new NotFound(MISSING);
  return row;
}

/** How the gate finds the station a write is about: by `id`, or by `stationId` for its exceptions. */
const byId = { key: idOnly, row: (db: DB, k: { id: number }) => db.select().from(stations).where(eq(stations.id, k.id)).get(), missing: MISSING };
const byStationId = { key: stationIdOnly, row: (db: DB, k: { stationId: number }) => byId.row(db, { id: k.stationId }), missing: MISSING };

const describe = (row: { name?: unknown }) => `驿站「${String(row.name ?? '')}」`;

/** 2026-12-01, or 2026-12-01 至 2026-12-03. */
const dateSpan = (e: { startDate: string; endDate: string }) => (e.endDate !== e.startDate ? `${e.startDate} 至 ${e.endDate}` : e.startDate);

// ---------------------------------------------------------------------------
// Child snapshots (for audit before/after, and conflict wording)
// ---------------------------------------------------------------------------

type HoursSnap = { scope: HoursScope; weekday: number; opens: string; closes: string }[];

function hoursOf(db: DB, id: number): HoursSnap {
  return db
    .select({ scope: stationHours.scope, weekday: stationHours.weekday, opens: stationHours.opens, closes: stationHours.closes })
    .from(stationHours)
    .where(eq(stationHours.stationId, id))
    .orderBy(asc(stationHours.scope), asc(stationHours.weekday), asc(stationHours.opens))
    .all();
}

function exceptionsOf(db: DB, id: number) {
  return db
    .select({
      id: stationExceptions.id,
      startDate: stationExceptions.startDate,
      endDate: stationExceptions.endDate,
      closed: stationExceptions.closed,
      sessions: stationExceptions.sessions,
      reason: stationExceptions.reason,
    })
    .from(stationExceptions)
    .where(eq(stationExceptions.stationId, id))
    .orderBy(asc(stationExceptions.startDate), asc(stationExceptions.id))
    .all();
}

function servicesOf(db: DB, id: number): { serviceId: number; mode: ServiceMode }[] {
  return db
    .select({ serviceId: stationServices.serviceId, mode: stationServices.mode })
    .from(stationServices)
    .where(eq(stationServices.stationId, id))
    .orderBy(asc(stationServices.serviceId))
    .all();
}

/** Bumps the station's version (and updatedAt); returns the new version. */
function bump(db: DB, row: StationRow, extra: Partial<StationRow> = {}): number {
  const v = row.version + 1;
  db.update(stations)
    .set({ ...extra, version: v, updatedAt: new Date() })
    .where(eq(stations.id, row.id))
    .run();
  return v;
}

/**
 * A published station stays publishable: a save that would break the publish rules is
 * refused (residents would otherwise see a station with no hours or a wrong map pin).
 */
function keepPublishable(db: DB, row: StationRow) {
  if (row.publication !== 'published') return;
  const problems = checkPublishable(db, row.id);
  if (Object.keys(problems).length > 0) throw new Invalid(problems, '这个驿站已经发布，保存后会缺少必要的内容：');
}

/**
 * Checks the version when the input carries one (今日临时闭站 and its undo deliberately do not):
 * the first thing every change to an existing station does, under the write lock.
 */
function expectFresh(db: DB, row: StationRow, expected: number | null | undefined) {
  if (expected === null) throw new Invalid({ version: '缺少版本号，请刷新页面后重试' });
  if (expected !== undefined) expectVersion(db, 'station', row.id, row.version, expected, STATION_FIELD_LABELS);
}

/**
 * A change to an existing station: found by id (or by stationId for its exceptions), authorised
 * on it, then — under the write lock — version-checked before `run` writes.
 */
function stationChange<S extends z.ZodType, T, K>(
  name: string,
  permission: 'edit' | 'editSchedule',
  schema: S,
  load: { key: z.ZodType<K>; row: (db: DB, key: K) => StationRow | undefined; missing: string },
  run: (db: DB, c: WriteContext<z.output<S>, StationRow>) => T,
) {
  return writer({
    name,
    permission,
    on: stationResource,
    schema,
    load,
    run: (db, c) => {
      expectFresh(db, c.row, (c.data as { version?: number | null }).version);
      return run(db, c);
    },
  });
}

/** How every change ends: the audit row (at the new version) and the search document. */
function logChange(
  db: DB,
  who: { actor: Actor; ip: string | undefined },
  row: StationRow,
  version: number,
  e: Pick<AuditInput, 'action' | 'summary' | 'before' | 'after'>,
  reindex = true,
) {
  recordAudit(db, { actor: who.actor, ip: who.ip, entity: 'station', entityId: row.id, entityVersion: version, ...e });
  if (reindex) reindexStation(db, row.id);
}

// ---------------------------------------------------------------------------
// Publish-time validation
// ---------------------------------------------------------------------------

/** What stops a station from being published: field → what to do. Empty when it may be. */
export function checkPublishable(db: DB, id: number): Record<string, string> {
  const s = db.select().from(stations).where(eq(stations.id, id)).get();
  if (!s) return { _form: '找不到这个驿站' };
  const p: Record<string, string> = {};
  if (!s.name.trim()) p.name = '请填写驿站名称';
  if (!s.hostName.trim()) p.hostName = '请填写承办单位名称';
  if (!s.address.trim()) p.address = '请填写详细地址';
  if (!/^[0-9()（）\-\s转]{5,30}$/.test(s.phone.trim())) p.phone = '请填写居民能拨通的咨询电话，例如 010-63812345';
  if (!insideBeijing(s.lat, s.lng)) {
    p.lat = '坐标不在北京市范围内，请核对纬度和经度（纬度约 39.4–41.1，经度约 115.4–117.6）';
  }
  if (s.status === 'planned' && !s.openingDate) p.openingDate = '“即将开放”的驿站请填写开放日期';
  if (s.status === 'suspended' && !s.statusReason?.trim()) p.statusReason = '“暂停服务”的驿站请写明原因';
  const hours = hoursOf(db, id).filter((h) => h.scope === 'station');
  if (s.status === 'operating' && hours.length === 0) p.hours = '正常运行的驿站需要填写每周开放时间';
  if (servicesOf(db, id).length === 0) p.services = '请至少勾选一项可办业务';
  if (s.lastVerifiedOn > beijingToday()) p.lastVerifiedOn = '最近核实日期不能晚于今天';
  return p;
}

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

export const updateStationDetails = stationChange('station.update', 'edit', stationDetailsSchema, byId, (db, c): { version: number } => {
  const { row, data: d } = c;
  const id = row.id;
  checkStreet(db, d.streetId);
  const version = bump(db, row, detailsValues(d));
  const after = loadStation(db, id);
  keepPublishable(db, after);
  logChange(db, c, row, version, { action: 'update', summary: `修改${describe(after)}的信息`, before: snapshot(row), after: snapshot(after) });
  return { version };
});

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
// Weekly hours
// ---------------------------------------------------------------------------

function sortedSessions(day: readonly SessionInput[]): Session[] {
  return [...day].map((s) => ({ opens: s.opens.trim(), closes: s.closes.trim() })).sort((a, b) => a.opens.localeCompare(b.opens));
}

export const saveStationHours = stationChange('station.hours', 'editSchedule', hoursSchema, byId, (db, c): { version: number } => {
  const { row, data: d } = c;
  const id = row.id;
  const before = hoursOf(db, id);
  db.delete(stationHours).where(eq(stationHours.stationId, id)).run();
  const rows: (typeof stationHours.$inferInsert)[] = [];
  const add = (scope: HoursScope, week: SessionInput[][]) =>
    week.forEach((day, i) => sortedSessions(day).forEach((s) => rows.push({ stationId: id, scope, weekday: i + 1, ...s })));
  add('station', d.station);
  if (d.counterSeparate) add('counter', d.counter);
  if (rows.length > 0) db.insert(stationHours).values(rows).run();
  const version = bump(db, row);
  keepPublishable(db, row);
  logChange(db, c, row, version, { action: 'update', summary: `修改${describe(row)}的每周开放时间`, before: { hours: before }, after: { hours: hoursOf(db, id) } });
  return { version };
});

// ---------------------------------------------------------------------------
// Dated exceptions
// ---------------------------------------------------------------------------

export const saveStationException = stationChange('station.exception.save', 'editSchedule', exceptionSchema, byStationId, (db, c): { version: number; exceptionId: number } => {
  const { row, data: d } = c;
  const stationId = row.id;
  const before = exceptionsOf(db, stationId);
  const values = {
    stationId,
    startDate: d.startDate,
    endDate: d.endDate,
    closed: d.kind === 'closed',
    sessions: d.kind === 'closed' ? [] : sortedSessions(d.sessions),
    reason: d.reason,
  };
  let exceptionId: number;
  if (d.exceptionId !== null) {
    const existing = before.find((e) => e.id === d.exceptionId);
    if (!existing) throw new NotFound('找不到这条临时调整，可能已被删除。');
    db.update(stationExceptions).set(values).where(eq(stationExceptions.id, existing.id)).run();
    exceptionId = existing.id;
  } else {
    exceptionId = db.insert(stationExceptions).values(values).returning({ id: stationExceptions.id }).get().id;
  }
  const version = bump(db, row);
  logChange(db, c, row, version, {
    action: d.exceptionId !== null ? 'update' : 'create',
    summary: `${d.exceptionId !== null ? '修改' : '添加'}${describe(row)}的临时调整（${dateSpan(d)}）`,
    before: { exceptions: before },
    after: { exceptions: exceptionsOf(db, stationId) },
  });
  return { version, exceptionId };
});

export const deleteStationException = stationChange('station.exception.delete', 'editSchedule', deleteExceptionSchema, byStationId, (db, c): { version: number } => {
  const { row, data: d } = c;
  const stationId = row.id;
  const before = exceptionsOf(db, stationId);
  const existing = before.find((e) => e.id === d.exceptionId);
  if (!existing) throw new NotFound('找不到这条临时调整，可能已被删除。');
  db.delete(stationExceptions).where(eq(stationExceptions.id, existing.id)).run();
  const version = bump(db, row);
  logChange(db, c, row, version, {
    action: 'delete',
    summary: `删除${describe(row)}的临时调整（${dateSpan(existing)}）`,
    before: { exceptions: before },
    after: { exceptions: exceptionsOf(db, stationId) },
  });
  return { version };
});

// ---------------------------------------------------------------------------
// 今日临时闭站 and its undo
// ---------------------------------------------------------------------------

/** Today's one-day closure (the kind 今日临时闭站 makes), if any. */
export function todayClosureOf(db: DB, stationId: number, today = beijingToday()) {
  return (
    db
      .select({ id: stationExceptions.id, reason: stationExceptions.reason })
      .from(stationExceptions)
      .where(
        and(
          eq(stationExceptions.stationId, stationId),
          eq(stationExceptions.startDate, today),
          eq(stationExceptions.endDate, today),
          eq(stationExceptions.closed, true),
        ),
      )
      .orderBy(desc(stationExceptions.id))
      .get() ?? null
  );
}

/**
 * One tap: today (Beijing) closed, with the reason. No version is asked for — it is an
 * emergency switch that adds a row — but the station's version moves on, so anyone editing
 * the station's schedule at the same time is told.
 */
export const closeStationToday = stationChange('station.closeToday', 'editSchedule', closeTodaySchema, byId, (db, c): { version: number; exceptionId: number } => {
  const { row, data: d } = c;
  const id = row.id;
  const today = beijingToday();
  if (todayClosureOf(db, id, today)) throw new StateError('今天已经标记为临时闭站了。如需改原因，请先“恢复今日营业”再重新标记。');
  const before = exceptionsOf(db, id);
  const exceptionId = db
    .insert(stationExceptions)
    .values({ stationId: id, startDate: today, endDate: today, closed: true, sessions: [], reason: d.reason })
    .returning({ id: stationExceptions.id })
    .get().id;
  const version = bump(db, row);
  logChange(db, c, row, version, { action: 'closeToday', summary: `${describe(row)}今日临时闭站：${d.reason}`, before: { exceptions: before }, after: { exceptions: exceptionsOf(db, id) } });
  return { version, exceptionId };
});

export const reopenStationToday = stationChange('station.reopenToday', 'editSchedule', reopenTodaySchema, byId, (db, c): { version: number } => {
  const { row, data: d } = c;
  const id = row.id;
  const today = beijingToday();
  const before = exceptionsOf(db, id);
  const target = before.find((e) => e.id === d.exceptionId);
  if (!target || target.startDate !== today || target.endDate !== today || !target.closed) {
    throw new StateError('今天没有可以恢复的临时闭站（可能已经恢复过了）。请刷新页面。');
  }
  db.delete(stationExceptions).where(eq(stationExceptions.id, target.id)).run();
  const version = bump(db, row);
  logChange(db, c, row, version, { action: 'reopenToday', summary: `${describe(row)}恢复今日营业`, before: { exceptions: before }, after: { exceptions: exceptionsOf(db, id) } });
  return { version };
});

// ---------------------------------------------------------------------------
// Services
// ---------------------------------------------------------------------------

export const saveStationServices = stationChange('station.services', 'editSchedule', servicesSchema, byId, (db, c): { version: number; count: number } => {
  const { row, data: d } = c;
  const id = row.id;
  const known = new Set(db.select({ id: servicesTable.id }).from(servicesTable).all().map((s) => s.id));
  if (d.services.some((s) => !known.has(s.serviceId))) throw new Invalid({ services: '勾选的业务里有目录中不存在的项目，请刷新页面后重试' });
  const before = servicesOf(db, id);
  db.delete(stationServices).where(eq(stationServices.stationId, id)).run();
  if (d.services.length > 0) {
    db.insert(stationServices)
      .values(d.services.map((s) => ({ stationId: id, serviceId: s.serviceId, mode: s.mode })))
      .run();
  }
  const version = bump(db, row);
  keepPublishable(db, row);
  logChange(db, c, row, version, {
    action: 'update',
    summary: `修改${describe(row)}的可办业务（${d.services.length} 项）`,
    before: { services: before },
    after: { services: servicesOf(db, id) },
  });
  return { version, count: d.services.length };
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

// ---------------------------------------------------------------------------
// Reads for the admin pages
// ---------------------------------------------------------------------------

export type StationEditData = {
  station: StationRow;
  hours: HoursSnap;
  exceptions: ReturnType<typeof exceptionsOf>;
  services: { serviceId: number; mode: ServiceMode }[];
  todayClosure: { id: number; reason: string } | null;
  /** A longer exception covering today (not undone by 恢复今日营业). */
  todayException: { startDate: string; endDate: string; closed: boolean; reason: string } | null;
  moves: Transition[];
  publishProblems: Record<string, string>;
  mayEditDetails: boolean;
  today: string;
};

/** Everything the station pages show, or null when there is no such station. Callers check `can(view)`. */
export function loadStationForAdmin(db: DB, actor: Actor, id: number): StationEditData | null {
  const station = db.select().from(stations).where(eq(stations.id, id)).get();
  if (!station) return null;
  const today = beijingToday();
  const exceptions = exceptionsOf(db, id);
  const todayClosure = todayClosureOf(db, id, today);
  const covering = exceptions.filter((e) => e.startDate <= today && e.endDate >= today && e.id !== todayClosure?.id);
  const res = stationResource(station);
  return {
    station,
    hours: hoursOf(db, id),
    exceptions,
    services: servicesOf(db, id),
    todayClosure,
    todayException: covering[0] ? { startDate: covering[0].startDate, endDate: covering[0].endDate, closed: covering[0].closed, reason: covering[0].reason } : null,
    moves: availableTransitions(actor, station.publication, res).filter((m) => m !== 'submit' && m !== 'return'),
    publishProblems: station.publication === 'published' || !can(actor, 'publish', res) ? {} : checkPublishable(db, id),
    mayEditDetails: can(actor, 'edit', res),
    today,
  };
}

export function listStreetsForForm(db: DB) {
  return db.select({ id: streets.id, name: streets.name }).from(streets).orderBy(asc(streets.sort), asc(streets.id)).all();
}

export function serviceCatalogue(db: DB) {
  return db
    .select({ id: servicesTable.id, name: servicesTable.name, category: servicesTable.category, online: servicesTable.online })
    .from(servicesTable)
    .orderBy(asc(servicesTable.sort), asc(servicesTable.id))
    .all();
}

/** Exceptions that ended in the last 30 days, and the current and future ones. */
export function splitExceptions<T extends { endDate: string }>(list: T[], today: string): { current: T[]; past: T[] } {
  const since = addDays(today, -30);
  return { current: list.filter((e) => e.endDate >= today), past: list.filter((e) => e.endDate < today && e.endDate >= since) };
}

