import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requirePageActor } from '@/db/auth/guard';
import { can, PUBLICATION_LABELS } from '@/db/auth/permissions';
import { courseListLookups } from '@/db/admin/courses';
import { listCoursesForAdmin } from '@/db/queries/courses';
import { COST_TYPE_LABELS, LEVELS, levelLabel } from '@/db/domain/labels-courses';
import { COST_TYPES, PUBLICATION } from '@/db/enums';
import { formatInstant, fullDate } from '@/db/domain/time';
import { PageHeader } from '@/components/ui/page-header';
import { LinkButton, buttonStyles } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { EmptyState } from '@/components/ui/empty-state';
import { StatusBadge } from '@/components/admin/status-badge';
import { Refused } from '@/components/admin/refused';
import { common } from '@/components/ui/strings';
import { admin } from '@/components/admin/strings';
import { ct } from '@/components/admin/courses/strings';
import { FilterCombobox, FilterSelect, filterControlClass } from '@/components/admin/filter-select';

export const metadata: Metadata = { title: ct.listTitle };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };


export default async function AdminCoursesPage({ searchParams }: Props) {
  const actor = await requirePageActor('/admin/courses');
  if (!can(actor, 'view', { kind: 'course', providerId: actor.providerId })) return <Refused />;
  const sp = await searchParams;
  const db = getDb();
  const look = courseListLookups(db);
  const result = await listCoursesForAdmin(actor, sp);
  const scoped = actor.role === 'provider';
  const providerName = look.providers.find((p) => p.value === String(actor.providerId))?.label ?? '';
  const v = result.values;

  const pageHref = (page: number) => {
    const q = new URLSearchParams();
    for (const [k, val] of Object.entries(sp)) for (const item of Array.isArray(val) ? val : val ? [val] : []) if (k !== 'page') q.append(k, item);
    if (page > 1) q.set('page', String(page));
    const s = q.toString();
    return `/admin/courses${s ? `?${s}` : ''}`;
  };

  return (
    <div>
      <PageHeader title={ct.listTitle} lead={scoped ? ct.listLeadProvider(providerName) : ct.listLead} />
      {can(actor, 'create', { kind: 'course', providerId: actor.providerId }) && (
        <p className="mb-5">
          <LinkButton href="/admin/courses/new">{ct.newCourse}</LinkButton>
        </p>
      )}
      {result.notice && (
        <div className="mb-4">
          <Notice tone="warn">{common.invalidParams}</Notice>
        </div>
      )}

      <form method="get" action="/admin/courses" role="search" aria-label={ct.filters} className="mb-6 rounded-xl border border-line bg-white p-4">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <div>
            <label htmlFor="f-q" className="mb-1 block font-bold">
              {ct.keyword}
            </label>
            <input id="f-q" type="search" name="q" defaultValue={v.q} placeholder={ct.keywordHint} maxLength={40} className={filterControlClass} />
          </div>
          <FilterSelect any={ct.any}
            name="publication"
            label={ct.publication}
            value={v.publication[0] ?? ''}
            options={PUBLICATION.map((p) => ({ value: p, label: PUBLICATION_LABELS[p] }))}
          />
          {!scoped && (
            <FilterCombobox any={ct.any} name="provider" label={ct.provider} value={v.provider ? String(v.provider) : ''} options={look.providers} />
          )}
          <FilterSelect any={ct.any} name="occupation" label={ct.occupation} value={v.occupation ? String(v.occupation) : ''} options={look.occupations.map((o) => ({ value: String(o.id), label: o.name }))} />
          <FilterSelect any={ct.any} name="level" label={ct.level} value={v.level[0] ? String(v.level[0]) : ''} options={LEVELS.map((l) => ({ value: String(l), label: levelLabel(l) }))} />
          <FilterSelect any={ct.any} name="street" label={ct.street} value={v.street ? String(v.street) : ''} options={look.streets.map((s) => ({ value: String(s.id), label: s.name }))} />
          <FilterSelect any={ct.any} name="cost" label={ct.cost} value={v.cost[0] ?? ''} options={COST_TYPES.map((c) => ({ value: c, label: COST_TYPE_LABELS[c] }))} />
          <FilterSelect any={ct.any} name="group" label={ct.group} value={v.group ?? ''} options={look.groups.map((g) => ({ value: g.code, label: g.name }))} />
          <div className="flex items-end">
            <label className="flex min-h-12 w-full cursor-pointer items-center gap-3 rounded-lg border-2 border-line bg-white px-3 has-[:checked]:border-brand has-[:checked]:bg-brand-soft">
              <input type="checkbox" name="dual" value="1" defaultChecked={v.dual} className="size-5 accent-brand" />
              {ct.dual}
            </label>
          </div>
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <button type="submit" className={buttonStyles.primary}>
            {ct.apply}
          </button>
          <Link href="/admin/courses" className="inline-flex min-h-12 items-center px-2">
            {ct.clear}
          </Link>
        </div>
      </form>

      <p className="mb-3 text-lg font-bold" data-testid="result-count">
        {ct.total(result.total)}
      </p>
      {result.items.length === 0 ? (
        <EmptyState title={admin.common.noResults}>
          <p>{ct.none}</p>
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {result.items.map((c) => (
            <li key={c.id} className="rounded-xl border border-line bg-white p-4" data-testid="admin-course">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h2 className="text-xl">
                  <Link href={`/admin/courses/${c.id}`} className="inline-flex min-h-12 items-center">
                    {c.title}
                  </Link>
                </h2>
                <StatusBadge publication={c.publication} />
              </div>
              <dl className="mt-1 grid gap-x-4 gap-y-1 text-base sm:grid-cols-[7rem_1fr]">
                <dt className="font-bold text-muted">{ct.colProvider}</dt>
                <dd>
                  {c.provider} · {c.occupation} · {levelLabel(c.level)}
                </dd>
                <dt className="font-bold text-muted">{ct.colNextRun}</dt>
                <dd>
                  {c.nextRun ? (
                    <>
                      <Link href={`/admin/courses/${c.id}#run-${c.nextRun.id}`}>
                        {c.nextRun.label}，{fullDate(c.nextRun.startDate)} 开课
                      </Link>{' '}
                      （{PUBLICATION_LABELS[c.nextRun.publication]}）
                    </>
                  ) : (
                    ct.noNextRun
                  )}
                  <span className="text-muted"> · {ct.runs(c.runCount)}</span>
                </dd>
                <dt className="font-bold text-muted">{ct.colUpdated}</dt>
                <dd>{formatInstant(c.updatedAt)}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}

      {result.pageCount > 1 && (
        <nav aria-label={common.pagination} className="mt-6 flex items-center justify-between gap-2">
          {result.page > 1 ? (
            <Link href={pageHref(result.page - 1)} className={`${buttonStyles.secondary} min-w-28`} rel="prev">
              {ct.prev}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-muted">{ct.page(result.page, result.pageCount)}</span>
          {result.page < result.pageCount ? (
            <Link href={pageHref(result.page + 1)} className={`${buttonStyles.secondary} min-w-28`} rel="next">
              {ct.next}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  );
}
