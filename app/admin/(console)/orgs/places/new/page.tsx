import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { can, requirePageActor } from '@/db/auth/guard';
import { providerOptions, streetChoices } from '@/db/admin/orgs';
import { parseRouteId } from '@/db/validation/search-params';
import { Refused } from '@/components/admin/refused';
import { PlaceForm } from '@/components/admin/orgs/place-form';
import { orgText } from '@/components/admin/orgs/strings';
import { PageHeader } from '@/components/ui/page-header';
import { createPlaceAction } from '../../actions';

export const metadata: Metadata = { title: orgText.placeForm.createTitle };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewPlacePage({ searchParams }: Props) {
  const actor = await requirePageActor('/admin/orgs/places/new');
  const asked = (await searchParams).provider;
  // A 培训机构 account adds places of its own only; others may start from a provider's page.
  const fixed = actor.role === 'provider';
  const preset = fixed ? actor.providerId : parseRouteId(Array.isArray(asked) ? asked[0] : asked);
  if (!can(actor, 'create', { kind: 'place', providerId: fixed ? preset : null })) return <Refused />;
  const db = getDb();
  const providers = (await providerOptions(db)).filter((p) => !fixed || p.id === preset);
  const start = preset !== null && providers.some((p) => p.id === preset) ? String(preset) : '';
  const back = fixed || start ? { href: `/admin/orgs/providers/${start}`, text: orgText.placeForm.backToProvider } : { href: '/admin/orgs/places', text: orgText.placeForm.backToList };

  return (
    <>
      <p className="mb-2">
        <Link href={back.href} className="inline-flex min-h-12 items-center">
          ← {back.text}
        </Link>
      </p>
      <PageHeader title={orgText.placeForm.createTitle} lead={orgText.placeForm.createLead} />
      <PlaceForm
        mode="create"
        providerFixed={fixed}
        providers={providers}
        streets={await streetChoices(db)}
        action={createPlaceAction}
        initial={{ name: '', kind: start ? 'classroom' : 'venue', providerId: start, streetId: '', address: '', lat: '', lng: '', note: '' }}
      />
    </>
  );
}
