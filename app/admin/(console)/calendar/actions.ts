'use server';
/**
 * Holiday / 调休 calendar writes. 管理员 only: the role is checked first thing, before the
 * input is read, so every other account is refused the same way whatever it sends.
 */
import { headers } from 'next/headers';
import { getDb } from '@/db';
import { requireActor } from '@/db/auth/guard';
import { authorize } from '@/db/auth/permissions';
import { clientIp } from '@/db/auth/client-ip';
import { guarded, parseInput, type ActionResult } from '@/db/admin/action';
import { addCalendarDay, deleteCalendarDay, updateCalendarDay } from '@/db/admin/calendar';
import { calendarDaySchema, calendarDeleteSchema, calendarEditSchema } from '@/db/validation/admin/calendar';
import { calendarText } from '@/components/admin/calendar/strings';

export async function addCalendarDayAction(input: unknown): Promise<ActionResult<{ date: string }>> {
  return guarded('calendar.add', async () => {
    const actor = await requireActor();
    authorize(actor, 'edit', { kind: 'calendar' });
    const data = parseInput(calendarDaySchema, input);
    const r = addCalendarDay(getDb(), actor, data, clientIp(await headers()));
    return { ok: true, date: r.date, message: calendarText.added(r.date) };
  });
}

export async function updateCalendarDayAction(input: unknown): Promise<ActionResult<{ date: string }>> {
  return guarded('calendar.update', async () => {
    const actor = await requireActor();
    authorize(actor, 'edit', { kind: 'calendar' });
    const data = parseInput(calendarEditSchema, input);
    const r = updateCalendarDay(getDb(), actor, data, clientIp(await headers()));
    return { ok: true, date: r.date, message: calendarText.updated(r.date) };
  });
}

export async function deleteCalendarDayAction(input: unknown): Promise<ActionResult<{ date: string }>> {
  return guarded('calendar.delete', async () => {
    const actor = await requireActor();
    authorize(actor, 'delete', { kind: 'calendar' });
    const data = parseInput(calendarDeleteSchema, input);
    const r = deleteCalendarDay(getDb(), actor, data, clientIp(await headers()));
    return { ok: true, date: r.date, message: calendarText.deleted(r.date) };
  });
}
