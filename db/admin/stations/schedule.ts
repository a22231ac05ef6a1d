/** Station writers for its schedule: weekly hours, dated exceptions, 今日临时闭站 and its undo, services. */
import { and, desc, eq, gte } from 'drizzle-orm';
import type { DB } from '../../client';
import { services as servicesTable, stationExceptions, stationHours, stationServices, type HoursScope, type Session } from '../../schema';
import { addDays, beijingToday } from '../../domain/time';
import { hoursOn } from '../../domain/hours';
import { Invalid, NotFound, StateError } from '../errors';
import { closeTodaySchema, deleteExceptionSchema, exceptionSchema, hoursSchema, reopenTodaySchema, servicesSchema, type SessionInput } from '../../validation/admin/station';
import { allHoursOf, byId, byStationId, describe, dateSpan, hoursOf, snapOf, exceptionsOf, servicesOf, bump, keepPublishable, stationChange, logChange, type HoursSnap } from './shared';

// ---------------------------------------------------------------------------
// Weekly hours
// ---------------------------------------------------------------------------

function sortedSessions(day: readonly SessionInput[]): Session[] {
  return [...day].map((s) => ({ opens: s.opens.trim(), closes: s.closes.trim() })).sort((a, b) => a.opens.localeCompare(b.opens));
}

/** How far ahead a weekly-hours change may be dated. */
export const HOURS_LEAD_DAYS = 366;

function sameWeek(a: HoursSnap, b: HoursSnap): boolean {
  const key = (w: HoursSnap) => w.map((h) => `${h.scope}|${h.weekday}|${h.opens}|${h.closes}`).sort().join(',');
  return key(a) === key(b);
}

/** Every week of a station's hours, past and decided, as one comparable string. */
function scheduleKey(all: ReturnType<typeof allHoursOf>): string {
  return all
    .map((h) => `${h.effectiveFrom ?? ''}|${h.scope}|${h.weekday}|${h.opens}|${h.closes}`)
    .sort()
    .join(',');
}

/**
 * A new week of hours in force from `effectiveFrom` (today when not given), for good: weeks
 * already decided for that day or later are replaced, the days before keep the week they had.
 * Never a past day: those hours are what residents were told and went by, and the district's
 * records of them should not change after the fact (a mistake is corrected from today on; an
 * exception records a past closure). A week equal to the one before that day adds nothing (so
 * saving the current hours from a day cancels a change decided for it). An empty week is only
 * for today, and then clears every week, past ones too: a station with no hours at all is not
 * open to residents (a published one cannot be saved so), so there are no past days to keep.
 */
export const saveStationHours = stationChange('station.hours', 'editSchedule', hoursSchema, byId, (db, c): { version: number; effectiveFrom: string; unchanged?: true } => {
  const { row, data: d } = c;
  const id = row.id;
  const today = beijingToday();
  const from = d.effectiveFrom ?? today;
  if (from < today) throw new Invalid({ effectiveFrom: `生效日期不能早于今天（${today}）：过去的日子保留当时的开放时间` });
  if (from > addDays(today, HOURS_LEAD_DAYS)) throw new Invalid({ effectiveFrom: '生效日期最远只能选一年以内的日子' });
  const rows: HoursSnap = [];
  const add = (scope: HoursScope, week: SessionInput[][]) =>
    week.forEach((day, i) => sortedSessions(day).forEach((s) => rows.push({ scope, weekday: i + 1, ...s })));
  add('station', d.station);
  if (d.counterSeparate) add('counter', d.counter);
  if (rows.length === 0 && from > today) {
    throw new Invalid({ effectiveFrom: '每周开放时间全部留空只能从今天起生效；如驿站将停止服务，请在基本信息里把状态改为“暂停服务”' });
  }
  const allBefore = allHoursOf(db, id);
  const before = snapOf(hoursOn(allBefore, from));
  if (rows.length === 0) {
    db.delete(stationHours).where(eq(stationHours.stationId, id)).run();
  } else {
    db.delete(stationHours).where(and(eq(stationHours.stationId, id), gte(stationHours.effectiveFrom, from))).run();
    if (!sameWeek(hoursOf(db, id, addDays(from, -1)), rows)) {
      db.insert(stationHours).values(rows.map((h) => ({ stationId: id, effectiveFrom: from, ...h }))).run();
    }
  }
  // Saving the hours as they already stand changes nothing: no new version, no audit entry.
  const allAfter = allHoursOf(db, id);
  if (scheduleKey(allAfter) === scheduleKey(allBefore)) return { version: row.version, effectiveFrom: from, unchanged: true };
  const version = bump(db, row);
  keepPublishable(db, row);
  const when = from === today ? '（今天起生效）' : `（自 ${from} 起生效）`;
  logChange(db, c, row, version, {
    action: 'update',
    summary: `修改${describe(row)}的每周开放时间${when}`,
    before: { hours: before, effectiveFrom: from },
    after: { hours: snapOf(hoursOn(allAfter, from)), effectiveFrom: from },
  });
  return { version, effectiveFrom: from };
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
