import type { SearchPage } from '@/db/queries/search-page';
import type { Chip as EngineChip, FacetCount, SearchResult } from '@/db/search/engine';
import { common } from '@/components/ui/strings';

/**
 * An engine result in words, for a list whose filters each hold one value (fairs, jobs): facet
 * options and chips get the list's labels, the notice code its sentence, and a chip is removed
 * by its parameter. The page and the read action hand this to the browser.
 */
export function singleValuePage<Item, Values>(
  r: SearchResult<Item, Values>,
  facetLabel: (key: string, o: FacetCount) => string,
  chipLabel: (c: EngineChip) => string,
): SearchPage<Item> {
  const facets: SearchPage<Item>['facets'] = {};
  for (const [key, options] of Object.entries(r.facets)) facets[key] = options.map((o) => ({ value: o.value, label: facetLabel(key, o), count: o.count }));
  return {
    items: r.items,
    total: r.total,
    page: r.page,
    pageCount: r.pageCount,
    pageSize: r.pageSize,
    facets,
    chips: r.chips.map((c) => ({ key: c.key, label: chipLabel(c) })),
    notice: r.notice === null ? null : common.invalidParams,
    query: r.query,
  };
}
