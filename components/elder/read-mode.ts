import 'server-only';
import { cookies, headers } from 'next/headers';
import { MODE_COOKIE, modeFromCookie, type Mode } from './mode';

/**
 * The resident's mode from the cookie. Admin pages (marked by the proxy's x-admin-path header)
 * always get the standard mode. Reading the cookie makes every page vary by it.
 */
export async function readMode(): Promise<Mode> {
  if ((await headers()).has('x-admin-path')) return 'standard';
  return modeFromCookie((await cookies()).get(MODE_COOKIE)?.value);
}
