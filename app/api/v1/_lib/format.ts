/** How API v1 writes times and places: 'HH:MM', instants with +08:00, WGS-84 places. */
import type { Session } from '@/db/enums';

/** 'H:MM' or 'HH:MM' → 'HH:MM'. */
export function hhmm(t: string): string {
  return t.length === 4 ? `0${t}` : t.slice(0, 5);
}

/** A stored Beijing local time 'YYYY-MM-DDTHH:MM' → '2026-11-23T09:00:00+08:00'. */
export function localToIso(local: string): string {
  return `${local.slice(0, 10)}T${hhmm(local.slice(11, 16))}:00+08:00`;
}

/** An instant (ms or Date) → ISO 8601 in Beijing time with +08:00. */
export function instantToIso(at: number | Date): string {
  const ms = at instanceof Date ? at.getTime() : at;
  return `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

export function sessionsOut(sessions: readonly Session[]): { opens: string; closes: string }[] {
  return sessions.map((s) => ({ opens: hhmm(s.opens), closes: hhmm(s.closes) }));
}

/** A place as the API writes it (a run's classroom, a fair's venue). */
export type PlaceOut = { name: string; address: string; street: string | null; lat: number; lng: number };
