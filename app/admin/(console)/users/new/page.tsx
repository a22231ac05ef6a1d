import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requirePageActor } from '@/db/auth/guard';
import { can } from '@/db/auth/permissions';
import { scopeOptions } from '@/db/admin/users';
import { Refused } from '@/components/admin/refused';
import { PageHeader } from '@/components/ui/page-header';
import { CreateUserForm } from '@/components/admin/users/user-forms';
import { usersText as t } from '@/components/admin/users/strings';

export const metadata: Metadata = { title: t.createTitle };

export default async function NewUserPage() {
  const actor = await requirePageActor('/admin/users/new');
  if (!can(actor, 'create', { kind: 'user' })) return <Refused />;
  const options = await scopeOptions(getDb());
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/users">{t.back}</Link>
      </p>
      <PageHeader title={t.createTitle} lead={t.createLead} />
      <CreateUserForm providers={options.providers} stations={options.stations} />
    </>
  );
}
