import type { Metadata } from 'next';
import { getDb } from '@/db';
import { requirePageActor } from '@/db/auth/guard';
import { can } from '@/db/auth/permissions';
import { dashboardFor } from '@/db/admin/dashboard';
import { admin } from '@/components/admin/strings';
import { DashboardView } from '@/components/admin/dashboard/dashboard-view';
import { Refused } from '@/components/admin/refused';
import { filterNames, topSearchMisses } from '@/db/queries/search-misses';
import { withFilterWords } from '@/components/admin/search-misses/describe';
import { TopMisses } from '@/components/admin/search-misses/top-misses';

export const metadata: Metadata = { title: admin.nav.dashboard };

export default async function DashboardPage() {
  const actor = await requirePageActor('/admin');
  if (!can(actor, 'view', { kind: 'dashboard' })) return <Refused />;
  const data = await dashboardFor(getDb(), actor);
  const misses = can(actor, 'view', { kind: 'insights' }) ? withFilterWords(await topSearchMisses(), await filterNames()) : null;
  return (
    <>
      <DashboardView data={data} name={actor.displayName} />
      {misses && <div className="mt-5"><TopMisses rows={misses} /></div>}
    </>
  );
}
