'use client';

import { useEffect } from 'react';

/**
 * Registers public/sw.js (the offline page with the hotlines) once the page has loaded. Resident
 * pages only: the public layout renders this, the admin console does not. Nothing to show.
 */
export function RegisterServiceWorker() {
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    // A failed registration (private mode, an old browser) leaves the site as it was.
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
  }, []);
  return null;
}
