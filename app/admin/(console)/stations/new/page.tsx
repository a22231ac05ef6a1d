import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requirePageActor } from '@/db/auth/guard';
import { can } from '@/db/auth/permissions';
import { listStreetsForForm } from '@/db/admin/stations';
import { beijingToday } from '@/db/domain/time';
import { Refused } from '@/components/admin/refused';
import { StationDetailsForm } from '@/components/admin/stations/details-form';
import { stationAdmin as t } from '@/components/admin/stations/strings';
import { PageHeader } from '@/components/ui/page-header';
import { createStationAction } from '../actions';

export const metadata: Metadata = { title: t.createTitle };
export const dynamic = 'force-dynamic';

export default async function NewStationPage() {
  const actor = await requirePageActor('/admin/stations/new');
  if (!can(actor, 'create', { kind: 'station', stationId: null })) return <Refused />;
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/stations" className="inline-flex min-h-12 items-center">
          <span aria-hidden="true">←</span> {t.listTitle}
        </Link>
      </p>
      <PageHeader title={t.createTitle} lead={t.createLead} />
      <section className="rounded-xl border border-line bg-white p-4">
        <StationDetailsForm
          initial={{
            id: '',
            version: '',
            name: '',
            hostType: '',
            hostName: '',
            streetId: '',
            address: '',
            lat: '',
            lng: '',
            phone: '',
            hasWindow: true,
            hasSelfService: false,
            hasAiAvatar: false,
            isAccessible: false,
            status: 'operating',
            openingDate: '',
            statusReason: '',
            lastVerifiedOn: beijingToday(),
            directions: '',
          }}
          streets={listStreetsForForm(getDb())}
          published={false}
          action={createStationAction}
        />
      </section>
    </>
  );
}
