/**
 * The security headers every response carries, in one place. next.config.ts sends them on
 * everything Next answers (pages, route handlers, server actions, static files); proxy.ts sets
 * them again on the responses it builds itself (page-cache hits and misses, redirects, 404
 * rewrites). No imports: next.config.ts loads this file before the app is built.
 *
 * Content-Security-Policy, directive by directive:
 * - script-src 'self' 'unsafe-inline': Next's App Router streams inline <script> tags with the
 *   page's data. The alternative, a per-request nonce, makes every page dynamic and would let the
 *   page cache replay one nonce to every visitor — so no nonce. No 'unsafe-eval', no other host:
 *   an injected <script src="https://evil"> or eval() is refused. React escapes what we render,
 *   and the only raw HTML we write is JSON-LD (escaped) and the QR code's SVG (generated here).
 * - style-src 'self' 'unsafe-inline': React style={…} attributes and Leaflet's positioning.
 * - img-src 'self' data: blob: https: — map tiles come from whichever HTTPS tile server
 *   MAP_TILE_URL names at run time (OpenStreetMap by default), Leaflet draws some icons from
 *   data: URIs. An image cannot run code.
 * - object-src 'none', base-uri 'self', frame-ancestors 'none', form-action 'self',
 *   connect-src 'self' (server actions and page data only), everything else 'self'.
 */

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** geolocation=(self): the station search's 用我的位置 button may ask the browser for the resident's position (on that page only, after a tap). */
export const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=(self)',
  'payment=()',
  'usb=()',
  'serial=()',
  'magnetometer=()',
  'gyroscope=()',
  'accelerometer=()',
  'display-capture=()',
  'browsing-topics=()',
].join(', ');

/** One year, sub-domains included; sent only on responses to requests that arrived over HTTPS. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/** Headers for every response, whatever the scheme. */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': PERMISSIONS_POLICY,
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
});

/**
 * Whether the request reached us over HTTPS: directly (an https URL) or through a reverse proxy
 * that says so in X-Forwarded-Proto (the first entry when there are several hops).
 */
export function cameOverHttps(url: string | URL, forwardedProto: string | null | undefined): boolean {
  const first = forwardedProto?.split(',')[0]?.trim().toLowerCase();
  if (first) return first === 'https';
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The headers for one response. */
export function securityHeaders(https: boolean): Record<string, string> {
  return https ? { ...BASE_SECURITY_HEADERS, 'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY } : { ...BASE_SECURITY_HEADERS };
}

/** Sets them on a response's headers (replacing any earlier value of the same name). */
export function applySecurityHeaders(headers: Headers, https: boolean): void {
  for (const [k, v] of Object.entries(securityHeaders(https))) headers.set(k, v);
}

type NextHeaderRule = {
  source: string;
  headers: { key: string; value: string }[];
  has?: { type: 'header'; key: string; value: string }[];
};

/**
 * The one exception to "no frames": an admin preview shows the record at phone width in a frame
 * of its own (components/admin/preview/preview-width.tsx) — a narrow box in a wide window would
 * get the wide layout. Only the preview page may frame, only this site, and only its frame
 * address may be framed, by this site only; both are signed-in admin pages.
 */
export const PREVIEW_PAGE_PATHS = ['/admin/courses/:id/preview', '/admin/fairs/:id/preview'] as const;
export const PREVIEW_FRAME_PATHS = ['/admin/courses/:id/preview/frame', '/admin/fairs/:id/preview/frame'] as const;

function withDirective(name: string, value: string): string {
  return CONTENT_SECURITY_POLICY.split('; ')
    .map((d) => (d.split(' ')[0] === name ? `${name} ${value}` : d))
    .join('; ');
}

export const PREVIEW_PAGE_CSP = withDirective('frame-src', "'self'");
export const PREVIEW_FRAME_CSP = withDirective('frame-ancestors', "'self'");

/**
 * The rules for next.config.ts `headers()`: everything on every path, HSTS only when
 * X-Forwarded-Proto says https; then the preview's framing exception (a later rule's value wins).
 */
export function nextConfigHeaderRules(): NextHeaderRule[] {
  const list = (h: Record<string, string>) => Object.entries(h).map(([key, value]) => ({ key, value }));
  return [
    { source: '/:path*', headers: list(BASE_SECURITY_HEADERS) },
    {
      source: '/:path*',
      has: [{ type: 'header', key: 'x-forwarded-proto', value: '(?:https|HTTPS)(?:,.*)?' }],
      headers: [{ key: 'Strict-Transport-Security', value: STRICT_TRANSPORT_SECURITY }],
    },
    ...PREVIEW_PAGE_PATHS.map((source) => ({ source, headers: [{ key: 'Content-Security-Policy', value: PREVIEW_PAGE_CSP }] })),
    ...PREVIEW_FRAME_PATHS.map((source) => ({
      source,
      headers: [
        { key: 'Content-Security-Policy', value: PREVIEW_FRAME_CSP },
        { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
      ],
    })),
  ];
}
