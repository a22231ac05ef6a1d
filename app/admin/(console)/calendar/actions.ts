'use server';
/**
 * Holiday / 调休 calendar writes: the gated writes of db/admin/calendar.ts (管理员 only, asked
 * before the input is read), made into actions by adminAction(), which adds the session and the
 * client address.
 */
import { adminAction } from '@/db/admin/action';
import { calendarWrites as w } from '@/db/admin/calendar';
import { calendarText } from '@/components/admin/calendar/strings';

export const addCalendarDayAction = adminAction(w.add, (r) => ({ date: r.date, message: calendarText.added(r.date) }));
export const updateCalendarDayAction = adminAction(w.update, (r) => ({ date: r.date, message: calendarText.updated(r.date) }));
export const deleteCalendarDayAction = adminAction(w.delete, (r) => ({ date: r.date, message: calendarText.deleted(r.date) }));
export const setCalendarYearProvisionalAction = adminAction(w.provisional, (r) => ({
  year: r.year,
  provisional: r.provisional,
  message: calendarText.provisionalSaved(r.year, r.provisional),
}));
