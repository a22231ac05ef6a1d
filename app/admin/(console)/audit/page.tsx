import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requirePageActor } from '@/db/auth/guard';
import { can } from '@/db/auth/permissions';
import { isSignInView, parseAuditFilters, queryAudit, type AuditFilters } from '@/db/admin/audit-query';
import { Refused } from '@/components/admin/refused';
import { PageHeader } from '@/components/ui/page-header';
import { Notice } from '@/components/ui/notice';
import { EmptyState } from '@/components/ui/empty-state';
import { AuditEntryCard } from '@/components/admin/audit/audit-entry';
import { AuditFilterForm, AuditTabs } from '@/components/admin/audit/audit-filters';
import { recordHref } from '@/components/admin/audit/hrefs';
import { auditText as t } from '@/components/admin/audit/strings';

export const metadata: Metadata = { title: t.title };

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
  const signIns = isSignInView(filters);
  const filtered = Boolean((filters.entity && !signIns) || filters.action || filters.actor || filters.from || filters.to || filters.entityId);
  // Narrowed to one record: its own history (the 修改记录 link on each record's page lands here).
  const oneRecord = !signIns && filters.entity && filters.entityId ? { entity: filters.entity, id: filters.entityId } : null;
  const entityWord = oneRecord ? (t.entities[oneRecord.entity] ?? oneRecord.entity) : '';
  const title = oneRecord ? (data.subject ? t.historyOf(entityWord, data.subject.name) : t.historyOfId(entityWord, oneRecord.id)) : t.title;
  const back = oneRecord && data.subject ? recordHref(oneRecord.entity, oneRecord.id, data.subject.courseId) : null;

  return (
    <>
      <PageHeader title={title} lead={oneRecord ? t.historyLead : signIns ? t.signInsLead : t.lead}>
        {oneRecord && data.subject?.address && <p className="mt-1">{t.address(data.subject.address)}</p>}
        {back && (
          <p className="mt-1">
            <Link href={back} className="inline-flex min-h-12 items-center">
              {t.backToRecord}
            </Link>
          </p>
        )}
      </PageHeader>
      <AuditTabs signIns={signIns} />
      <AuditFilterForm filters={filters} data={data} signIns={signIns} filtered={filtered} folded={oneRecord !== null} />

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
            <AuditEntryCard key={e.id} entry={e} serviceNames={data.serviceNames} inHistory={oneRecord !== null} />
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
