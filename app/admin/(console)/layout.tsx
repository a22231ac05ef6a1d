import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import { requirePageActor } from '@/db/auth/guard';
import { AdminShell } from '@/components/admin/shell';
import { RecordVersions } from '@/components/admin/record-version';
import { admin } from '@/components/admin/strings';
import { signOutAction } from '../session-actions';

export const metadata: Metadata = { title: { default: admin.title, template: `%s · ${admin.title}` }, robots: { index: false } };

/**
 * The signed-in console. This layout checks the session to draw the menu; every page, action
 * and data function checks again for itself (layouts do not re-run on client navigation).
 */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor((await headers()).get('x-admin-path') ?? undefined);
  return (
    <AdminShell actor={actor} signOut={signOutAction}>
      <RecordVersions>{children}</RecordVersions>
    </AdminShell>
  );
}
