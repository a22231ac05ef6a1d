/**
 * The instant a browser run is about. With E2E_NOW set, the seed and the server run with their
 * clock frozen there (playwright.config.ts), so a spec can say exactly which days it expects;
 * without it they run on the real clock and so does this.
 *
 * Written without the portal's own date code, so that a test checks the portal against an
 * independent reading of the calendar.
 */
export function suiteNow(): Date {
  const fixed = process.env.E2E_NOW;
  return fixed ? new Date(fixed) : new Date();
}

/** True when the run is pinned to an instant (E2E_NOW). */
export const pinned = Boolean(process.env.E2E_NOW);

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing calendar day `days` after the day of `at`: 'YYYY-MM-DD'. */
export function beijingDay(at: Date = suiteNow(), days = 0): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS + days * DAY_MS).toISOString().slice(0, 10);
}

/** Beijing wall-clock time of `at`: 'HH:MM'. */
export function beijingTime(at: Date = suiteNow()): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(11, 16);
}

/** '2026-12-06' → '12月6日', as the pages write a day. */
export function monthDayText(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}
