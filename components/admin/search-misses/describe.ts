/**
 * Stored filters (a canonical query string) in plain Chinese, with the same words the public
 * filter chips use: '工种：电工 · 等级：四级/中级工'. Pure: the names come from the caller.
 */
import type { SearchMissKind } from '@/db/enums';
import type { FilterNames } from '@/db/queries/search-misses';
import { COST_TYPE_LABELS, COURSE_FILTER_LABELS as C, levelLabel } from '@/db/domain/labels-courses';
import { RUN_STATUS_LABELS, START_WINDOW_LABELS, type RunStatus, type StartWindow } from '@/db/domain/course-run';
import { HOST_TYPE_LABELS } from '@/db/domain/labels-stations';
import { DATE_WINDOW_LABELS, FAIR_CHIP_LABELS, FAIR_TYPE_LABELS } from '@/db/domain/labels-fairs';
import { stationSearchLabels as S } from '@/db/domain/labels-stations';
import type { CostType, FairType, HostType } from '@/db/enums';
import { missText as t } from './strings';
import { coursesText } from '@/components/courses/strings';
import { DISTANCE_LABELS, JOB_CHIP_LABELS, PAY_BAND_LABELS } from '@/components/jobs/strings';

function lookup(map: Map<string, string>, id: string): string {
  return map.get(id) ?? t.unknownName(id);
}

/** A 街镇 or landmark chosen as «我在哪里»: 'street-3' / 's3' or 'place-40' / 'p40'. */
function placeName(value: string, names: FilterNames): string {
  const m = /^(street-|s)(\d+)$/.exec(value);
  if (m) return lookup(names.streets, m[2] ?? '');
  const p = /^(place-|p)(\d+)$/.exec(value);
  return p ? lookup(names.landmarks, p[2] ?? '') : value;
}

function pick<K extends string>(labels: Record<K, string>, value: string): string {
  return (labels as Record<string, string>)[value] ?? value;
}

export function describeFilters(kind: SearchMissKind, filters: string, names: FilterNames): string[] {
  const sp = new URLSearchParams(filters);
  const parts: string[] = [];
  const keys = [...new Set(sp.keys())];
  for (const key of keys) {
    const values = sp.getAll(key);
    const first = values[0] ?? '';
    if (kind === 'courses') {
      if (key === 'occupation') parts.push(`${C.occupation}：${lookup(names.occupations, first)}`);
      else if (key === 'level') parts.push(`${C.level}：${values.map((v) => levelLabel(Number(v))).join('、')}`);
      else if (key === 'street') parts.push(`${C.street}：${lookup(names.streets, first)}`);
      else if (key === 'cost') parts.push(`${C.cost}：${values.map((v) => pick(COST_TYPE_LABELS, v as CostType)).join('、')}`);
      else if (key === 'dual') parts.push(C.dual);
      else if (key === 'group') parts.push(`${C.group}：${lookup(names.groups, first)}`);
      else if (key === 'start') parts.push(`${C.start}：${pick(START_WINDOW_LABELS, first as StartWindow)}`);
      else if (key === 'status') parts.push(`${C.status}：${values.map((v) => pick(RUN_STATUS_LABELS, v as RunStatus)).join('、')}`);
      else if (key === 'from' || key === 'near') parts.push(`${C.from}：${placeName(first, names)}`);
      else if (key === 'when') parts.push(`${coursesText.whenLabel}：${values.map((v) => coursesText.whenOptions[v] ?? v).join('、')}`);
      else if (key === 'seats') parts.push(coursesText.seatsOnly);
      else parts.push(`${key}=${values.join(',')}`);
    } else if (kind === 'stations') {
      if (key === 'street') parts.push(t.stationStreet(lookup(names.streets, first)));
      else if (key === 'host') parts.push(t.stationHost(pick(HOST_TYPE_LABELS, first as HostType)));
      else if (key === 'service') parts.push(S.service(lookup(names.services, first)));
      else if (key === 'open') parts.push(S.open);
      else if (key === 'evening') parts.push(S.evening);
      else if (key === 'weekend') parts.push(S.weekend);
      else if (key === 'near') parts.push(S.origin(placeName(first, names)));
      else parts.push(`${key}=${values.join(',')}`);
    } else if (kind === 'fairs') {
      if (key === 'type') parts.push(FAIR_CHIP_LABELS.type(pick(FAIR_TYPE_LABELS, first as FairType)));
      else if (key === 'street') parts.push(FAIR_CHIP_LABELS.street(lookup(names.streets, first)));
      else if (key === 'date') parts.push(FAIR_CHIP_LABELS.date(pick(DATE_WINDOW_LABELS, first)));
      else if (key === 'when' && first === 'past') parts.push(FAIR_CHIP_LABELS.past);
      else parts.push(`${key}=${values.join(',')}`);
    } else if (kind === 'jobs') {
      if (key === 'pay') parts.push(JOB_CHIP_LABELS.pay(pick(PAY_BAND_LABELS, first)));
      else if (key === 'street') parts.push(JOB_CHIP_LABELS.street(lookup(names.streets, first)));
      else if (key === 'date') parts.push(JOB_CHIP_LABELS.date(pick(DATE_WINDOW_LABELS, first)));
      else if (key === 'dist') parts.push(JOB_CHIP_LABELS.dist(pick(DISTANCE_LABELS, first)));
      else if (key === 'fair') parts.push(JOB_CHIP_LABELS.fair(t.recordId(first)));
      else if (key === 'near') parts.push(JOB_CHIP_LABELS.near(placeName(first, names)));
      else parts.push(`${key}=${values.join(',')}`);
    }
  }
  return parts;
}

/** Rows with their filters in words, ready for the table or the dashboard block. */
export function withFilterWords<R extends { kind: SearchMissKind; filters: string }>(rows: R[], names: FilterNames): (R & { filterParts: string[] })[] {
  return rows.map((r) => ({ ...r, filterParts: describeFilters(r.kind, r.filters, names) }));
}
