/**
 * 长辈版 (elder mode): the cookie that remembers it and the checks on the switch's input.
 * Pure functions, no I/O — shared by the route handler (app/elder/route.ts), the layouts and
 * the unit tests.
 */

export const MODE_COOKIE = 'ft_mode';
export const ELDER = 'elder';
/** One year, in seconds. */
export const MODE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

export type Mode = 'elder' | 'standard';

export function modeFromCookie(value: string | undefined | null): Mode {
  return value === ELDER ? 'elder' : 'standard';
}

/** `mode=on` / `mode=off` from the switch's link; anything else is null (nothing changes). */
export function parseModeParam(value: string | null | undefined): Mode | null {
  if (value === 'on') return 'elder';
  if (value === 'off') return 'standard';
  return null;
}

const MAX_BACK = 2000;

/**
 * Where the switch may send the resident back to: a path on this site only.
 *
 * Accepts '/…' paths; refuses anything that a browser could read as another site — '//host',
 * '/\host' (browsers treat '\' as '/'), 'https://…', 'javascript:…' — and control characters
 * or over-long values. The switch's own address is refused too, so it cannot loop. Refused or
 * missing values give '/'.
 */
export function safeBack(raw: string | null | undefined): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_BACK) return '/';
  if (raw[0] !== '/') return '/';
  if (raw[1] === '/' || raw[1] === '\\') return '/';
  if (raw.includes('\\')) return '/';
  // Control characters (tabs and newlines are dropped by URL parsers, which could rejoin '//').
  if (/[\u0000-\u001f\u007f]/.test(raw)) return '/';
  let url: URL;
  try {
    url = new URL(raw, 'http://portal.invalid');
  } catch {
    return '/';
  }
  if (url.origin !== 'http://portal.invalid') return '/';
  if (url.pathname === '/elder' || url.pathname.startsWith('/elder/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The switch's address for the other mode, coming back to `back` (path plus query). */
export function switchHref(current: Mode, back: string): string {
  const params = new URLSearchParams({ mode: current === 'elder' ? 'off' : 'on', back: safeBack(back) });
  return `/elder?${params.toString()}`;
}
