import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { can, requirePageActor } from '@/db/auth/guard';
import { Refused } from '@/components/admin/refused';
import { CloneForm } from '@/components/admin/fairs/clone-form';
import { fairAdmin } from '@/components/admin/fairs/strings';
import { shiftLocal } from '@/components/admin/fairs/when-text';
import { PageHeader } from '@/components/ui/page-header';
import { cloneFairAction } from '../../actions';
import { loadFairPage } from '../load';

export const metadata: Metadata = { title: fairAdmin.cloneForm.title };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export default async function CloneFairPage({ params }: Props) {
  const { id: raw } = await params;
  const actor = await requirePageActor(`/admin/fairs/${encodeURIComponent(raw)}/clone`);
  if (!can(actor, 'create', { kind: 'fair' })) return <Refused />;
  const fair = await loadFairPage(actor, raw);
  if (!fair) notFound();
  return (
    <>
      <p className="mb-2">
        <Link href={`/admin/fairs/${fair.id}`} className="inline-flex min-h-12 items-center">
          ← {fairAdmin.editTitle(fair.title)}
        </Link>
      </p>
      <PageHeader title={fairAdmin.cloneForm.title} lead={fairAdmin.cloneForm.lead(fair.title)} />
      <div className="rounded-xl border border-line bg-white p-4 sm:p-5">
        <CloneForm
          action={cloneFairAction}
          initial={{ id: String(fair.id), title: fair.title, startsAt: shiftLocal(fair.startsAt, 7), endsAt: shiftLocal(fair.endsAt, 7) }}
        />
      </div>
    </>
  );
}
