import { clock, monthDayWeekday } from '@/db/domain/calendar';

/** '11月24日（周二）9:00–12:00', or across days '11月21日（周六）9:00 至 11月28日（周六）18:00'. */
export function fairWhenText(startsAt: string, endsAt: string): string {
  const [sd = '', st = ''] = startsAt.split('T');
  const [ed = '', et = ''] = endsAt.split('T');
  const y = sd.slice(0, 4) === ed.slice(0, 4) ? '' : `${sd.slice(0, 4)}年`;
  if (sd === ed) return `${y}${monthDayWeekday(sd)} ${clock(st)}–${clock(et)}`;
  return `${y}${monthDayWeekday(sd)} ${clock(st)} 至 ${ed.slice(0, 4) !== sd.slice(0, 4) ? `${ed.slice(0, 4)}年` : ''}${monthDayWeekday(ed)} ${clock(et)}`;
}

/** The same local time `days` later ('YYYY-MM-DDTHH:MM'). */
export function shiftLocal(local: string, days: number): string {
  const [d = '', t = '00:00'] = local.split('T');
  const ms = Date.parse(`${d}T00:00:00Z`) + days * 86_400_000;
  return `${new Date(ms).toISOString().slice(0, 10)}T${t}`;
}
