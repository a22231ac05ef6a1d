import { offlineHtml } from '@/components/pwa/offline-html';

// The same document for everyone, fixed at build time; the service worker keeps a copy.
export const dynamic = 'force-static';

/** The offline page (public/sw.js shows it when a page cannot be loaded). */
export function GET() {
  return new Response(offlineHtml(), {
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=3600' },
  });
}
