/**
 * The district holiday / 调休 calendar, as the admin console reads and writes it. Public
 * station status reads calendar_days on every request (db/queries/stations.ts), so a saved
 * change shows on the next page load. Writes are 管理员 only; 编辑 may read.
 *
 * calendar_days has no version column (its key is the date), so an edit or delete carries what
 * the editor last saw of the row; if the row differs now, nothing is written and the editor is
 * told who changed it (from the audit log).
 */
import { and, asc, between, desc, eq } from 'drizzle-orm';
import type { DB } from '../client';
import { auditLog, calendarDays, calendarYears as yearFlags, type CalendarDay } from '../schema';
import { authorize, type Actor } from '../auth/permissions';
import { formatInstant, WEEKDAY_NAMES, weekdayOf } from '../domain/time';
import {
  CALENDAR_FIELD_LABELS,
  CALENDAR_KIND_LABELS,
  calendarDaySchema,
  calendarDeleteSchema,
  calendarEditSchema,
  calendarEntityId,
  calendarYearEntityId,
  calendarYearSchema,
  type CalendarDayValues,
  type CalendarYearValues,
} from '../validation/admin/calendar';
import { authorNames, changedFields, recordAudit } from './audit';
import { Conflict, Invalid, NotFound } from './errors';
import { writeTransaction } from './tx';
import { unownedWriter } from './write';

export type CalendarRow = {
  date: string;
  weekday: string;
  kind: 'holiday' | 'workday';
  kindLabel: string;
  name: string;
  asWeekday: number | null;
};

/** `provisional`: the year's arrangement is still a guess (residents are told so). */
export type CalendarYear = { year: number; rows: CalendarRow[]; holidays: number; workdays: number; provisional: boolean };

function toRow(d: CalendarDay): CalendarRow {
  return {
    date: d.date,
    weekday: WEEKDAY_NAMES[weekdayOf(d.date)] ?? '',
    kind: d.kind,
    kindLabel: CALENDAR_KIND_LABELS[d.kind],
    name: d.name,
    asWeekday: d.asWeekday,
  };
}

/** Years that have any row, plus the current and next year (so a new year can be started). */
export async function calendarYears(db: DB, thisYear: number): Promise<number[]> {
  // A few dozen rows a year: reading the dates is simpler than asking SQLite for their years.
  const rows = db.select({ date: calendarDays.date }).from(calendarDays).all();
  const set = new Set(rows.map((r) => Number(r.date.slice(0, 4))).filter((y) => Number.isInteger(y)));
  set.add(thisYear);
  set.add(thisYear + 1);
  return [...set].sort((a, b) => a - b);
}

/** One year's holidays and 调休 workdays in date order, with their counts. Any actor who may view the calendar. */
export async function calendarYear(db: DB, year: number): Promise<CalendarYear> {
  const rows = db
    .select()
    .from(calendarDays)
    .where(between(calendarDays.date, `${year}-01-01`, `${year}-12-31`))
    .orderBy(asc(calendarDays.date))
    .all()
    .map(toRow);
  const flag = db.select({ provisional: yearFlags.provisional }).from(yearFlags).where(eq(yearFlags.year, year)).get();
  return {
    year,
    rows,
    holidays: rows.filter((r) => r.kind === 'holiday').length,
    workdays: rows.filter((r) => r.kind === 'workday').length,
    provisional: flag?.provisional === true,
  };
}

/**
 * Marks a year's arrangement as a guess or as the official notice: residents see «…尚未公布，
 * 按往年惯例预估» beside that year's holidays while it is provisional. Idempotent; audited.
 */
export function setCalendarYearProvisional(db: DB, actor: Actor, v: CalendarYearValues, ip?: string): { year: number; provisional: boolean } {
  authorize(actor, 'edit', { kind: 'calendar' });
  return writeTransaction(db, () => {
    const before = db.select().from(yearFlags).where(eq(yearFlags.year, v.year)).get();
    const was = before?.provisional === true;
    if (was === v.provisional) return { year: v.year, provisional: v.provisional };
    db.insert(yearFlags)
      .values({ year: v.year, provisional: v.provisional })
      .onConflictDoUpdate({ target: yearFlags.year, set: { provisional: v.provisional } })
      .run();
    recordAudit(db, {
      actor,
      action: 'update',
      entity: 'calendar',
      entityId: calendarYearEntityId(v.year),
      summary: v.provisional ? `${v.year}年节假日安排标为暂定（尚未公布）` : `${v.year}年节假日安排已按正式通知核对，取消暂定`,
      before: { year: v.year, provisional: was },
      after: { year: v.year, provisional: v.provisional },
      ip,
    });
    return { year: v.year, provisional: v.provisional };
  });
}

function describe(d: Pick<CalendarDay, 'date' | 'kind' | 'name'>): string {
  return `${d.date}（${WEEKDAY_NAMES[weekdayOf(d.date)]}）${CALENDAR_KIND_LABELS[d.kind]}·${d.name}`;
}

function snap(d: CalendarDay | undefined | null): Record<string, unknown> | null {
  return d ? { date: d.date, kind: d.kind, name: d.name, asWeekday: d.asWeekday } : null;
}

type Seen = { kind: 'holiday' | 'workday'; name: string; asWeekday: number | null };

/** Refuses when the row is not what the editor saw; names who changed it since. */
export function expectSeen(db: DB, row: CalendarDay, seen: Seen): void {
  if (row.kind === seen.kind && row.name === seen.name && (row.asWeekday ?? null) === (seen.asWeekday ?? null)) return;
  const last = db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'calendar'), eq(auditLog.entityId, calendarEntityId(row.date))))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(1)
    .get();
  const fields = last ? changedFields(last.before, last.after).map((f) => CALENDAR_FIELD_LABELS[f] ?? f) : [];
  const by = last ? ((last.userId !== null ? authorNames(db, [last]).get(last.userId) : undefined) ?? last.actor) : '其他人';
  throw new Conflict({
    changes: [{ by, at: last ? formatInstant(last.at) : '', fields: fields.length ? fields : [describe(row)] }],
    currentVersion: 0,
  });
}

function duplicate(db: DB, day: string): Invalid | null {
  const existing = db.select().from(calendarDays).where(eq(calendarDays.date, day)).get();
  if (!existing) return null;
  return new Invalid({ date: `${day} 已经登记为「${CALENDAR_KIND_LABELS[existing.kind]}·${existing.name}」，同一天只能有一行；请修改那一行` });
}

export function addCalendarDay(db: DB, actor: Actor, d: CalendarDayValues, ip?: string): { date: string } {
  authorize(actor, 'edit', { kind: 'calendar' });
  return writeTransaction(db, () => {
    const dup = duplicate(db, d.date);
    if (dup) throw dup;
    const row = db.insert(calendarDays).values({ date: d.date, kind: d.kind, name: d.name, asWeekday: d.asWeekday }).returning().get();
    recordAudit(db, {
      actor,
      action: 'create',
      entity: 'calendar',
      entityId: calendarEntityId(d.date),
      summary: `新增节假日安排：${describe(row)}`,
      before: null,
      after: snap(row),
      ip,
    });
    return { date: row.date };
  });
}

export function updateCalendarDay(
  db: DB,
  actor: Actor,
  d: CalendarDayValues & { originalDate: string; seen: Seen },
  ip?: string,
): { date: string } {
  authorize(actor, 'edit', { kind: 'calendar' });
  return writeTransaction(db, () => {
    const row = db.select().from(calendarDays).where(eq(calendarDays.date, d.originalDate)).get();
    if (!row) throw new NotFound('这一天的安排已被删除，请刷新页面后再看。');
    expectSeen(db, row, d.seen);
    if (d.date !== d.originalDate) {
      const dup = duplicate(db, d.date);
      if (dup) throw dup;
    }
    const after = { date: d.date, kind: d.kind, name: d.name, asWeekday: d.asWeekday };
    if (changedFields(snap(row), after).length === 0) return { date: row.date };
    db.update(calendarDays).set(after).where(eq(calendarDays.date, d.originalDate)).run();
    if (d.date !== d.originalDate) {
      // A moved day: recorded under both dates, so either date's history finds it.
      recordAudit(db, {
        actor,
        action: 'delete',
        entity: 'calendar',
        entityId: calendarEntityId(d.originalDate),
        summary: `节假日安排改到 ${d.date}：${describe(row)}`,
        before: snap(row),
        after: null,
        ip,
      });
    }
    recordAudit(db, {
      actor,
      action: d.date !== d.originalDate ? 'create' : 'update',
      entity: 'calendar',
      entityId: calendarEntityId(d.date),
      summary: d.date !== d.originalDate ? `节假日安排从 ${d.originalDate} 改到：${describe(after)}` : `修改节假日安排：${describe(after)}`,
      before: snap(row),
      after,
      ip,
    });
    return { date: d.date };
  });
}

export function deleteCalendarDay(db: DB, actor: Actor, d: { date: string; seen: Seen }, ip?: string): { date: string } {
  authorize(actor, 'delete', { kind: 'calendar' });
  return writeTransaction(db, () => {
    const row = db.select().from(calendarDays).where(eq(calendarDays.date, d.date)).get();
    if (!row) throw new NotFound('这一天的安排已经不在了，可能已被他人删除。');
    expectSeen(db, row, d.seen);
    db.delete(calendarDays).where(eq(calendarDays.date, d.date)).run();
    recordAudit(db, {
      actor,
      action: 'delete',
      entity: 'calendar',
      entityId: calendarEntityId(d.date),
      summary: `删除节假日安排：${describe(row)}`,
      before: snap(row),
      after: null,
      ip,
    });
    return { date: d.date };
  });
}

/** 管理员 only: the role is asked before the input is read, so every other account is refused the same way. */
const calendarWrite = unownedWriter({ kind: 'calendar' });

/** The gated writes the server actions run (the functions above stay callable with typed data). */
export const calendarWrites = {
  add: calendarWrite('calendar.add', 'edit', calendarDaySchema, (db, c, d) => addCalendarDay(db, c.actor, d, c.ip)),
  update: calendarWrite('calendar.update', 'edit', calendarEditSchema, (db, c, d) => updateCalendarDay(db, c.actor, d, c.ip)),
  delete: calendarWrite('calendar.delete', 'delete', calendarDeleteSchema, (db, c, d) => deleteCalendarDay(db, c.actor, d, c.ip)),
  provisional: calendarWrite('calendar.provisional', 'edit', calendarYearSchema, (db, c, d) => setCalendarYearProvisional(db, c.actor, d, c.ip)),
};
