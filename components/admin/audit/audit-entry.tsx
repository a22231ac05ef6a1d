import Link from 'next/link';
import type { AuditChange, AuditEntry } from '@/db/admin/audit-query';
import { Badge, type Tone } from '@/components/ui/badge';
import { actionWords } from './action-words';
import { fieldLabel } from './field-labels';
import { historyHref, recordHref } from './hrefs';
import { auditText as t } from './strings';
import { ListChange, scalarText, type ValueContext } from './values';
import { changedWeekdays, isWeekChange, isWeekList, weekDiff } from './week-diff';
import { WeekTable } from './week-table';

function toneOf(action: string): Tone {
  if (action === 'signin.failed' || action === 'signin.throttled' || action === 'delete' || action === 'disable' || action === 'closeToday') return 'bad';
  if (action === 'publish' || action === 'signin' || action === 'create' || action === 'enable' || action === 'reopenToday') return 'ok';
  if (action === 'withdraw' || action === 'archive' || action.startsWith('password')) return 'warn';
  return 'neutral';
}

/** Who: the person by display name; for a sign-in attempt, the name that was typed. */
function personOf(e: AuditEntry): string {
  if (e.actorName) return t.person(e.actorName, e.actor);
  if (e.entity === 'session') return t.typed(e.actor);
  return e.actor;
}

const weekChange = (c: AuditChange) => isWeekChange(c.before, c.after);
const asWeek = (v: unknown) => (isWeekList(v) ? v : null);
const asList = (v: unknown) => (Array.isArray(v) ? (v as unknown[]) : null);

function ChangesTable({ e, changes, serviceNames }: { e: AuditEntry; changes: AuditChange[]; serviceNames: Record<number, string> }) {
  const ctx = (field: string): ValueContext => ({ entity: e.entity, field, serviceNames });
  return (
    <div className="overflow-x-auto">
      <table className="mt-1 w-full border-collapse text-base">
        <thead>
          <tr className="border-b-2 border-line text-left">
            <th scope="col" className="py-1 pr-3">
              {t.colField}
            </th>
            {e.kind === 'change' ? (
              <>
                <th scope="col" className="py-1 pr-3">
                  {t.colBefore}
                </th>
                <th scope="col" className="py-1">
                  {t.colAfter}
                </th>
              </>
            ) : (
              <th scope="col" className="py-1">
                {t.colValue}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.field} className="border-b border-line align-top">
              <th scope="row" className="py-1 pr-3 text-left font-medium">
                {fieldLabel(e.entity, c.field)}
              </th>
              {e.kind !== 'change' ? (
                <td className="py-1 break-all">{scalarText(e.kind === 'created' ? c.after : c.before, ctx(c.field))}</td>
              ) : Array.isArray(c.before) || Array.isArray(c.after) ? (
                <td className="py-1" colSpan={2}>
                  <ListChange before={asList(c.before)} after={asList(c.after)} ctx={ctx(c.field)} />
                </td>
              ) : (
                <>
                  <td className="py-1 pr-3 break-all">
                    <del className="decoration-bad">{scalarText(c.before, ctx(c.field))}</del>
                  </td>
                  <td className="py-1 break-all">
                    <ins className="no-underline font-medium">{scalarText(c.after, ctx(c.field))}</ins>
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One audit entry in words. `inHistory`: the page already shows this record's history, so the
 * entry does not link to it again.
 */
export function AuditEntryCard({ entry: e, serviceNames, inHistory = false }: { entry: AuditEntry; serviceNames: Record<number, string>; inHistory?: boolean }) {
  const href = e.record?.gone ? null : recordHref(e.entity, e.entityId, e.record?.courseId);
  const history = !inHistory && e.entity !== 'session' ? historyHref(e.entity, e.entityId) : null;
  const week = e.kind === 'change' ? e.changes.find(weekChange) : undefined;
  const others = e.changes.filter((c) => c !== week);
  const days = week ? changedWeekdays(weekDiff(asWeek(week.before), asWeek(week.after))) : [];
  return (
    <li className="rounded-xl border border-line bg-white p-4" data-testid="audit-entry">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <time className="font-bold">{e.at}</time>
        <Badge tone={toneOf(e.action)}>{actionWords(e.action)}</Badge>
        <span>
          {t.entities[e.entity] ?? e.entity}
          {e.record ? (
            <>
              {' '}
              {href ? <Link href={href}>{e.record.name}</Link> : <span className="font-medium">{e.record.name}</span>}
              {e.record.gone ? t.gone : ''}
            </>
          ) : e.entityId && e.entity !== 'session' ? (
            ` #${e.entityId}`
          ) : (
            ''
          )}
          {e.entityVersion ? `（${t.version(e.entityVersion)}）` : ''}
        </span>
      </div>
      {/* On the record's own history page its address heads the page; each entry need not repeat it. */}
      {inHistory ? null : e.record?.address ? (
        <p className="text-base text-muted">{t.address(e.record.address)}</p>
      ) : e.record?.online ? (
        <p className="text-base text-muted">{t.online}</p>
      ) : null}
      <p className="mt-1">{e.summary}</p>
      {/* The date in words, unless the summary written at the time already gives it. */}
      {e.effectiveFrom && !e.summary.includes(e.effectiveFrom) && <p className="font-bold">{t.effectiveFrom(e.effectiveFrom)}</p>}
      {week && <p className="font-medium">{days.length ? t.week.changedDays(days.map((d) => t.week.weekdays[d - 1]!)) : t.week.noDayChanged}</p>}
      <p className="text-base text-muted">
        {t.actor}：<span className="text-ink">{personOf(e)}</span>
        {e.ip ? `，${t.ip(e.ip)}` : ''}
        {href && !e.record && (
          <>
            {' · '}
            <Link href={href}>{t.open}</Link>
          </>
        )}
        {history && (
          <>
            {' · '}
            <Link href={history}>{t.history}</Link>
          </>
        )}
      </p>
      {week && (
        <details className="mt-2">
          <summary className="inline-flex min-h-12 cursor-pointer items-center font-medium text-brand">{t.showWeek}</summary>
          <WeekTable before={asWeek(week.before)} after={asWeek(week.after)} />
        </details>
      )}
      {others.length > 0 && (
        <details className="mt-2">
          <summary className="inline-flex min-h-12 cursor-pointer items-center font-medium text-brand">
            {e.kind === 'change' ? t.showChanges(others.length) : t.showCreated(others.length)}
          </summary>
          <ChangesTable e={e} changes={others} serviceNames={serviceNames} />
        </details>
      )}
    </li>
  );
}
