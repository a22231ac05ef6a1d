/**
 * The shape every resident search returns, from the page's first render and from the live
 * read actions alike. Plain data only (it crosses to the browser). No database access here.
 */
export type FacetOption = { value: string; label: string; count: number };

/** One active filter, shown as a removable chip. `value` is set for repeatable keys. */
export type Chip = { key: string; value?: string; label: string };

export type SearchPage<Item> = {
  items: Item[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  facets: Record<string, FacetOption[]>;
  chips: Chip[];
  /** Set when some URL parameters could not be read and defaults were used. */
  notice: string | null;
  /** The canonical query string for these results (unreadable parts dropped). */
  query: string;
};

/**
 * The deepest page a URL may ask for (fields.page refuses more): results beyond it are reached
 * by narrowing the search, not by paging, so no page link ever leads past it.
 */
export const MAX_PAGE = 500;

/** Clamps a page number into range and returns the slice bounds. */
export function pageWindow(total: number, page: number, pageSize: number) {
  const pageCount = Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / pageSize)));
  const current = Math.min(Math.max(1, page), pageCount);
  return { pageCount, page: current, offset: (current - 1) * pageSize };
}
