'use client';

import { useCallback, useMemo } from 'react';
import { searchJobsAction } from '@/app/(public)/jobs/actions';
import type { CourseOrigins } from '@/db/queries/courses/origins';
import type { JobListItem } from '@/db/queries/jobs/types';
import type { SearchPage } from '@/db/queries/search-page';
import { ViewField } from '@/components/maps/map-results';
import type { TileConfig } from '@/components/maps/tiles';
import { withView } from '@/components/maps/view';
import { KeywordField, LiveForm, SelectFilter, type Go } from '@/components/search/controls';
import { ResultsColumn } from '@/components/search/results-column';
import type { Rendered } from '@/components/search/rendered';
import { useLiveSearch } from '@/components/search/use-live-search';
import { buttonStyles } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { common } from '@/components/ui/strings';
import { OriginSelect } from '@/components/search/origin-select';
import { DistanceSelect, RadioFilter } from './filters';
import { jobText } from './strings';

const PATH = '/jobs';
/** Filters inside the phone's fold. */
const PANEL_KEYS = ['street', 'near', 'dist'];

/**
 * The job finder: a GET form that works without JavaScript, enhanced to update the list in
 * place through the read action while the address bar keeps a shareable URL.
 */
export function JobSearch({ initial, origins, map = null }: { initial: Rendered<SearchPage<JobListItem>>; origins: CourseOrigins; map?: TileConfig | null }) {
  const live = useLiveSearch({ key: 'jobs', path: PATH, initial, fetcher: searchJobsAction });
  const { data: liveData, isFetching, qs, formKey } = live;
  const view = map ? 'map' : 'list';
  const go: Go = useCallback((next, opts) => live.go(withView(next, view), opts), [live.go, view]);
  // Links keep ?view=map: the list's own query is the server's, without it.
  const data = useMemo(() => ({ ...liveData, query: withView(liveData.query, view) }), [liveData, view]);
  // The form shows what the address says; the list shows what the server understood.
  const sp = new URLSearchParams(qs);
  const applied = new URLSearchParams(liveData.query);
  const hasOrigin = applied.has('near') || applied.has('lat');
  const panelCount = PANEL_KEYS.filter((k) => sp.get(k)).length;
  const fair = sp.get('fair');

  return (
    <>
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
        <section aria-labelledby="job-filters-heading" className="mb-5 lg:mb-0">
          <h2 id="job-filters-heading" className="mb-2 text-xl">
            {jobText.filtersHeading}
          </h2>
          <LiveForm key={formKey} path={PATH} go={go} label={jobText.searchLabel} className="space-y-5 rounded-xl border border-line bg-white p-4">
            <ViewField tiles={map} />
            {/* One fair's positions (from its page): kept while the other filters change; its chip removes it. */}
            {fair && <input type="hidden" name="fair" value={fair} />}
            <KeywordField label={jobText.keyword} value={sp.get('q') ?? ''} placeholder={jobText.keywordPlaceholder} hint={jobText.keywordHint} />
            <RadioFilter name="pay" legend={jobText.payLegend} hint={jobText.payHint} anyLabel={jobText.anyPay} options={data.facets.pay ?? []} value={sp.get('pay') ?? ''} />
            <RadioFilter name="date" legend={jobText.dateLegend} anyLabel={jobText.anyDate} options={data.facets.date ?? []} value={sp.get('date') ?? ''} />
            <details
              open={panelCount > 0}
              className="group rounded-lg border-2 border-line lg:border-0 lg:details-content:block lg:details-content:[content-visibility:visible]"
            >
              <summary className="flex min-h-12 cursor-pointer items-center justify-between gap-2 px-3 font-bold supports-[selector(::details-content)]:lg:hidden">
                <span>{jobText.moreFilters}</span>
                <span className="font-normal text-muted">
                  {jobText.chosen(panelCount)}
                  <span aria-hidden="true" className="ml-2 inline-block group-open:rotate-180">
                    ▾
                  </span>
                </span>
              </summary>
              <div className="space-y-5 p-3 lg:p-0">
                <div>
                  <SelectFilter name="street" label={jobText.streetLabel} options={data.facets.street ?? []} value={sp.get('street') ?? ''} anyLabel={jobText.allStreets} />
                  <p className="mt-1 text-base text-muted">{jobText.streetHint}</p>
                </div>
                <OriginSelect origins={origins} value={sp.get('near') ?? ''} words={jobText.originWords} />
                <DistanceSelect options={data.facets.dist ?? []} value={sp.get('dist') ?? ''} hasOrigin={hasOrigin} />
              </div>
            </details>
            <button type="submit" className={`${buttonStyles.primary} w-full`}>
              {common.applyFilters}
            </button>
          </LiveForm>
        </section>

        <ResultsColumn
          headingId="job-results-heading"
          heading={jobText.resultsHeading}
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
