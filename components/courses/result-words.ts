/**
 * The course search's codes in words: facet options, chips, widen links and notices. The data
 * layer returns codes (db/search/engine); this is the one place they become Chinese.
 */
import type { Chip as EngineChip, FacetCount, NoticeCode, WidenOption } from '@/db/search/engine/types';
import type { Chip, FacetOption } from '@/db/queries/search-page';
import type { CourseSearchResult } from '@/db/queries/courses';
import { RUN_STATUS_LABELS, START_WINDOW_LABELS, type RunStatus, type StartWindow } from '@/db/domain/course-run';
import { COST_TYPE_LABELS, levelLabel } from '@/db/domain/labels-courses';
import type { CostType } from '@/db/enums';
import { common } from '@/components/ui/strings';
import { coursesText as t } from './strings';

const L = t.labels;

function has<K extends string>(map: Record<K, string>, key: string): key is K {
  return Object.hasOwn(map, key);
}

/** One facet option's words (data-backed options carry their own name). */
function optionLabel(key: string, value: string, name: string | undefined): string {
  if (name !== undefined) return name;
  if (key === 'level') return levelLabel(Number(value));
  if (key === 'cost' && has<CostType>(COST_TYPE_LABELS, value)) return COST_TYPE_LABELS[value];
  if (key === 'dual') return L.dual;
  if (key === 'start' && has<StartWindow>(START_WINDOW_LABELS, value)) return START_WINDOW_LABELS[value];
  if (key === 'status' && has<RunStatus>(RUN_STATUS_LABELS, value)) return RUN_STATUS_LABELS[value];
  if (key === 'when') return t.whenOptions[value] ?? value;
  if (key === 'seats') return t.seatsOnly;
  return value;
}

export function facetWords(facets: Record<string, FacetCount[]>): Record<string, FacetOption[]> {
  const out: Record<string, FacetOption[]> = {};
  for (const [key, options] of Object.entries(facets)) out[key] = options.map((o) => ({ value: o.value, count: o.count, label: optionLabel(key, o.value, o.name) }));
  return out;
}

/** A chip's words, as the active-filter row and the widen links say them. */
export function chipLabel(c: EngineChip, v: CourseSearchResult['values']): string {
  switch (c.key) {
    case 'q':
      return `${L.q}：${c.name ?? v.q}`;
    case 'occupation':
    case 'street':
    case 'group':
      return `${L[c.key]}：${c.name ?? ''}`;
    case 'level':
    case 'cost':
    case 'status':
      return `${L[c.key]}：${optionLabel(c.key, c.value ?? '', undefined)}`;
    case 'when':
      return `${t.whenLabel}：${optionLabel('when', c.value ?? '', undefined)}`;
    case 'dual':
      return L.dual;
    case 'seats':
      return t.seatsOnly;
    case 'start':
      return START_WINDOW_LABELS[v.start];
    case 'near':
      return `${L.from}：${c.name ?? ''}`;
    default:
      return c.name ?? c.key;
  }
}

export function chipWords(chips: EngineChip[], v: CourseSearchResult['values']): Chip[] {
  return chips.map((c) => ({ key: c.key, ...(c.value !== undefined ? { value: c.value } : {}), label: chipLabel(c, v) }));
}

export function widenWords(w: WidenOption, v: CourseSearchResult['values']): string {
  return 'chip' in w ? t.widenDrop(chipLabel(w.chip, v), w.count) : t.widenEnded(w.count);
}

export function noticeWords(code: NoticeCode | null): string | null {
  return code === 'invalid-params' ? common.invalidParams : null;
}
