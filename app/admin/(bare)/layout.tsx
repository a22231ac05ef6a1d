import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { admin } from '@/components/admin/strings';

export const metadata: Metadata = { title: { default: admin.title, template: `%s · ${admin.title}` }, robots: { index: false } };

/**
 * Admin pages without the console around them: the phone-width preview frame and the preview
 * copies of the 办事卡 (printed alone). Laid out like a resident page's main column, which is
 * what they show. No session check here: each page checks its own (layouts do not re-run).
 */
export default function BareAdminLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-5">
      {children}
    </main>
  );
}
