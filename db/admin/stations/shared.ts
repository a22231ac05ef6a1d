/**
 * What every station writer shares: loading and finding the station a write is about, the
 * station-wide version check, the change wrapper (gate, version, audit, reindex) and the
 * publishing rules. The writers themselves are in details.ts and schedule.ts; reads in reads.ts.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { DB } from '../../client';
import { stationExceptions, stationHours, stationServices, stations, type HoursScope, type ServiceMode } from '../../schema';
import { type Actor, type Resource } from '../../auth/permissions';
import { reindexStation } from '../../search/documents';
import { beijingToday } from '../../domain/time';
import { hoursOn, setStarts, type WeeklySession } from '../../domain/hours';
import { recordAudit, type AuditInput } from '../audit';
import { expectVersion } from '../conflict';
import { Invalid, NotFound } from '../errors';
import { writer, type WriteContext } from '../write';
import { stationExceptionColumns } from '../../queries/station-schedules';
import { idOnly, insideBeijing, stationIdOnly } from '../../validation/admin/station';

export type StationRow = typeof stations.$inferSelect;

export function stationResource(row: { id: number } | null): Resource {
  return { kind: 'station', stationId: row ? row.id : null };
}

export const MISSING = '找不到这个驿站，可能已被删除。';

export function loadStation(db: DB, id: number): StationRow {
  const row = db.select().from(stations).where(eq(stations.id, id)).get();
  if (!row) throw new NotFound(MISSING);
  return row;
}

/** How the gate finds the station a write is about: by `id`, or by `stationId` for its exceptions. */
export const byId = { key: idOnly, row: (db: DB, k: { id: number }) => db.select().from(stations).where(eq(stations.id, k.id)).get(), missing: MISSING };
export const byStationId = { key: stationIdOnly, row: (db: DB, k: { stationId: number }) => byId.row(db, { id: k.stationId }), missing: MISSING };

export const describe = (row: { name?: unknown }) => `驿站「${String(row.name ?? '')}」`;

/** 2026-12-01, or 2026-12-01 至 2026-12-03. */
export const dateSpan = (e: { startDate: string; endDate: string }) => (e.endDate !== e.startDate ? `${e.startDate} 至 ${e.endDate}` : e.startDate);

// ---------------------------------------------------------------------------
// Child snapshots (for audit before/after, and conflict wording)
// ---------------------------------------------------------------------------

export type HoursSnap = { scope: HoursScope; weekday: number; opens: string; closes: string }[];

/** Every weekly session of the station, each with the first day of its week (db/domain/hours-sets). */
export function allHoursOf(db: DB, id: number): Required<WeeklySession>[] {
  return db
    .select({ scope: stationHours.scope, weekday: stationHours.weekday, opens: stationHours.opens, closes: stationHours.closes, effectiveFrom: stationHours.effectiveFrom })
    .from(stationHours)
    .where(eq(stationHours.stationId, id))
    .orderBy(asc(stationHours.effectiveFrom), asc(stationHours.scope), asc(stationHours.weekday), asc(stationHours.opens))
    .all();
}

/** A week's sessions without their effective date (the audit's and the forms' shape). */
export function snapOf(hours: readonly WeeklySession[]): HoursSnap {
  return hours.map((h) => ({ scope: h.scope, weekday: h.weekday, opens: h.opens, closes: h.closes }));
}

/** The weekly sessions in force on `date` (Beijing; default today). */
export function hoursOf(db: DB, id: number, date: string = beijingToday()): HoursSnap {
  return snapOf(hoursOn(allHoursOf(db, id), date));
}

/** The weeks that start after `today`, earliest first: changes already decided. */
export function scheduledHoursOf(db: DB, id: number, today: string = beijingToday()): { from: string; hours: HoursSnap }[] {
  const all = allHoursOf(db, id);
  return setStarts(all)
    .filter((from) => from > today)
    .map((from) => ({ from, hours: snapOf(hoursOn(all, from)) }));
}

export function exceptionsOf(db: DB, id: number) {
  return db
    .select({ id: stationExceptions.id, ...stationExceptionColumns })
    .from(stationExceptions)
    .where(eq(stationExceptions.stationId, id))
    .orderBy(asc(stationExceptions.startDate), asc(stationExceptions.id))
    .all();
}

export function servicesOf(db: DB, id: number): { serviceId: number; mode: ServiceMode }[] {
  return db
    .select({ serviceId: stationServices.serviceId, mode: stationServices.mode })
    .from(stationServices)
    .where(eq(stationServices.stationId, id))
    .orderBy(asc(stationServices.serviceId))
    .all();
}

/** Bumps the station's version (and updatedAt); returns the new version. */
export function bump(db: DB, row: StationRow, extra: Partial<StationRow> = {}): number {
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
export function keepPublishable(db: DB, row: StationRow) {
  if (row.publication !== 'published') return;
  const problems = checkPublishable(db, row.id);
  if (Object.keys(problems).length > 0) throw new Invalid(problems, '这个驿站已经发布，保存后会缺少必要的内容：');
}

/**
 * Checks the version when the input carries one (今日临时闭站 and its undo deliberately do not):
 * the first thing every change to an existing station does, under the write lock.
 */
export function expectFresh(db: DB, row: StationRow, expected: number | null | undefined) {
  if (expected === null) throw new Invalid({ version: '缺少版本号，请刷新页面后重试' });
  // The changed fields go out as codes; the station forms word them (components/admin/stations/strings.ts).
  if (expected !== undefined) expectVersion(db, 'station', row.id, row.version, expected);
}

/**
 * A change to an existing station: found by id (or by stationId for its exceptions), authorised
 * on it, then — under the write lock — version-checked before `run` writes.
 */
export function stationChange<S extends z.ZodType, T, K>(
  name: string,
  permission: 'edit' | 'editSchedule',
  schema: S,
  load: { key: z.ZodType<K>; row: (db: DB, key: K) => StationRow | undefined; missing: string },
  run: (db: DB, c: WriteContext<z.output<S>, StationRow>) => T,
  /** The station's own fields, read from a row or an audit snapshot: a save from an older version then merges (../conflict.ts). */
  fields?: (stored: Record<string, unknown>) => Record<string, unknown>,
) {
  return writer({
    name,
    permission,
    on: stationResource,
    schema,
    load,
    run: (db, c) => {
      const version = (c.data as { version?: number | null }).version;
      if (fields && typeof version === 'number') {
        const data = c.reconcile({ entity: 'station', id: c.row.id, currentVersion: c.row.version, current: c.row, fields }, c.data as z.output<S> & { version: number });
        return run(db, { ...c, data });
      }
      expectFresh(db, c.row, version);
      return run(db, c);
    },
  });
}

/** How every change ends: the audit row (at the new version) and the search document. */
export function logChange(
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
  if (s.status === 'planned' && !s.openingDate) p.openingDate = '“尚未启用”的驿站请填写开放日期';
  if (s.status === 'suspended' && !s.statusReason?.trim()) p.statusReason = '“暂停服务”的驿站请写明原因';
  const hours = hoursOf(db, id).filter((h) => h.scope === 'station');
  if (s.status === 'operating' && hours.length === 0) p.hours = '正常运行的驿站需要填写每周开放时间';
  if (servicesOf(db, id).length === 0) p.services = '请至少勾选一项可办业务';
  if (s.lastVerifiedOn > beijingToday()) p.lastVerifiedOn = '最近核实日期不能晚于今天';
  return p;
}
