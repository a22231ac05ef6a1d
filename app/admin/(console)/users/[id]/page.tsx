import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requirePageActor } from '@/db/auth/guard';
import { can } from '@/db/auth/permissions';
import { getUser, scopeOptions } from '@/db/admin/users';
import { Refused } from '@/components/admin/refused';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { Badge } from '@/components/ui/badge';
import { Notice } from '@/components/ui/notice';
import { UserEditor } from '@/components/admin/users/user-forms';
import { usersText as t } from '@/components/admin/users/strings';
import { HistoryLink } from '@/components/admin/audit/history-link';

export const metadata: Metadata = { title: t.title };

export default async function UserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const created = (await searchParams).created === '1';
  const actor = await requirePageActor(`/admin/users/${encodeURIComponent(id)}`);
  if (!can(actor, 'view', { kind: 'user' })) return <Refused />;
  const userId = /^[1-9]\d{0,8}$/.test(id) ? Number(id) : null;
  const db = getDb();
  const user = userId ? await getUser(db, actor, userId) : null;
  if (!user) {
    return (
      <>
        <p className="mb-2">
          <Link href="/admin/users">{t.back}</Link>
        </p>
        <EmptyState title={t.notFound} />
      </>
    );
  }
  const options = await scopeOptions(db);
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/users">{t.back}</Link>
      </p>
      <PageHeader title={t.editTitle(user.displayName)} lead={t.meta(user.createdAt, user.updatedAt)}>
        <div className="mt-2 flex flex-wrap gap-2">
          <Badge tone="info">{user.roleLabel}</Badge>
          <Badge tone={user.disabled ? 'bad' : 'ok'}>{user.disabled ? t.disabled : t.active}</Badge>
          <span className="text-base text-muted">
            {t.cols.lastSignIn}：{user.lastSignIn ?? t.never}
          </span>
        </div>
      </PageHeader>
      <HistoryLink actor={actor} entity="user" id={user.id} />
      {created && (
        <div className="mb-4" role="status">
          <Notice>{t.created}</Notice>
        </div>
      )}
      <UserEditor
        user={{
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          providerId: user.providerId,
          stationId: user.stationId,
          disabled: user.disabled,
          version: user.version,
        }}
        self={user.id === actor.id}
        providers={options.providers}
        stations={options.stations}
      />
    </>
  );
}
