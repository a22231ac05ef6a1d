'use server';
/**
 * Holiday / 调休 calendar writes: the gated writes of db/admin/calendar.ts (管理员 only, asked
 * before the input is read), made into actions by adminAction(), which adds the session and the
 * client address. The one-step range writes answer in codes; worded() puts them in words.
 */
import { adminAction } from '@/db/admin/action';
import { calendarWrites as w } from '@/db/admin/calendar';
import { calendarRangeWrites as rangeWrites } from '@/db/admin/calendar-range';
import { calendarText, CALENDAR_RANGE_WORDS, rangeText } from '@/components/admin/calendar/strings';
import { worded } from '@/components/admin/field-words';

export const updateCalendarDayAction = adminAction(w.update, (r) => ({ date: r.date, message: calendarText.updated(r.date) }));
export const deleteCalendarDayAction = adminAction(w.delete, (r) => ({ date: r.date, message: calendarText.deleted(r.date) }));
export const setCalendarYearProvisionalAction = adminAction(w.provisional, (r) => ({
  year: r.year,
  provisional: r.provisional,
  message: calendarText.provisionalSaved(r.year, r.provisional),
}));
export const saveCalendarRangeAction = worded(
  adminAction(rangeWrites.save, (r) => ({ ...r, message: rangeText.saved(r.from, r.to, r.days, r.replaced) })),
  CALENDAR_RANGE_WORDS,
);
export const deleteCalendarRangeAction = worded(
  adminAction(rangeWrites.delete, (r) => ({ ...r, message: rangeText.groupDeleted(r.name, r.days) })),
  CALENDAR_RANGE_WORDS,
);
