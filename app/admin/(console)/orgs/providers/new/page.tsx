import type { Metadata } from 'next';
import Link from 'next/link';
import { can, requirePageActor } from '@/db/auth/guard';
import { Refused } from '@/components/admin/refused';
import { ProviderForm } from '@/components/admin/orgs/provider-form';
import { orgText } from '@/components/admin/orgs/strings';
import { PageHeader } from '@/components/ui/page-header';
import { createProviderAction } from '../../actions';

export const metadata: Metadata = { title: orgText.providerForm.createTitle };
export const dynamic = 'force-dynamic';

export default async function NewProviderPage() {
  const actor = await requirePageActor('/admin/orgs/providers/new');
  if (!can(actor, 'create', { kind: 'provider', providerId: null })) return <Refused />;
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/orgs" className="inline-flex min-h-12 items-center">
          ← {orgText.providerForm.backToList}
        </Link>
      </p>
      <PageHeader title={orgText.providerForm.createTitle} lead={orgText.providerForm.createLead} />
      <ProviderForm mode="create" action={createProviderAction} initial={{ name: '', shortName: '', intro: '', phone: '', address: '' }} />
    </>
  );
}
