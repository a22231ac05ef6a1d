import Link from 'next/link';
import type { AuditEntry } from '@/db/admin/audit-query';
import { Badge, type Tone } from '@/components/ui/badge';
import { auditText as t } from './strings';

/** A value from a snapshot, as people read it. */
function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return t.empty;
  if (v === true) return t.yes;
  if (v === false) return t.no;
  if (typeof v === 'string') {
    // ISO instants from snapshot(): Beijing wall time.
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v)) {
      const d = new Date(v);
      return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short', hour12: false }).format(d);
    }
    return v;
  }
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

function toneOf(action: string): Tone {
  if (action === 'signin.failed' || action === 'signin.throttled' || action === 'delete' || action === 'disable') return 'bad';
  if (action === 'publish' || action === 'signin' || action === 'create' || action === 'enable') return 'ok';
  if (action === 'withdraw' || action === 'archive' || action.startsWith('password')) return 'warn';
  return 'neutral';
}

/** Where the record lives in the console, when it has a page. */
function recordHref(e: AuditEntry): string | null {
  if (!e.entityId) return null;
  switch (e.entity) {
    case 'course':
      return `/admin/courses/${e.entityId}`;
    case 'station':
      return `/admin/stations/${e.entityId}`;
    case 'fair':
      return `/admin/fairs/${e.entityId}`;
    case 'user':
      return `/admin/users/${e.entityId}`;
    case 'calendar':
      return `/admin/calendar?year=${String(e.entityId).slice(0, 4)}`;
    case 'provider':
      return `/admin/orgs/providers/${e.entityId}`;
    case 'place':
      return `/admin/orgs/places/${e.entityId}`;
    case 'subsidy_rule':
      return `/admin/subsidy-rules/${e.entityId}`;
    case 'service':
      return `/admin/services/${e.entityId}`;
    default:
      return null;
  }
}

export function AuditEntryCard({ entry: e }: { entry: AuditEntry }) {
  const href = recordHref(e);
  const label = (f: string) => t.fields[f] ?? f;
  return (
    <li className="rounded-xl border border-line bg-white p-4" data-testid="audit-entry">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <time className="font-bold">{e.at}</time>
        <Badge tone={toneOf(e.action)}>{t.actions[e.action] ?? e.action}</Badge>
        <span>
          {t.entities[e.entity] ?? e.entity}
          {e.entityId ? ` #${e.entityId}` : ''}
          {e.entityVersion ? `（${t.version(e.entityVersion)}）` : ''}
        </span>
      </div>
      <p className="mt-1">{e.summary}</p>
      <p className="text-base text-muted">
        {t.actor}：{e.actor}
        {e.ip ? `，${t.ip(e.ip)}` : ''}
        {href && (
          <>
            {' · '}
            <Link href={href}>{t.open}</Link>
          </>
        )}
      </p>
      {e.changes.length > 0 && (
        <details className="mt-2">
          <summary className="inline-flex min-h-12 cursor-pointer items-center font-medium text-brand">
            {e.kind === 'change' ? t.showChanges(e.changes.length) : t.showCreated(e.changes.length)}
          </summary>
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
                {e.changes.map((c) => (
                  <tr key={c.field} className="border-b border-line align-top">
                    <th scope="row" className="py-1 pr-3 text-left font-medium">
                      {label(c.field)}
                    </th>
                    {e.kind === 'change' ? (
                      <>
                        <td className="py-1 pr-3 break-all">
                          <del className="decoration-bad">{show(c.before)}</del>
                        </td>
                        <td className="py-1 break-all">
                          <ins className="no-underline font-medium">{show(c.after)}</ins>
                        </td>
                      </>
                    ) : (
                      <td className="py-1 break-all">{show(e.kind === 'created' ? c.after : c.before)}</td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </li>
  );
}
