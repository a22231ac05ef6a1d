/*
 * The portal's service worker: one job. When a resident's page cannot be loaded (no network),
 * show the offline page with the hotlines instead of the browser's error.
 *
 * - Pages go to the network first, always; nothing a page returns is stored, so no list, no
 *   record, no 长辈版 or self-check answer and nothing of the admin console is ever kept here.
 * - Only the offline page (/offline: fixed text, no personal data) is cached, at install.
 * - The admin console, the API, feeds, files and Next's own requests are left alone: the worker
 *   does not answer them at all (the browser fetches them as if it were not there).
 * Bump VERSION when the offline page changes; the old cache is dropped on activation.
 */
const VERSION = 'ft-offline-v1';
const OFFLINE = '/offline';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(VERSION)
      .then((cache) => cache.add(new Request(OFFLINE, { cache: 'reload' })))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** A resident's page load on this site (not the admin console, the API or a download). */
function isResidentPage(request) {
  if (request.mode !== 'navigate' || request.method !== 'GET') return false;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return false;
  return !/^\/(admin|api|_next|feeds)(\/|$)/.test(url.pathname);
}

self.addEventListener('fetch', (event) => {
  if (!isResidentPage(event.request)) return;
  event.respondWith(
    fetch(event.request).catch(async () => {
      const cached = await caches.match(OFFLINE, { cacheName: VERSION });
      return cached || Response.error();
    }),
  );
});
