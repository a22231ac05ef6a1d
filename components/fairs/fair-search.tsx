'use client';

import type { FairListItem } from '@/db/queries/fairs/types';
import type { SearchPage } from '@/db/queries/search-page';
import { searchFairsAction } from '@/app/(public)/fairs/actions';
import { useCallback, useMemo } from 'react';
import { useLiveSearch } from '@/components/search/use-live-search';
import { ViewField } from '@/components/maps/map-results';
import type { TileConfig } from '@/components/maps/tiles';
import { withView } from '@/components/maps/view';
import {
  KeywordField,
  LiveForm,
  SelectFilter,
  type Go,
} from '@/components/search/controls';
import { ResultsColumn } from '@/components/search/results-column';
import type { Rendered } from '@/components/search/rendered';
import { buttonStyles } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { common } from '@/components/ui/strings';
import { DateFilter, PastToggle } from './filters';
import { fairText } from './strings';

const PATH = '/fairs';

/**
 * The fair finder: a GET form that works without JavaScript, enhanced to update the list in
 * place through the read action while the address bar keeps a shareable URL.
 */
export function FairSearch({ initial, map = null }: { initial: Rendered<SearchPage<FairListItem>>; map?: TileConfig | null }) {
  const live = useLiveSearch({
    key: 'fairs',
    path: PATH,
    initial,
    fetcher: searchFairsAction,
  });
  const { data: liveData, isFetching, qs, formKey } = live;
  const view = map ? 'map' : 'list';
  const go: Go = useCallback((next, opts) => live.go(withView(next, view), opts), [live.go, view]);
  // Links keep ?view=map: the list's own query is the server's, without it.
  const data = useMemo(() => ({ ...liveData, query: withView(liveData.query, view) }), [liveData, view]);
  // The form shows what the address says; the list shows what the server understood.
  const sp = new URLSearchParams(qs);
  const past = sp.get('when') === 'past';
  const facetCount = (facet: string, value: string) => data.facets[facet]?.find((o) => o.value === value)?.count ?? 0;
  const pastCount = facetCount('when', 'past');
  // Filters inside the phone's fold: open it when one of them is in use, so it is not hidden.
  const panelCount = ['type', 'street'].filter((k) => sp.get(k)).length + (past ? 1 : 0);

  return (
    <>
      {/* Above the form, so on a phone it is seen before the long filter panel. */}
      {data.notice && (
        <div className="mb-4">
          <Notice tone="warn" live>
            {data.notice}
          </Notice>
        </div>
      )}
      {live.limitedMessage && (
        <div className="mb-4">
          <Notice tone="bad" live>
            {live.limitedMessage}
          </Notice>
        </div>
      )}
      <div className="lg:grid lg:grid-cols-[18rem_1fr] lg:items-start lg:gap-6">
        <section aria-labelledby="fair-filters-heading" className="mb-5 lg:mb-0">
          <h2 id="fair-filters-heading" className="mb-2 text-xl">
            {fairText.filtersHeading}
          </h2>
          <LiveForm
            key={formKey}
            path={PATH}
            go={go}
            label={fairText.searchLabel}
            className="space-y-5 rounded-xl border border-line bg-white p-4"
          >
            <ViewField tiles={map} />
            <KeywordField
              label={fairText.keyword}
              value={sp.get('q') ?? ''}
              placeholder={fairText.keywordPlaceholder}
              hint={fairText.keywordHint}
            />
            <DateFilter options={data.facets.date ?? []} value={sp.get('date') ?? ''} />
            <details
              open={panelCount > 0}
              className="group rounded-lg border-2 border-line lg:border-0 lg:details-content:block lg:details-content:[content-visibility:visible]"
            >
              <summary className="flex min-h-12 cursor-pointer items-center justify-between gap-2 px-3 font-bold supports-[selector(::details-content)]:lg:hidden">
                <span>{fairText.moreFilters}</span>
                <span className="font-normal text-muted">
                  {fairText.chosen(panelCount)}
                  <span aria-hidden="true" className="ml-2 inline-block group-open:rotate-180">
                    ▾
                  </span>
                </span>
              </summary>
              <div className="space-y-5 p-3 lg:p-0">
                <SelectFilter
                  name="type"
                  label={fairText.typeLabel}
                  options={data.facets.type ?? []}
                  value={sp.get('type') ?? ''}
                  anyLabel={fairText.allTypes}
                />
                <div>
                  <SelectFilter
                    name="street"
                    label={fairText.streetLabel}
                    options={data.facets.street ?? []}
                    value={sp.get('street') ?? ''}
                    anyLabel={fairText.allStreets}
                  />
                  <p className="mt-1 text-base text-muted">{fairText.streetHint}</p>
                </div>
                <PastToggle checked={past} count={pastCount} />
              </div>
            </details>
            <button type="submit" className={`${buttonStyles.primary} w-full`}>
              {common.applyFilters}
            </button>
          </LiveForm>
        </section>

        <ResultsColumn
          headingId="fair-results-heading"
          heading={fairText.resultsHeading}
          chips={data.chips}
          path={PATH}
          qs={data.query}
          go={go}
          busy={isFetching}
          view={data.view}
          engine={live.engine}
        />
      </div>
    </>
  );
}
