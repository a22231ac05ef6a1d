import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requirePageActor } from '@/db/auth/guard';
import { can } from '@/db/auth/permissions';
import { listUsers } from '@/db/admin/users';
import { Refused } from '@/components/admin/refused';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { LinkButton } from '@/components/ui/button';
import { usersText as t } from '@/components/admin/users/strings';

export const metadata: Metadata = { title: t.title };

export default async function UsersPage() {
  const actor = await requirePageActor('/admin/users');
  if (!can(actor, 'view', { kind: 'user' })) return <Refused />;
  const users = await listUsers(getDb(), actor);
  const disabled = users.filter((u) => u.disabled).length;
  return (
    <>
      <PageHeader title={t.title} lead={t.lead}>
        <div className="mt-3">
          <LinkButton href="/admin/users/new">{t.create}</LinkButton>
        </div>
      </PageHeader>
      <p className="mb-2 text-base text-muted">{t.count(users.length, disabled)}</p>
      <ul className="divide-y divide-line rounded-xl border border-line bg-white" data-testid="user-list">
        {users.map((u) => (
          <li key={u.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
            <div className="min-w-56 flex-1">
              <Link href={`/admin/users/${u.id}`} className="inline-flex min-h-12 items-center text-lg font-bold">
                {u.displayName}
              </Link>
              <p className="text-base text-muted">
                {t.fields.username}：{u.username}
                {u.id === actor.id ? '（您自己）' : ''}
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone="info">{u.roleLabel}</Badge>
              <span className="text-base">{u.scope ?? t.noScope}</span>
              <Badge tone={u.disabled ? 'bad' : 'ok'}>{u.disabled ? t.disabled : t.active}</Badge>
            </div>
            <p className="w-full text-base text-muted sm:w-auto">
              {t.cols.lastSignIn}：{u.lastSignIn ?? t.never}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
