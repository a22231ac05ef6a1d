import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { can, requirePageActor } from '@/db/auth/guard';
import { venueOptions } from '@/db/admin/fairs/options';
import { beijingToday, addDays } from '@/db/domain/time';
import { Refused } from '@/components/admin/refused';
import { FairForm } from '@/components/admin/fairs/fair-form';
import { fairAdmin } from '@/components/admin/fairs/strings';
import { PageHeader } from '@/components/ui/page-header';
import { createFairAction } from '../actions';

export const metadata: Metadata = { title: fairAdmin.createTitle };
export const dynamic = 'force-dynamic';

export default async function NewFairPage() {
  const actor = await requirePageActor('/admin/fairs/new');
  if (!can(actor, 'create', { kind: 'fair' })) return <Refused />;
  const day = addDays(beijingToday(), 14);
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/fairs" className="inline-flex min-h-12 items-center">
          ← {fairAdmin.backToList}
        </Link>
      </p>
      <PageHeader title={fairAdmin.createTitle} lead={fairAdmin.createLead} />
      <FairForm
        mode="create"
        venues={await venueOptions(getDb())}
        action={createFairAction}
        initial={{
          title: '',
          type: 'general',
          organiser: '丰台区人力资源和社会保障局',
          placeId: '',
          onlineUrl: '',
          startsAt: `${day}T09:00`,
          endsAt: `${day}T12:00`,
          weekdays: [],
          opens: '',
          closes: '',
          status: 'scheduled',
          statusNote: '',
          description: '',
          howToAttend: '',
          contactPhone: '',
        }}
      />
    </>
  );
}
