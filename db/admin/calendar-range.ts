/**
 * An arrangement of the district calendar written in one step: 春节's nine days off and its two
 * make-up days are one submission, one transaction and one audit entry (the day-by-day writes
 * stay in ./calendar.ts for editing a single day). 管理员 only; 编辑 may read.
 *
 * Days already in the calendar are never overwritten silently: the write is refused unless the
 * admin saw exactly those rows listed and agreed to replace them.
 */
import 'server-only';
import { asc, inArray } from 'drizzle-orm';
import type { DB } from '../client';
import { calendarDays, type CalendarDay } from '../schema';
import { authorize, type Actor } from '../auth/permissions';
import { dateRuns, expandRange, overlapsOf, sameRows, type CalendarDayRow } from '../domain/calendar-range';
import { WEEKDAY_NAMES, weekdayOf } from '../domain/time';
import {
  CALENDAR_KIND_LABELS,
  calendarEntityId,
  calendarRangeDeleteSchema,
  calendarRangeSchema,
  type CalendarRangeDeleteValues,
  type CalendarRangeValues,
} from '../validation/admin/calendar';
import { recordAudit } from './audit';
import { Invalid, NotFound } from './errors';
import { expectSeen } from './calendar';
import { writeTransaction } from './tx';
import { unownedWriter } from './write';

function rowOf(d: CalendarDay): CalendarDayRow {
  return { date: d.date, kind: d.kind, name: d.name, asWeekday: d.asWeekday ?? null };
}

/** 「春节：放假 2027-02-15至2027-02-23（9天）；调休上班 2027-02-14（周日，按周一时间）」 for the audit log. */
function describeDays(name: string, rows: readonly CalendarDayRow[]): string {
  const off = rows.filter((r) => r.kind === 'holiday');
  const work = rows.filter((r) => r.kind === 'workday');
  const parts: string[] = [];
  if (off.length > 0) {
    const runs = dateRuns(off.map((r) => r.date)).map(([a, b]) => (a === b ? a : `${a}至${b}`));
    parts.push(`${CALENDAR_KIND_LABELS.holiday} ${runs.join('、')}（${off.length}天）`);
  }
  if (work.length > 0) {
    const days = work.map((r) => `${r.date}（${WEEKDAY_NAMES[weekdayOf(r.date)]}${r.asWeekday ? `，按${WEEKDAY_NAMES[r.asWeekday]}时间` : ''}）`);
    parts.push(`${CALENDAR_KIND_LABELS.workday} ${days.join('、')}`);
  }
  return `${name}：${parts.join('；')}`;
}

/**
 * Every day of the calendar (a few dozen a year), so the one-step form can show which of the
 * days being entered are already there before it is sent. Any actor who may view the calendar.
 */
export async function listCalendarDays(db: DB): Promise<CalendarDayRow[]> {
  return db.select().from(calendarDays).orderBy(asc(calendarDays.date)).all().map(rowOf);
}

function saveRange(db: DB, actor: Actor, v: CalendarRangeValues, ip?: string): { from: string; to: string; days: number; replaced: number } {
  const rows = expandRange(v);
  const existing = db
    .select()
    .from(calendarDays)
    .where(
      inArray(
        calendarDays.date,
        rows.map((r) => r.date),
      ),
    )
    .all()
    .map(rowOf);
  const overlaps = overlapsOf(rows, existing);
  // Replaced only when the admin was shown exactly these rows; anything else (nothing agreed,
  // or the rows changed since) is refused, and the form lists what is there now.
  if (overlaps.length > 0 && !sameRows(overlaps, v.replace)) throw new Invalid({ overlaps: 'overlap' }, 'overlap');
  if (overlaps.length > 0) {
    db.delete(calendarDays)
      .where(
        inArray(
          calendarDays.date,
          overlaps.map((r) => r.date),
        ),
      )
      .run();
  }
  db.insert(calendarDays).values(rows).run();
  const first = rows[0]!.date;
  const last = rows[rows.length - 1]!.date;
  recordAudit(db, {
    actor,
    action: 'create',
    entity: 'calendar',
    entityId: calendarEntityId(first),
    summary: `登记节假日安排「${describeDays(v.name, rows)}」${overlaps.length > 0 ? `，替换了原有的 ${overlaps.length} 天：${overlaps.map((r) => `${r.date}·${r.name}`).join('、')}` : ''}`,
    before: overlaps.length > 0 ? { days: overlaps } : null,
    after: { name: v.name, from: v.from, to: v.to, days: rows },
    ip,
  });
  return { from: first, to: last, days: rows.length, replaced: overlaps.length };
}

function deleteRange(db: DB, actor: Actor, v: CalendarRangeDeleteValues, ip?: string): { name: string; days: number } {
  const dates = [...new Set(v.days.map((d) => d.date))].sort();
  const found = new Map(
    db
      .select()
      .from(calendarDays)
      .where(inArray(calendarDays.date, dates))
      .all()
      .map((r) => [r.date, r]),
  );
  for (const d of v.days) {
    const row = found.get(d.date);
    if (!row) throw new NotFound(`${d.date} 的安排已经不在了，可能已被他人删除。请刷新页面后再看。`);
    expectSeen(db, row, d);
  }
  db.delete(calendarDays).where(inArray(calendarDays.date, dates)).run();
  const rows = dates.map((d) => rowOf(found.get(d)!));
  recordAudit(db, {
    actor,
    action: 'delete',
    entity: 'calendar',
    entityId: calendarEntityId(dates[0]!),
    summary: `删除节假日安排「${describeDays(v.name, rows)}」`,
    before: { name: v.name, days: rows },
    after: null,
    ip,
  });
  return { name: v.name, days: rows.length };
}

/** Writes one arrangement (管理员 only): one transaction, one audit entry. */
export async function saveCalendarRange(db: DB, actor: Actor, v: CalendarRangeValues, ip?: string) {
  authorize(actor, 'edit', { kind: 'calendar' });
  return writeTransaction(db, () => saveRange(db, actor, v, ip));
}

/** Deletes one arrangement's days as the admin saw them (管理员 only): one transaction, one audit entry. */
export async function deleteCalendarRange(db: DB, actor: Actor, v: CalendarRangeDeleteValues, ip?: string) {
  authorize(actor, 'delete', { kind: 'calendar' });
  return writeTransaction(db, () => deleteRange(db, actor, v, ip));
}

const calendarWrite = unownedWriter({ kind: 'calendar' });

/** The gated writes the server actions run. */
export const calendarRangeWrites = {
  save: calendarWrite('calendar.range.save', 'edit', calendarRangeSchema, (db, c, d) => saveRange(db, c.actor, d, c.ip)),
  delete: calendarWrite('calendar.range.delete', 'delete', calendarRangeDeleteSchema, (db, c, d) => deleteRange(db, c.actor, d, c.ip)),
};
