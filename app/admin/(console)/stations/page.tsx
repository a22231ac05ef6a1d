import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { requirePageActor } from '@/db/auth/guard';
import { can, PUBLICATION_LABELS } from '@/db/auth/permissions';
import { HOST_TYPES, PUBLICATION, STATION_STATUSES } from '@/db/enums';
import { HOST_TYPE_LABELS, STATION_STATUS_LABELS } from '@/db/domain/labels-stations';
import { fullDate } from '@/db/domain/time';
import { listStationsForAdmin } from '@/db/queries/stations';
import { adminStationListQuery, parseAdminStationList } from '@/db/validation/admin/station-list';
import { Refused } from '@/components/admin/refused';
import { StatusBadge } from '@/components/admin/status-badge';
import { admin as common } from '@/components/admin/strings';
import { stationAdmin as t } from '@/components/admin/stations/strings';
import { Badge } from '@/components/ui/badge';
import { Button, LinkButton } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { common as ui } from '@/components/ui/strings';
import { FilterSelect, filterControlClass } from '@/components/admin/filter-select';

export const metadata: Metadata = { title: t.listTitle };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };


function Check({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <label className="flex min-h-12 items-center gap-3 font-bold">
      <input type="checkbox" name={name} value="1" defaultChecked={checked} className="h-6 w-6" />
      {label}
    </label>
  );
}

export default async function StationListPage({ searchParams }: Props) {
  const actor = await requirePageActor('/admin/stations');
  // A 驿站 account has one station: straight to it.
  if (actor.role === 'station' && actor.stationId !== null) redirect(`/admin/stations/${actor.stationId}`);
  if (!can(actor, 'view', { kind: 'station', stationId: null })) return <Refused />;

  const params = await searchParams;
  const { values, invalid } = parseAdminStationList(params);
  const r = await listStationsForAdmin(actor, params);
  const admin = { publication: values.pub, status: values.status, stale: values.stale };
  const qs = adminStationListQuery(values);
  const pageHref = (p: number) => `/admin/stations?${qs}${qs ? '&' : ''}page=${p}`;
  const filtered = qs !== '';

  return (
    <>
      <PageHeader title={t.listTitle} lead={t.listLead}>
        {can(actor, 'create', { kind: 'station', stationId: null }) && (
          <p className="mt-3">
            <LinkButton href="/admin/stations/new">{t.create}</LinkButton>
          </p>
        )}
      </PageHeader>

      {(invalid.length > 0 || r.notice) && (
        <div className="mb-4">
          <Notice tone="warn" title={ui.invalidParams} />
        </div>
      )}

      <form method="get" action="/admin/stations" className="mb-6 rounded-xl border border-line bg-white p-4" role="search" aria-label={t.filters.legend}>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <div className="sm:col-span-2 lg:col-span-3">
            <label htmlFor="f-q" className="mb-1 block font-bold">
              {t.filters.keyword}
            </label>
            <p id="f-q-hint" className="text-base text-muted">
              {t.filters.keywordHint}
            </p>
            <input id="f-q" name="q" type="search" defaultValue={values.q} aria-describedby="f-q-hint" className={filterControlClass} />
          </div>
          <FilterSelect any={t.filters.any} name="pub" label={t.filters.publication} value={admin.publication ?? ''} options={PUBLICATION.map((p) => ({ value: p, label: `${PUBLICATION_LABELS[p]}（${r.publicationCounts[p] ?? 0}）` }))} />
          <FilterSelect any={t.filters.any} name="status" label={t.filters.status} value={admin.status ?? ''} options={STATION_STATUSES.map((s) => ({ value: s, label: STATION_STATUS_LABELS[s] }))} />
          <FilterSelect any={t.filters.any} name="street" label={t.filters.street} value={values.street === null ? '' : String(values.street)} options={r.streets} />
          <FilterSelect any={t.filters.any} name="host" label={t.filters.host} value={values.host ?? ''} options={HOST_TYPES.map((h) => ({ value: h, label: HOST_TYPE_LABELS[h] }))} />
          <div>
            <label htmlFor="f-service" className="mb-1 block font-bold">
              {t.filters.service}
            </label>
            <select id="f-service" name="service" defaultValue={values.service === null ? '' : String(values.service)} className={filterControlClass}>
              <option value="">{t.filters.any}</option>
              {r.serviceGroups.map((g) => (
                <optgroup key={g.category} label={g.category}>
                  {g.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="flex flex-col justify-end">
            <Check name="open" label={t.filters.open} checked={values.open} />
            <Check name="stale" label={t.filters.stale} checked={admin.stale} />
          </div>
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          <Button type="submit">{t.filters.apply}</Button>
          {filtered && (
            <LinkButton href="/admin/stations" variant="secondary">
              {t.filters.clear}
            </LinkButton>
          )}
        </div>
      </form>

      <p className="mb-3 font-bold" role="status">
        {t.list.count(r.total)}
        {r.staleCount > 0 && !admin.stale && <span className="font-normal text-muted">，{t.list.staleSummary(r.staleCount)}</span>}
      </p>

      {r.items.length === 0 ? (
        <EmptyState title={common.common.noResults} />
      ) : (
        <ul className="grid gap-3 lg:grid-cols-2" aria-label={t.list.caption}>
          {r.items.map((s) => (
            <li key={s.id} className="rounded-xl border border-line bg-white p-4" data-testid="admin-station-row">
              <h2 className="text-xl">
                <Link href={`/admin/stations/${s.id}`}>{s.name}</Link>
              </h2>
              <p className="mt-1 text-base text-muted">
                {s.streetName} · {HOST_TYPE_LABELS[s.hostType]}
              </p>
              <p className="mt-2 flex flex-wrap items-center gap-2">
                <StatusBadge publication={s.publication} />
                {s.stationStatus !== 'operating' && STATION_STATUS_LABELS[s.stationStatus] !== s.status.label && <Badge tone="warn">{STATION_STATUS_LABELS[s.stationStatus]}</Badge>}
                <Badge tone={s.status.open ? 'ok' : 'neutral'}>{s.status.label}</Badge>
                {s.stale && <Badge tone="bad">{t.list.staleBadge}</Badge>}
              </p>
              <p className="mt-2 text-base">
                {t.list.today}：{s.status.text}
              </p>
              <p className="text-base text-muted">
                {t.list.verified}：{fullDate(s.lastVerifiedOn)}
              </p>
            </li>
          ))}
        </ul>
      )}

      {r.pageCount > 1 && (
        <nav aria-label={t.list.page(r.page, r.pageCount)} className="mt-5 flex flex-wrap items-center gap-3">
          {r.page > 1 && (
            <LinkButton variant="secondary" href={pageHref(r.page - 1)}>
              {t.list.prev}
            </LinkButton>
          )}
          <span>{t.list.page(r.page, r.pageCount)}</span>
          {r.page < r.pageCount && (
            <LinkButton variant="secondary" href={pageHref(r.page + 1)}>
              {t.list.next}
            </LinkButton>
          )}
        </nav>
      )}
    </>
  );
}
