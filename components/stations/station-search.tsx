'use client';

import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { searchStationsAction } from '@/app/(public)/stations/actions';
import {
  KeywordField,
  LiveForm,
  SelectFilter,
  ToggleFilter,
  type Go,
} from '@/components/search/controls';
import { ResultsColumn } from '@/components/search/results-column';
import type { Rendered } from '@/components/search/rendered';
import { useLiveSearch } from '@/components/search/use-live-search';
import { ViewField } from '@/components/maps/map-results';
import type { TileConfig } from '@/components/maps/tiles';
import { withView } from '@/components/maps/view';
import { buttonStyles } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import type { StationSearchResult } from '@/db/queries/stations';
import type { HostType } from '@/db/enums';
import { GroupedSelect } from './grouped-select';
import { LocationField } from './location-field';
import { hostTypeLabel, stationChips, stationNotice, stationStrings as t } from './strings';

const PATH = '/stations';

/** lat and lng only make sense together; removing the location chip drops one, so drop both. */
function withoutOrphanCoordinates(qs: string): string {
  const sp = new URLSearchParams(qs);
  if (sp.has('lat') !== sp.has('lng')) {
    sp.delete('lat');
    sp.delete('lng');
  }
  return sp.toString();
}

function toggleCount(result: Rendered<StationSearchResult>, key: 'open' | 'evening' | 'weekend'): number | undefined {
  return result.facets[key]?.[0]?.count;
}

/**
 * A fold for the less-used filters. Open at first when one of them is on; after that the
 * resident decides (a re-render must not snap it shut when they untick its last filter).
 */
function MoreFilters({ initiallyOpen, children }: { initiallyOpen: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)} className="group rounded-lg border-2 border-line">
      {children}
    </details>
  );
}

/** The station finder: GET form that works without JavaScript, updated in place with it. */
export function StationSearch({ initial, map = null }: { initial: Rendered<StationSearchResult>; map?: TileConfig | null }) {
  const live = useLiveSearch({ key: 'stations', path: PATH, initial, fetcher: searchStationsAction });
  const { data, isFetching, formKey } = live;
  const view = map ? 'map' : 'list';
  const qs = withView(live.qs, view);
  const go: Go = useCallback((next, opts) => live.go(withView(withoutOrphanCoordinates(next), view), opts), [live.go, view]);
  const v = data.values;
  const chips = useMemo(() => stationChips(data.chips), [data.chips]);
  const notice = stationNotice(data.notice);
  // Kept open whenever one of its filters is on, so nothing active is hidden.
  const moreActive = v.street !== null || v.host !== null || v.evening || v.weekend;

  return (
    <div className="grid gap-6 lg:grid-cols-[18rem_1fr] lg:items-start">
      <section aria-labelledby="station-filters-heading" className="rounded-xl border border-line bg-white p-4">
        <h2 id="station-filters-heading" className="mb-1 text-xl">
          {t.filtersHeading}
        </h2>
        {/* On a phone the results sit below a long form: let residents jump straight there. */}
        <a href="#station-results" className="mb-3 inline-flex min-h-11 items-center lg:hidden">
          {t.skipToResults(data.total)}
        </a>
        <LiveForm key={formKey} path={PATH} go={go} label={t.formLabel} className="space-y-5">
          <ViewField tiles={map} />
          <KeywordField label={t.keywordLabel} value={v.q} placeholder={t.keywordPlaceholder} hint={t.keywordHint} />
          <LocationField origins={data.origins} near={v.near} lat={v.lat} lng={v.lng} />
          <SelectFilter
            name="sort"
            label={t.sortLabel}
            value={v.sort === 'default' ? '' : v.sort}
            anyLabel={t.sortDefault}
            options={[{ value: 'opens', label: t.sortOpens }]}
            showCounts={false}
          />
          <GroupedSelect
            id="f-service"
            name="service"
            label={t.service}
            value={v.service === null ? '' : String(v.service)}
            anyLabel={t.serviceAny}
            groups={data.serviceGroups.map((g) => ({ label: g.category, options: g.options.map((o) => ({ value: o.value, label: o.name ?? o.value, count: o.count })) }))}
          />
          <ToggleFilter name="open" label={t.openNow} hint={t.openNowHint(data.clock)} checked={v.open} count={toggleCount(data, 'open')} />
          <MoreFilters initiallyOpen={moreActive}>
            <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between gap-2 px-3 font-bold [&::-webkit-details-marker]:hidden">
              {t.moreFilters}
              <span aria-hidden="true" className="text-xl transition-transform group-open:rotate-180">
                ▾
              </span>
            </summary>
            <div className="space-y-5 border-t border-line p-3">
              <SelectFilter name="street" label={t.street} options={(data.facets.street ?? []).map((o) => ({ value: o.value, label: o.name ?? o.value, count: o.count }))} value={v.street === null ? '' : String(v.street)} />
              <SelectFilter name="host" label={t.host} options={(data.facets.host ?? []).map((o) => ({ value: o.value, label: hostTypeLabel(o.value as HostType), count: o.count }))} value={v.host ?? ''} />
              <fieldset className="space-y-2">
                <legend className="mb-1 font-bold">{t.timeLegend}</legend>
                <ToggleFilter name="evening" label={t.evening} hint={t.eveningHint} checked={v.evening} count={toggleCount(data, 'evening')} />
                <ToggleFilter name="weekend" label={t.weekend} hint={t.weekendHint} checked={v.weekend} count={toggleCount(data, 'weekend')} />
              </fieldset>
            </div>
          </MoreFilters>
          <button type="submit" className={`${buttonStyles.primary} w-full`}>
            {t.apply}
          </button>
        </LiveForm>
      </section>

      <ResultsColumn
        id="station-results"
        headingId="station-results-heading"
        heading={t.resultsHeading}
        chips={chips}
        path={PATH}
        qs={qs}
        go={go}
        busy={isFetching}
        view={data.view}
        engine={live.engine}
      >
        {notice && (
          <Notice tone="warn" live>
            {notice}
          </Notice>
        )}
        {live.isError && <Notice tone="bad" live>{live.limitedMessage ?? t.loadError}</Notice>}
      </ResultsColumn>
    </div>
  );
}
