import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { can, requirePageActor } from '@/db/auth/guard';
import { listProvidersForAdmin, providerListQuery } from '@/db/admin/orgs';
import { formatInstant } from '@/db/domain/time';
import { Refused } from '@/components/admin/refused';
import { OrgTabs } from '@/components/admin/orgs/tabs';
import { OrgPager } from '@/components/admin/orgs/pager';
import { orgText } from '@/components/admin/orgs/strings';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: orgText.title };
export const dynamic = 'force-dynamic';

const t = orgText.providers;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrgsPage({ searchParams }: Props) {
  const actor = await requirePageActor('/admin/orgs');
  // A 培训机构 account has one provider: its own page is its 机构与场地.
  if (actor.role === 'provider' && actor.providerId !== null) redirect(`/admin/orgs/providers/${actor.providerId}`);
  if (!can(actor, 'view', { kind: 'provider', providerId: null })) return <Refused />;
  const list = await listProvidersForAdmin(getDb(), await searchParams, { kind: 'admin', actor });
  const rows = list.items;

  return (
    <>
      <PageHeader title={orgText.title} lead={orgText.lead} />
      <OrgTabs current="providers" />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-lg font-bold" data-testid="result-count">
          {t.count(list.total)}
        </p>
        {can(actor, 'create', { kind: 'provider', providerId: null }) && <LinkButton href="/admin/orgs/providers/new">+ {t.create}</LinkButton>}
      </div>
      {rows.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul className="space-y-3">
          {rows.map((r) => (
            <li key={r.id} className="rounded-xl border border-line bg-white p-4" data-testid="admin-provider-row">
              <h2 className="text-xl">
                <Link href={`/admin/orgs/providers/${r.id}`}>{r.name}</Link>
              </h2>
              <dl className="mt-2 grid gap-x-4 gap-y-1 text-base sm:grid-cols-[7rem_1fr]">
                <dt className="text-muted">{orgText.providerForm.shortName}</dt>
                <dd>{r.shortName}</dd>
                <dt className="text-muted">{t.phone}</dt>
                <dd>{r.phone}</dd>
                <dt className="text-muted">{t.usage}</dt>
                <dd>
                  <Link href={`/admin/courses?provider=${r.id}`}>{t.courses(r.courses, r.publishedCourses)}</Link>
                  {'，'}
                  <Link href={`/admin/orgs/places?provider=${r.id}`}>{t.places(r.places)}</Link>
                  {'，'}
                  {t.users(r.users)}
                </dd>
                <dt className="text-muted">{t.updated}</dt>
                <dd>{formatInstant(r.updatedAt)}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <OrgPager page={list.page} pageCount={list.pageCount} href={(n) => `/admin/orgs?${providerListQuery(list.values, n)}`} />
    </>
  );
}
