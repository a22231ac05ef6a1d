import type { Metadata } from 'next';
import { requirePageActor } from '@/db/auth/guard';
import { admin } from '@/components/admin/strings';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: admin.nav.dashboard };

export default async function DashboardPage() {
  const actor = await requirePageActor('/admin');
  return <PageHeader title={admin.nav.dashboard} lead={`您好，${actor.displayName}。`} />;
}
