import { LiveLink, Pagination, ResultsSummary } from '@/components/search/controls';
import { rendered, type Rendered } from '@/components/search/rendered';
import { withParam, withoutParam } from '@/components/search/url';
import { MapListItem } from '@/components/maps/map-list-item';
import { MapResults } from '@/components/maps/map-results';
import { numberEntries } from '@/components/maps/markers';
import type { TileConfig } from '@/components/maps/tiles';
import { withView } from '@/components/maps/view';
import { EmptyState } from '@/components/ui/empty-state';
import type { StationSearchResult } from '@/db/queries/stations';
import { StationCard } from './station-card';
import { stationHref } from './searched-service';
import { originLabel, stationChipLabel, stationStrings as t } from './strings';

const PATH = '/stations';

/**
 * The station finder's results with `view`, their server-rendered part (see
 * components/search/rendered.ts). `qs` is the query the search was asked (its links keep it as
 * asked, as the form's do).
 */
export function renderStationResults(data: StationSearchResult, tiles: TileConfig | null, qs: string): Rendered<StationSearchResult> {
  return rendered(data, <StationResults data={data} tiles={tiles} qs={withView(qs, tiles ? 'map' : 'list')} />);
}

/**
 * Nothing matched is open now (at night, on a holiday) and the list is not already in «最早开门»
 * order: offer it. Read from the "open now" count of the same matches (absent without facets).
 */
function noneOpen(data: StationSearchResult): boolean {
  if (data.values.sort === 'opens' || data.values.open || data.total === 0) return false;
  return data.facets.open?.[0]?.count === 0;
}

/** The count and order, the cards (with the map in the map view), what to do when nothing matched, the page links. */
function StationResults({ data, tiles, qs }: { data: StationSearchResult; tiles: TileConfig | null; qs: string }) {
  const entries = numberEntries(data.items, (s) => ({ name: s.name, line: `${s.status.label} · ${s.address}`, href: stationHref(s.id, s.service?.id ?? null), at: s.at }));
  return (
    <>
      <ResultsSummary total={data.total}>
        <p className="w-full text-base text-muted">
          {data.values.sort === 'opens' ? t.sortedByOpens : data.origin ? t.sortedBy(originLabel(data.origin)) : t.sortedByStreet}
          {data.within15 !== null && <span className="block font-medium text-ink">{t.within15(data.within15)}</span>}
        </p>
      </ResultsSummary>
      {noneOpen(data) && (
        <p className="rounded-lg border-2 border-line bg-white p-3" data-testid="none-open">
          {t.noneOpen(data.clock)}
          <LiveLink path={PATH} qs={withParam(qs, 'sort', 'opens')} className="inline-flex min-h-11 items-center font-bold">
            {t.noneOpenAction}
          </LiveLink>
        </p>
      )}

      <MapResults path={PATH} qs={qs} tiles={tiles} entries={entries} what={t.title} origin={data.origin ? { at: data.origin.at, label: originLabel(data.origin) } : null}>
        {data.items.length > 0 ? (
          <ol className="space-y-3" aria-labelledby="station-results-heading">
            {data.items.map((item, i) => (
              <MapListItem key={item.id} entry={entries[i]!}>
                <StationCard item={item} />
              </MapListItem>
            ))}
          </ol>
        ) : (
          <EmptyState title={t.emptyTitle}>
            {data.chips.length > 0 && (
              <>
                <p>{t.emptyIntro}</p>
                <ul className="space-y-1">
                  {data.widen.map((c) => (
                    <li key={c.key}>
                      <LiveLink path={PATH} qs={withoutParam(qs, c.key)} className="inline-flex min-h-11 items-center">
                        {t.emptyDrop(stationChipLabel(c), c.count)}
                      </LiveLink>
                    </li>
                  ))}
                  <li>
                    <LiveLink path={PATH} qs="" className="inline-flex min-h-11 items-center">
                      {t.emptyClear}
                    </LiveLink>
                  </li>
                </ul>
              </>
            )}
            <p>
              {t.emptyCall}
              <a href={`tel:${t.hotline}`} className="font-bold">
                {t.hotlineLabel} {t.hotline}
              </a>
            </p>
          </EmptyState>
        )}
      </MapResults>

      <Pagination page={data.page} pageCount={data.pageCount} path={PATH} qs={qs} />
    </>
  );
}
