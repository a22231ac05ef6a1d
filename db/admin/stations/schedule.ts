/** Station writers for its schedule: weekly hours, dated exceptions, 今日临时闭站 and its undo, services. */
import { and, desc, eq } from 'drizzle-orm';
import type { DB } from '../../client';
import { services as servicesTable, stationExceptions, stationHours, stationServices, type HoursScope, type Session } from '../../schema';
import { beijingToday } from '../../domain/time';
import { Invalid, NotFound, StateError } from '../errors';
import { closeTodaySchema, deleteExceptionSchema, exceptionSchema, hoursSchema, reopenTodaySchema, servicesSchema, type SessionInput } from '../../validation/admin/station';
import { byId, byStationId, describe, dateSpan, hoursOf, exceptionsOf, servicesOf, bump, keepPublishable, stationChange, logChange } from './shared';

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
