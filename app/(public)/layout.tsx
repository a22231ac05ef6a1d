import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/site-header';
import { SiteFooter } from '@/components/layout/site-footer';
import { isSampleData } from '@/db/queries/site';
import { RegisterServiceWorker } from '@/components/pwa/register-service-worker';

/** Resident pages: header with the three sections, footer with hotlines and the sample-data label, and the offline page's service worker. */
export default async function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-5">
        {children}
      </main>
      <SiteFooter sampleData={await isSampleData()} />
      <RegisterServiceWorker />
    </>
  );
}
