import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { can, requirePageActor } from '@/db/auth/guard';
import { PUBLICATION_LABELS } from '@/db/auth/permissions';
import { FAIR_STATUSES, PUBLICATION } from '@/db/enums';
import { ADMIN_FAIR_WHEN, adminFairQuery, listAdminFairs } from '@/db/admin/fairs/list';
import { streetOptions } from '@/db/admin/fairs/options';
import { DATE_WINDOWS } from '@/db/domain/fair-dates';
import { DATE_WINDOW_LABELS, FAIR_STATUS_LABELS, FAIR_TYPE_LABELS, FAIR_TYPE_ORDER } from '@/db/domain/labels-fairs';
import { formatInstant } from '@/db/domain/time';
import { Refused } from '@/components/admin/refused';
import { StatusBadge } from '@/components/admin/status-badge';
import { fairAdmin } from '@/components/admin/fairs/strings';
import { fairWhenText } from '@/components/admin/fairs/when-text';
import { Badge } from '@/components/ui/badge';
import { LinkButton, buttonStyles } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { FilterSelect, filterControlClass, filterLabelClass } from '@/components/admin/filter-select';

export const metadata: Metadata = { title: fairAdmin.listTitle };
export const dynamic = 'force-dynamic';

const f = fairAdmin.filters;
const label = filterLabelClass;
const control = filterControlClass;


type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminFairsPage({ searchParams }: Props) {
  const actor = await requirePageActor('/admin/fairs');
  if (!can(actor, 'view', { kind: 'fair' })) return <Refused />;
  const db = getDb();
  const [list, streets] = await Promise.all([listAdminFairs(db, actor, await searchParams), streetOptions(db)]);
  const v = list.values;
  const any = { value: '', label: f.any };

  return (
    <>
      <PageHeader title={fairAdmin.listTitle} lead={fairAdmin.listLead}>
        {can(actor, 'create', { kind: 'fair' }) && (
          <p className="mt-3">
            <LinkButton href="/admin/fairs/new">+ {fairAdmin.create}</LinkButton>
          </p>
        )}
      </PageHeader>

      <form method="get" action="/admin/fairs" role="search" aria-label={f.legend} className="mb-6 rounded-xl border border-line bg-white p-4">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <div className="sm:col-span-2">
            <label htmlFor="f-q" className={label}>
              {f.q}
            </label>
            <input id="f-q" name="q" type="search" defaultValue={v.q} className={control} aria-describedby="f-q-hint" />
            <p id="f-q-hint" className="text-base text-muted">
              {f.qHint}
            </p>
          </div>
          <FilterSelect name="pub" label={f.pub} value={v.pub ?? ''} options={[any, ...PUBLICATION.map((p) => ({ value: p, label: PUBLICATION_LABELS[p] }))]} />
          <FilterSelect name="status" label={f.status} value={v.status ?? ''} options={[any, ...FAIR_STATUSES.map((s) => ({ value: s, label: FAIR_STATUS_LABELS[s] }))]} />
          <FilterSelect name="type" label={f.type} value={v.type ?? ''} options={[any, ...FAIR_TYPE_ORDER.map((t) => ({ value: t, label: FAIR_TYPE_LABELS[t] }))]} />
          <FilterSelect name="street" label={f.street} value={v.street === null ? '' : String(v.street)} options={[any, ...streets.map((s) => ({ value: String(s.id), label: s.name }))]} />
          <FilterSelect name="date" label={f.date} value={v.date ?? ''} options={[any, ...DATE_WINDOWS.map((d) => ({ value: d, label: DATE_WINDOW_LABELS[d] }))]} />
          <FilterSelect name="when" label={f.when} value={v.when} options={ADMIN_FAIR_WHEN.map((w) => ({ value: w, label: f.whenOptions[w] }))} />
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          <button type="submit" className={buttonStyles.primary}>
            {f.submit}
          </button>
          <Link href="/admin/fairs" className={buttonStyles.quiet}>
            {f.clear}
          </Link>
        </div>
      </form>

      {list.notice !== null && (
        <div className="mb-4">
          <Notice tone="warn" title={f.invalid} />
        </div>
      )}

      <p className="mb-3 text-lg font-bold" data-testid="result-count">
        {fairAdmin.results(list.total)}
      </p>
      {list.items.length === 0 ? (
        <p>{fairAdmin.none}</p>
      ) : (
        <ul className="space-y-3">
          {list.items.map((r) => (
            <li key={r.id} className="rounded-xl border border-line bg-white p-4" data-testid="admin-fair-row">
              <h2 className="text-xl">
                <Link href={`/admin/fairs/${r.id}`}>{r.title}</Link>
              </h2>
              <div className="mt-2 flex flex-wrap gap-2">
                <StatusBadge publication={r.publication} />
                {r.status !== 'scheduled' && <Badge tone={r.status === 'cancelled' ? 'bad' : 'warn'}>{FAIR_STATUS_LABELS[r.status]}</Badge>}
                <Badge tone="info">{FAIR_TYPE_LABELS[r.type]}</Badge>
              </div>
              <dl className="mt-2 grid gap-x-4 gap-y-1 text-base sm:grid-cols-[7rem_1fr]">
                <dt className="text-muted">{fairAdmin.columns.when}</dt>
                <dd>
                  {fairWhenText(r.startsAt, r.endsAt)}
                  {r.recurring && `（${fairAdmin.recurring}）`}
                </dd>
                <dt className="text-muted">{fairAdmin.columns.where}</dt>
                <dd>{[r.venue, r.online ? fairAdmin.online : null].filter(Boolean).join(' + ') || fairAdmin.noVenue}</dd>
                <dt className="text-muted">{fairAdmin.columns.size}</dt>
                <dd>{fairAdmin.size(r.employers, r.positions)}</dd>
                <dt className="text-muted">{fairAdmin.columns.updated}</dt>
                <dd>{formatInstant(r.updatedAt)}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}

      {list.pageCount > 1 && (
        <nav aria-label={fairAdmin.pagination} className="mt-6 flex items-center justify-between gap-2">
          {list.page > 1 ? (
            <Link href={`/admin/fairs?${adminFairQuery(v, list.page - 1)}`} className={`${buttonStyles.secondary} min-w-28`} rel="prev">
              {fairAdmin.prev}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-muted">{fairAdmin.page(list.page, list.pageCount)}</span>
          {list.page < list.pageCount ? (
            <Link href={`/admin/fairs?${adminFairQuery(v, list.page + 1)}`} className={`${buttonStyles.secondary} min-w-28`} rel="next">
              {fairAdmin.next}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </>
  );
}
