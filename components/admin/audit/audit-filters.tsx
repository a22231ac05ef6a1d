import Link from 'next/link';
import { AUDIT_ENTITIES } from '@/db/enums';
import type { AuditFilters, AuditPage } from '@/db/admin/audit-query';
import { Button } from '@/components/ui/button';
import { actionWords } from './action-words';
import { auditText as t } from './strings';

const selectClass = 'block min-h-12 w-full rounded-lg border-2 border-line bg-white px-3 py-2 text-lg';

/** 修改记录 and 登录记录: sign-in events apart from changes, so typed names never read as people. */
export function AuditTabs({ signIns }: { signIns: boolean }) {
  const tab = (href: string, label: string, current: boolean) => (
    <li>
      <Link
        href={href}
        aria-current={current ? 'page' : undefined}
        className={`inline-flex min-h-12 items-center rounded-t-lg px-3 text-base no-underline ${
          current ? 'bg-brand-soft font-bold text-brand-dark underline decoration-4 underline-offset-8' : 'text-ink hover:bg-brand-soft'
        }`}
      >
        {label}
      </Link>
    </li>
  );
  return (
    <nav aria-label={t.tabsLabel} className="mb-4 border-b-2 border-line">
      <ul className="flex flex-wrap gap-1">
        {tab('/admin/audit', t.tabChanges, !signIns)}
        {tab('/admin/audit?entity=session', t.tabSignIns, signIns)}
      </ul>
    </nav>
  );
}

/**
 * The GET filter form (works without scripts): the URL is the state. `folded`: one record's
 * history, where the entries matter more than the filters, so the form starts closed.
 */
export function AuditFilterForm(props: { filters: AuditFilters; data: AuditPage; signIns: boolean; filtered: boolean; folded?: boolean }) {
  if (!props.folded) return <FilterForm {...props} />;
  return (
    <details className="mb-5">
      <summary className="inline-flex min-h-12 cursor-pointer items-center font-medium text-brand">{t.moreFilters}</summary>
      <FilterForm {...props} />
    </details>
  );
}

function FilterForm({ filters, data, signIns, filtered }: { filters: AuditFilters; data: AuditPage; signIns: boolean; filtered: boolean }) {
  const actions = [...new Set([...data.actions, ...(filters.action ? [filters.action] : [])])];
  const accounts = data.accounts;
  const knownActor = !filters.actor || accounts.some((a) => a.username === filters.actor);
  return (
    <form method="get" action="/admin/audit" className="mb-5 rounded-xl border border-line bg-white p-4" aria-labelledby="audit-filters">
      <h2 id="audit-filters" className="mb-2 text-xl">
        {t.filtersTitle}
      </h2>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {signIns ? (
          <input type="hidden" name="entity" value="session" />
        ) : (
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
        )}
        <div>
          <label htmlFor="f-action" className="block font-medium">
            {t.action}
          </label>
          <select id="f-action" name="action" defaultValue={filters.action ?? ''} className={selectClass}>
            <option value="">{t.any}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {actionWords(a)}
              </option>
            ))}
          </select>
        </div>
        {signIns ? (
          <div>
            <label htmlFor="f-actor" className="block font-medium">
              {t.typedName}
            </label>
            <input id="f-actor" name="actor" defaultValue={filters.actor ?? ''} aria-describedby="f-actor-hint" className={selectClass} autoComplete="off" />
            <p id="f-actor-hint" className="text-base text-muted">
              {t.typedNameHint}
            </p>
          </div>
        ) : (
          <div>
            <label htmlFor="f-actor" className="block font-medium">
              {t.actor}
            </label>
            <select id="f-actor" name="actor" defaultValue={filters.actor ?? ''} className={selectClass}>
              <option value="">{t.any}</option>
              {accounts.map((a) => (
                <option key={a.username} value={a.username}>
                  {t.person(a.displayName, a.username)}
                </option>
              ))}
              {!knownActor && filters.actor && <option value={filters.actor}>{`${filters.actor}${t.unknownPerson}`}</option>}
            </select>
          </div>
        )}
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
        {!signIns && (
          <div>
            <label htmlFor="f-id" className="block font-medium">
              {t.entityId}
            </label>
            <input id="f-id" name="id" inputMode="numeric" defaultValue={filters.entityId ?? ''} aria-describedby="f-id-hint" className={selectClass} />
            <p id="f-id-hint" className="text-base text-muted">
              {t.entityIdHint}
            </p>
          </div>
        )}
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-4">
        <Button type="submit">{t.apply}</Button>
        {filtered && (
          <Link href={signIns ? '/admin/audit?entity=session' : '/admin/audit'} className="inline-flex min-h-12 items-center">
            {t.clear}
          </Link>
        )}
      </div>
    </form>
  );
}
