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
