/**
 * One logged value in words: dates and instants as people write them, coded values by their
 * names, and lists (临时调整, services, target groups …) as what was added and taken away.
 */
import type { AuditEntity } from '@/db/enums';
import { SERVICE_MODE_LABELS } from '@/db/domain/labels-stations';
import { fieldLabel, valueWords } from './field-labels';
import { listDiff } from './list-diff';
import { auditText as t } from './strings';

export type ValueContext = { entity: AuditEntity; field: string; serviceNames: Record<number, string> };

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const beijing = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short', hour12: false });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A 临时调整 in one line: 2026-12-01 至 2026-12-03：闭站（原因：设备检修）. */
function exceptionText(e: Record<string, unknown>): string {
  const start = String(e.startDate ?? '');
  const end = String(e.endDate ?? start);
  const range = end && end !== start ? `${start} 至 ${end}` : start;
  const sessions = Array.isArray(e.sessions) ? e.sessions.filter(isObject).map((s) => `${String(s.opens)}–${String(s.closes)}`) : [];
  const what = e.closed ? t.list.closedDays : t.list.open(sessions.join('，'));
  return `${range}：${what}${e.reason ? `（${t.list.reason(String(e.reason))}）` : ''}`;
}

function itemText(v: unknown, ctx: ValueContext): string {
  if (!isObject(v)) return scalarText(v, ctx);
  if ('startDate' in v && 'closed' in v) return exceptionText(v);
  if (typeof v.serviceId === 'number') {
    const mode = SERVICE_MODE_LABELS[v.mode as keyof typeof SERVICE_MODE_LABELS] ?? String(v.mode ?? '');
    return t.list.serviceMode(ctx.serviceNames[v.serviceId] ?? `#${v.serviceId}`, mode);
  }
  return Object.entries(v)
    .filter(([k]) => !['id', 'runId', 'stationId', 'createdAt', 'updatedAt'].includes(k))
    .map(([k, x]) => `${fieldLabel(ctx.entity, k)}：${scalarText(x, { ...ctx, field: k })}`)
    .join('；');
}

/** A single value (not a list) as text. */
export function scalarText(v: unknown, ctx: ValueContext): string {
  if (v === null || v === undefined || v === '') return t.empty;
  if (v === true) return t.yes;
  if (v === false) return t.no;
  if (typeof v === 'string') {
    if (INSTANT.test(v)) return beijing.format(new Date(v));
    return valueWords(ctx.entity, ctx.field, v) ?? v;
  }
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.length ? v.map((x) => itemText(x, ctx)).join('、') : t.list.none;
  return itemText(v, ctx);
}

/** A list before and after, as what was added and taken away (and changed, for items with an id). */
export function ListChange({ before, after, ctx }: { before: unknown[] | null; after: unknown[] | null; ctx: ValueContext }) {
  const d = listDiff(before, after);
  const rows: { mark: string; text: string }[] = [
    ...d.added.map((x) => ({ mark: t.list.added, text: itemText(x, ctx) })),
    ...d.removed.map((x) => ({ mark: t.list.removed, text: itemText(x, ctx) })),
    ...d.changed.map((c) => ({ mark: t.list.changedItem, text: `${itemText(c.before, ctx)} → ${itemText(c.after, ctx)}` })),
  ];
  if (rows.length === 0) return <span>{t.list.none}</span>;
  return (
    <ul className="grid gap-1">
      {rows.map((r, i) => (
        <li key={i}>
          <span className="font-bold">{r.mark}</span>：{r.text}
        </li>
      ))}
    </ul>
  );
}
