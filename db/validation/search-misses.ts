/**
 * The URL parameters of the admin page 无结果搜索 (/admin/search-misses): the period, which
 * list, and the order. Anything unreadable falls back to the default and is reported.
 */
import * as z from 'zod/mini';
import { SEARCH_MISS_KINDS } from '../enums';
import { one, parseParams, type ParsedOf } from './search-params';

export const MISS_PERIODS = [7, 30, 90] as const;
export type MissPeriod = (typeof MISS_PERIODS)[number];
export const MISS_SORTS = ['most', 'newest'] as const;
export type MissSort = (typeof MISS_SORTS)[number];

export const searchMissFiltersShape = {
  days: one(z.pipe(z.enum(['7', '30', '90']), z.transform((s) => Number(s) as MissPeriod)), 30 as MissPeriod),
  kind: one(z.nullable(z.enum(SEARCH_MISS_KINDS)), null),
  sort: one(z.enum(MISS_SORTS), 'most' as MissSort),
};

export type SearchMissFilters = ParsedOf<typeof searchMissFiltersShape>;

export function parseSearchMissFilters(input: Parameters<typeof parseParams>[0]) {
  return parseParams(input, searchMissFiltersShape);
}

/** The page's address for these filters, defaults left out. */
export function searchMissFiltersHref(f: SearchMissFilters): string {
  const sp = new URLSearchParams();
  if (f.days !== 30) sp.set('days', String(f.days));
  if (f.kind) sp.set('kind', f.kind);
  if (f.sort !== 'most') sp.set('sort', f.sort);
  const qs = sp.toString();
  return `/admin/search-misses${qs ? `?${qs}` : ''}`;
}
