import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { AUDIT_ENTITIES } from '@/db/enums';
import { requirePageActor } from '@/db/auth/guard';
import { can } from '@/db/auth/permissions';
import { parseAuditFilters, queryAudit, type AuditFilters } from '@/db/admin/audit-query';
import { Refused } from '@/components/admin/refused';
import { PageHeader } from '@/components/ui/page-header';
import { Notice } from '@/components/ui/notice';
import { EmptyState } from '@/components/ui/empty-state';
import { Button } from '@/components/ui/button';
import { AuditEntryCard } from '@/components/admin/audit/audit-entry';
import { auditText as t } from '@/components/admin/audit/strings';

export const metadata: Metadata = { title: t.title };

const selectClass = 'block min-h-12 w-full rounded-lg border-2 border-line bg-white px-3 py-2 text-lg';

function pageHref(f: AuditFilters, page: number): string {
  const p = new URLSearchParams();
  if (f.entity) p.set('entity', f.entity);
  if (f.action) p.set('action', f.action);
  if (f.actor) p.set('actor', f.actor);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.entityId) p.set('id', String(f.entityId));
  if (page > 1) p.set('page', String(page));
  const qs = p.toString();
  return `/admin/audit${qs ? `?${qs}` : ''}`;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('/admin/audit');
  if (!can(actor, 'view', { kind: 'audit' })) return <Refused />;
  const { filters, ignored } = parseAuditFilters(await searchParams);
  const data = await queryAudit(getDb(), actor, filters);
  const filtered = Boolean(filters.entity || filters.action || filters.actor || filters.from || filters.to || filters.entityId);

  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <form method="get" action="/admin/audit" className="mb-5 rounded-xl border border-line bg-white p-4" aria-labelledby="audit-filters">
        <h2 id="audit-filters" className="mb-2 text-xl">
          {t.filtersTitle}
        </h2>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <div>
            <label htmlFor="f-entity" className="block font-medium">
              {t.entity}
            </label>
            <select id="f-entity" name="entity" defaultValue={filters.entity ?? ''} className={selectClass}>
              <option value="">{t.any}</option>
              {AUDIT_ENTITIES.map((e) => (
                <option key={e} value={e}>
                  {t.entities[e] ?? e}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-action" className="block font-medium">
              {t.action}
            </label>
            <select id="f-action" name="action" defaultValue={filters.action ?? ''} className={selectClass}>
              <option value="">{t.any}</option>
              {[...new Set([...data.actions, ...(filters.action ? [filters.action] : [])])].map((a) => (
                <option key={a} value={a}>
                  {t.actions[a] ?? a}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-actor" className="block font-medium">
              {t.actor}
            </label>
            <select id="f-actor" name="actor" defaultValue={filters.actor ?? ''} className={selectClass}>
              <option value="">{t.any}</option>
              {[...new Set([...data.actors, ...(filters.actor ? [filters.actor] : [])])].map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-from" className="block font-medium">
              {t.from}
            </label>
            <input id="f-from" name="from" type="date" defaultValue={filters.from ?? ''} className={selectClass} />
          </div>
          <div>
            <label htmlFor="f-to" className="block font-medium">
              {t.to}
            </label>
            <input id="f-to" name="to" type="date" defaultValue={filters.to ?? ''} className={selectClass} />
          </div>
          <div>
            <label htmlFor="f-id" className="block font-medium">
              {t.entityId}
            </label>
            <input
              id="f-id"
              name="id"
              inputMode="numeric"
              defaultValue={filters.entityId ?? ''}
              aria-describedby="f-id-hint"
              className={selectClass}
            />
            <p id="f-id-hint" className="text-base text-muted">
              {t.entityIdHint}
            </p>
          </div>
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-4">
          <Button type="submit">{t.apply}</Button>
          {filtered && (
            <Link href="/admin/audit" className="inline-flex min-h-12 items-center">
              {t.clear}
            </Link>
          )}
        </div>
      </form>

      {ignored.length > 0 && (
        <div className="mb-4">
          <Notice tone="warn">
            {t.ignored}
            {ignored.map((k) => t.ignoredNames[k] ?? k).join('、')}
          </Notice>
        </div>
      )}

      <p className="mb-2 font-medium" role="status">
        {t.total(data.total)}
      </p>
      {data.entries.length === 0 ? (
        <EmptyState title={t.none}>
          <p>{t.noneHelp}</p>
        </EmptyState>
      ) : (
        <ol className="grid gap-3" data-testid="audit-list">
          {data.entries.map((e) => (
            <AuditEntryCard key={e.id} entry={e} />
          ))}
        </ol>
      )}

      {data.pages > 1 && (
        <nav aria-label={t.pageNav} className="mt-5 flex flex-wrap items-center gap-4">
          {data.page > 1 && (
            <Link href={pageHref(filters, data.page - 1)} rel="prev" className="inline-flex min-h-12 items-center">
              {t.prev}
            </Link>
          )}
          <span>{t.pageOf(data.page, data.pages)}</span>
          {data.page < data.pages && (
            <Link href={pageHref(filters, data.page + 1)} rel="next" className="inline-flex min-h-12 items-center">
              {t.next}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
