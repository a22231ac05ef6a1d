'use client';

import { useCallback, useMemo } from 'react';
import { searchCoursesAction } from '@/app/(public)/courses/actions';
import {
  CheckboxFilter,
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
import { common } from '@/components/ui/strings';
import type { CourseOrigins, CourseSearchResult } from '@/db/queries/courses';
import { OriginSelect } from '@/components/search/origin-select';
import type { FacetOption } from '@/db/queries/search-page';
import { chipWords, facetWords, noticeWords, widenWords } from './result-words';
import { COURSE_SORT_LABELS } from '@/db/domain/labels-courses';
import { coursesText as t } from './strings';

const PATH = '/courses';
/** Filters that live in the collapsible panel (the rest stay in view). */
const PANEL_KEYS = new Set(['near', 'occupation', 'level', 'street', 'cost', 'dual', 'group', 'start', 'status', 'when', 'seats']);

const fieldLabel = 'mb-1 block font-bold';
const control =
  'block min-h-12 w-full rounded-lg border-2 border-muted bg-white px-3 text-lg text-ink focus:border-brand';

/** The course list: a GET form that works without JavaScript, updated in place with it. */
export function CourseSearch({
  initial,
  origins,
  map = null,
}: {
  initial: Rendered<CourseSearchResult>;
  origins: CourseOrigins;
  map?: TileConfig | null;
}) {
  const live = useLiveSearch({
    key: 'courses',
    path: PATH,
    initial,
    fetcher: searchCoursesAction,
  });
  const { data, isFetching, isError, formKey } = live;
  const view = map ? 'map' : 'list';
  const go: Go = useCallback((next, opts) => live.go(withView(next, view), opts), [live.go, view]);
  const query = withView(data.query, view);
  const v = data.values;
  const f = useMemo(() => facetWords(data.facets), [data.facets]);
  const chips = useMemo(() => chipWords(data.chips, data.values), [data.chips, data.values]);
  const notice = noticeWords(data.notice);
  const panelCount = chips.filter((c) => PANEL_KEYS.has(c.key)).length + (v.sort === 'start' ? 0 : 1);
  const anyStart = f.start?.find((o) => o.value === 'any');

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[18rem_1fr]">
      <LiveForm key={formKey} path={PATH} go={go} label={t.formLabel} className="space-y-4 rounded-xl border border-line bg-white p-4">
        <ViewField tiles={map} />
        <KeywordField label={t.keyword} value={v.q} placeholder={t.keywordPlaceholder} hint={t.keywordHint} />
        <details className="group rounded-lg border-2 border-line lg:border-0 lg:details-content:block lg:details-content:[content-visibility:visible]">
          <summary className="flex min-h-12 cursor-pointer items-center justify-between gap-2 px-3 font-bold supports-[selector(::details-content)]:lg:hidden">
            <span>{t.filters}</span>
            <span className="font-normal text-muted">
              {t.filtersChosen(panelCount)}
              <span aria-hidden="true" className="ml-2 inline-block group-open:rotate-180">
                ▾
              </span>
            </span>
          </summary>
          <div className="space-y-5 p-3 lg:p-0">
            <p className="text-base text-muted">{t.facetUnit}</p>
            <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-1">
              <OriginSelect origins={origins} value={data.origin?.value ?? ''} words={t.originWords} />
              <SelectFilter
                name="sort"
                label={t.sortLabel}
                value={v.sort === 'start' ? '' : v.sort}
                anyLabel={COURSE_SORT_LABELS.start}
                options={[
                  { value: 'near', label: COURSE_SORT_LABELS.near },
                  { value: 'new', label: COURSE_SORT_LABELS.new },
                ]}
                showCounts={false}
              />
            </div>
            <SelectFilter
              name="occupation"
              label={t.labels.occupation}
              value={v.occupation === null ? '' : String(v.occupation)}
              anyLabel={t.anyOccupation}
              options={f.occupation ?? []}
            />
            <CheckboxFilter name="level" label={t.labels.level} options={f.level ?? []} values={v.level.map(String)} />
            <SelectFilter
              name="street"
              label={t.labels.street}
              value={v.street === null ? '' : String(v.street)}
              anyLabel={t.anyStreet}
              options={f.street ?? []}
            />
            <CheckboxFilter name="cost" label={t.labels.cost} options={f.cost ?? []} values={v.cost} />
            <ToggleFilter name="dual" label={t.labels.dual} checked={v.dual} count={f.dual?.[0]?.count} hint={t.dualHint} />
            <SelectFilter
              name="group"
              label={t.labels.group}
              value={v.group ?? ''}
              anyLabel={t.anyGroup}
              options={f.group ?? []}
            />
            <SelectFilter
              name="start"
              label={t.labels.start}
              value={v.start === 'any' ? '' : v.start}
              anyLabel={anyStart ? `${anyStart.label}（${anyStart.count}）` : common.any}
              options={(f.start ?? []).filter((o) => o.value !== 'any')}
            />
            <StatusFilter options={f.status ?? []} values={v.status} />
            <div className="space-y-1">
              <CheckboxFilter name="when" label={t.whenLabel} options={f.when ?? []} values={v.when} />
              <p className="text-base text-muted">{t.whenHint}</p>
            </div>
            <ToggleFilter name="seats" label={t.seatsOnly} checked={v.seats} count={f.seats?.[0]?.count} hint={t.seatsHint} />
          </div>
        </details>
        <button type="submit" className={`${buttonStyles.primary} w-full`}>
          {common.applyFilters}
        </button>
      </LiveForm>

      <ResultsColumn headingId="course-results" heading={t.resultsHeading} chips={chips} path={PATH} qs={query} go={go} busy={isFetching} view={data.view} engine={live.engine}>
        {notice && (
          <Notice tone="warn" live>
            {notice}
          </Notice>
        )}
        {data.needsOrigin && <Notice tone="info">{t.needsOrigin}</Notice>}
        {isError && (
          <Notice tone="bad" live>
            {live.limitedMessage ?? t.liveError}
          </Notice>
        )}
      </ResultsColumn>
    </div>
  );
}

/** Run status checkboxes, with the rule for what shows when none is ticked. */
function StatusFilter({ options, values }: { options: FacetOption[]; values: string[] }) {
  return (
    <div className="space-y-1">
      <CheckboxFilter name="status" label={t.labels.status} options={options} values={values} />
      <p className="text-base text-muted">{t.statusHint}</p>
    </div>
  );
}
