import 'server-only';
import { headers } from 'next/headers';

/**
 * The site's public origin for links that leave the browser (QR codes, calendar files, feeds).
 * SITE_URL (e.g. https://fuwu.example.gov.cn) wins, because behind a proxy the Host header may
 * be an internal name; without it, the address the resident used (forwarded host first).
 */
export function originFrom(h: { get(name: string): string | null }, env: string | undefined = process.env.SITE_URL): string {
  const configured = configuredOrigin(env);
  if (configured) return configured;
  const host = h.get('x-forwarded-host')?.split(',')[0]?.trim() ?? h.get('host');
  const proto = h.get('x-forwarded-proto')?.split(',')[0]?.trim();
  if (host && /^[\w.:\[\]-]+$/.test(host)) return `${proto === 'https' ? 'https' : 'http'}://${host}`;
  return 'http://localhost:3000';
}

/** SITE_URL as a bare origin, or null when unset or not an http(s) address. */
export function configuredOrigin(env: string | undefined): string | null {
  if (!env) return null;
  try {
    const u = new URL(env);
    return u.protocol === 'http:' || u.protocol === 'https:' ? `${u.origin}${u.pathname.replace(/\/+$/, '')}` : null;
  } catch {
    return null;
  }
}

/** The origin for a page being rendered. */
export async function siteOrigin(): Promise<string> {
  return originFrom(await headers());
}
