'use client';

import type { FairListItem } from '@/db/queries/fairs/types';
import type { SearchPage } from '@/db/queries/search-page';
import { searchFairsAction } from '@/app/(public)/fairs/actions';
import { useCallback, useMemo } from 'react';
import { useLiveSearch } from '@/components/search/use-live-search';
import { MapListItem } from '@/components/maps/map-list-item';
import { MapResults, ViewField } from '@/components/maps/map-results';
import { numberEntries } from '@/components/maps/markers';
import { mapStrings } from '@/components/maps/strings';
import type { TileConfig } from '@/components/maps/tiles';
import { withView } from '@/components/maps/view';
import {
  ActiveFilters,
  KeywordField,
  LiveForm,
  LiveLink,
  Pagination,
  ResultsSummary,
  SelectFilter,
  type Go,
} from '@/components/search/controls';
import { withParam, withoutParam } from '@/components/search/url';
import { buttonStyles } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/notice';
import { common } from '@/components/ui/strings';
import { FairCard } from './fair-card';
import { DateFilter, PastToggle } from './filters';
import { fairText } from './strings';

const PATH = '/fairs';

/**
 * The fair finder: a GET form that works without JavaScript, enhanced to update the list in
 * place through the read action while the address bar keeps a shareable URL.
 */
export function FairSearch({ initial, map = null }: { initial: SearchPage<FairListItem>; map?: TileConfig | null }) {
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
  // An online fair has no venue, so no marker; the list says so.
  const entries = useMemo(
    () =>
      numberEntries(data.items, (f) => ({
        name: f.title,
        line: f.venue ? f.venue.name : '',
        href: `/fairs/${f.id}`,
        at: f.venue?.at ?? null,
      })),
    [data.items],
  );
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

        <section aria-labelledby="fair-results-heading" className="min-w-0 space-y-4">
          <h2 id="fair-results-heading" className="sr-only">
            {fairText.resultsHeading}
          </h2>
          <ActiveFilters chips={data.chips} path={PATH} qs={data.query} go={go} />
          <ResultsSummary total={data.total} busy={isFetching}>
            <WhenSwitch query={data.query} go={go} />
          </ResultsSummary>
          <MapResults path={PATH} qs={data.query} tiles={map} entries={entries} what={fairText.listTitle}>
            {data.items.length > 0 ? (
              <ul className="space-y-3">
                {data.items.map((f, i) => (
                  <MapListItem key={f.id} entry={entries[i]!} noPlace={f.online ? mapStrings.onlineNoMarker : undefined}>
                    <FairCard fair={f} />
                  </MapListItem>
                ))}
              </ul>
            ) : (
              <NoFairs data={data} go={go} pastCount={pastCount} />
            )}
          </MapResults>
          <Pagination page={data.page} pageCount={data.pageCount} path={PATH} qs={data.query} go={go} />
        </section>
      </div>
    </>
  );
}

/** A link between the upcoming and the past list, keeping the other filters. */
function WhenSwitch({ query, go }: { query: string; go: Go }) {
  const past = new URLSearchParams(query).get('when') === 'past';
  return (
    <LiveLink path={PATH} go={go} qs={withParam(query, 'when', past ? null : 'past')} className="inline-flex min-h-12 items-center text-lg">
      {past ? fairText.emptyUpcoming : fairText.emptyPast}
    </LiveLink>
  );
}

/** Zero results: say so, then offer each way to widen the search and the hotline. */
function NoFairs({ data, go, pastCount }: { data: SearchPage<FairListItem>; go: Go; pastCount: number }) {
  const past = new URLSearchParams(data.query).get('when') === 'past';
  const filterChips = data.chips.filter((c) => c.key !== 'when');
  const link = 'inline-flex min-h-12 items-center text-lg';
  return (
    <EmptyState title={fairText.emptyTitle}>
      {(filterChips.length > 0 || !past) && <p>{fairText.emptyIntro}</p>}
      <ul className="space-y-1">
        {filterChips.map((c) => (
          <li key={`${c.key}=${c.value ?? ''}`}>
            <LiveLink path={PATH} go={go} qs={withoutParam(data.query, c.key, c.value)} className={link}>
              {fairText.emptyDrop(c.label)}
            </LiveLink>
          </li>
        ))}
        {filterChips.length > 1 && (
          <li>
            <LiveLink path={PATH} go={go} qs="" className={link}>
              {fairText.emptyClear}
            </LiveLink>
          </li>
        )}
        {past ? (
          <li>
            <LiveLink path={PATH} go={go} qs="" className={link}>
              {fairText.emptyUpcoming}
            </LiveLink>
          </li>
        ) : (
          <li>
            <LiveLink path={PATH} go={go} qs={pastCount > 0 ? withParam(data.query, 'when', 'past') : 'when=past'} className={link}>
              {fairText.emptyPast}
              {pastCount > 0 && `（${pastCount}）`}
            </LiveLink>
          </li>
        )}
      </ul>
      <p>
        {fairText.emptyCall}{' '}
        <a href="tel:12333" className="inline-flex min-h-12 items-center font-bold">
          {fairText.call12333}
        </a>
      </p>
    </EmptyState>
  );
}
