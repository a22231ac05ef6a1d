import type { NextRequest } from 'next/server';
import { ELDER, MODE_COOKIE, MODE_COOKIE_MAX_AGE, parseModeParam, safeBack } from '@/components/elder/mode';

/**
 * The 长辈版 switch: GET /elder?mode=on|off&back=/path. A plain link, so it works without
 * JavaScript. Remembers the choice for a year in a cookie and sends the resident back (303) to
 * the page they were on — a path on this site only. An unknown `mode` changes nothing.
 */
export function GET(req: NextRequest) {
  const params = req.nextUrl.searchParams;
  const back = safeBack(params.get('back'));
  const mode = parseModeParam(params.get('mode'));
  const headers = new Headers({ Location: back, 'Cache-Control': 'no-store' });
  if (mode) {
    const secure = req.nextUrl.protocol === 'https:' ? '; Secure' : '';
    const value = mode === 'elder' ? `${ELDER}; Max-Age=${MODE_COOKIE_MAX_AGE}` : `; Max-Age=0`;
    headers.append('Set-Cookie', `${MODE_COOKIE}=${value}; Path=/; SameSite=Lax${secure}`);
  }
  return new Response(null, { status: 303, headers });
}
