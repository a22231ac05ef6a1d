/** Dates as yyyymmdd integers: what index rows hold and today-dependent predicates compare. */

/** '2026-12-06' → 20261206 (0 for anything else). */
export function dateInt(text: string | null | undefined): number {
  if (!text || text.length < 10) return 0;
  const n = Number(text.slice(0, 4)) * 10000 + Number(text.slice(5, 7)) * 100 + Number(text.slice(8, 10));
  return Number.isFinite(n) ? n : 0;
}

/** 20261206 → '2026-12-06'. */
export function dateText(n: number): string {
  const s = String(n).padStart(8, '0');
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** 'HH:MM' → minutes after midnight. */
export function minutesOf(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}

/** '2026-12-06' (or 20261206) → days since 1970-01-01: day arithmetic and weekdays on integers. */
export function epochDay(date: string | number): number {
  const n = typeof date === 'number' ? date : dateInt(date);
  return Math.floor(Date.UTC(Math.floor(n / 10000), (Math.floor(n / 100) % 100) - 1, n % 100) / 86_400_000);
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of an epoch day. */
export function epochWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}
