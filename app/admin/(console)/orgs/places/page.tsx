import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { can, requirePageActor } from '@/db/auth/guard';
import { PLACE_KINDS } from '@/db/enums';
import { listPlacesForAdmin, placeListQuery } from '@/db/admin/orgs';
import { Refused } from '@/components/admin/refused';
import { OrgTabs } from '@/components/admin/orgs/tabs';
import { OrgPager } from '@/components/admin/orgs/pager';
import { PLACE_KIND_LABELS, orgText } from '@/components/admin/orgs/strings';
import { Badge } from '@/components/ui/badge';
import { LinkButton, buttonStyles } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { FilterCombobox, FilterSelect, filterControlClass, filterLabelClass } from '@/components/admin/filter-select';
import { pickKeys } from '@/db/domain/pick-options';

export const metadata: Metadata = { title: `${orgText.places.listTitle} · ${orgText.title}` };
export const dynamic = 'force-dynamic';

const t = orgText.places;
const f = t.filters;
const label = filterLabelClass;
const control = filterControlClass;


type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PlacesPage({ searchParams }: Props) {
  const actor = await requirePageActor('/admin/orgs/places');
  if (actor.role === 'provider' && actor.providerId !== null) redirect(`/admin/orgs/providers/${actor.providerId}`);
  if (!can(actor, 'view', { kind: 'place', providerId: null })) return <Refused />;
  const db = getDb();
  const list = await listPlacesForAdmin(db, await searchParams, { kind: 'admin', actor });
  const v = list.values;
  // The filters' choices are the list's facets: every street and provider the index knows.
  const choices = (key: 'street' | 'provider') => (list.facets[key] ?? []).filter((o) => o.value !== 'none').map((o) => ({ value: o.value, label: o.name ?? o.value }));
  const any = { value: '', label: f.any };

  return (
    <>
      <PageHeader title={orgText.title} lead={orgText.lead} />
      <OrgTabs current="places" />

      <form method="get" action="/admin/orgs/places" role="search" aria-label={f.legend} className="mb-6 rounded-xl border border-line bg-white p-4">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <label htmlFor="f-q" className={label}>
              {f.q}
            </label>
            <input id="f-q" name="q" type="search" defaultValue={v.q} className={control} aria-describedby="f-q-hint" />
            <p id="f-q-hint" className="text-base text-muted">
              {f.qHint}
            </p>
          </div>
          <FilterSelect name="kind" label={f.kind} value={v.kind ?? ''} options={[any, ...PLACE_KINDS.map((k) => ({ value: k, label: PLACE_KIND_LABELS[k] }))]} />
          <FilterSelect
            name="street"
            label={f.street}
            value={v.street === null ? '' : String(v.street)}
            options={[any, { value: 'none', label: f.outside }, ...choices('street')]}
          />
          <FilterCombobox
            name="provider"
            label={f.provider}
            value={v.provider === null ? '' : String(v.provider)}
            any={f.any}
            options={[{ value: 'none', label: f.publicOnly }, ...choices('provider').map((c) => ({ ...c, keys: pickKeys([c.label]) }))]}
          />
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          <button type="submit" className={buttonStyles.primary}>
            {f.submit}
          </button>
          <Link href="/admin/orgs/places" className={buttonStyles.quiet}>
            {f.clear}
          </Link>
        </div>
      </form>

      {list.notice === 'invalid-params' && (
        <div className="mb-4">
          <Notice tone="warn" title={f.invalid} />
        </div>
      )}

      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-lg font-bold" data-testid="result-count">
          {t.count(list.total)}
        </p>
        {can(actor, 'create', { kind: 'place', providerId: null }) && (
          <LinkButton href={`/admin/orgs/places/new${typeof v.provider === 'number' ? `?provider=${v.provider}` : ''}`}>+ {t.create}</LinkButton>
        )}
      </div>

      {list.items.length === 0 ? (
        <div className="rounded-xl border border-line bg-white p-4">
          <p className="font-bold">{t.none}</p>
          <p className="text-muted">{t.noneHelp}</p>
        </div>
      ) : (
        <ul className="space-y-3">
          {list.items.map((r) => (
            <li key={r.id} className="rounded-xl border border-line bg-white p-4" data-testid="admin-place-row">
              <h2 className="text-xl">
                <Link href={`/admin/orgs/places/${r.id}`}>{r.name}</Link>
              </h2>
              <div className="mt-2 flex flex-wrap gap-2">
                <Badge tone="info">{PLACE_KIND_LABELS[r.kind]}</Badge>
                <Badge>{r.street ?? t.outside}</Badge>
              </div>
              <dl className="mt-2 grid gap-x-4 gap-y-1 text-base sm:grid-cols-[7rem_1fr]">
                <dt className="text-muted">{orgText.placeForm.providerId}</dt>
                <dd>{r.provider ?? t.public}</dd>
                <dt className="text-muted">{orgText.placeForm.address}</dt>
                <dd>{r.address}</dd>
                <dt className="text-muted">{orgText.providers.usage}</dt>
                <dd>{t.usage(r.runs, r.fairs)}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}

      <OrgPager page={list.page} pageCount={list.pageCount} href={(n) => `/admin/orgs/places?${placeListQuery(v, n)}`} />
    </>
  );
}
