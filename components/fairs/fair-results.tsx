import type { FairListItem } from '@/db/queries/fairs/types';
import type { SearchPage } from '@/db/queries/search-page';
import { MapListItem } from '@/components/maps/map-list-item';
import { MapResults } from '@/components/maps/map-results';
import { numberEntries } from '@/components/maps/markers';
import { mapStrings } from '@/components/maps/strings';
import type { TileConfig } from '@/components/maps/tiles';
import { withView } from '@/components/maps/view';
import { LiveLink, Pagination, ResultsSummary } from '@/components/search/controls';
import { rendered, type Rendered } from '@/components/search/rendered';
import { withParam, withoutParam } from '@/components/search/url';
import { EmptyState } from '@/components/ui/empty-state';
import { FairCard } from './fair-card';
import { fairText } from './strings';

const PATH = '/fairs';

/** The fair list's results with `view`, their server-rendered part (see components/search/rendered.ts). */
export function renderFairResults(data: SearchPage<FairListItem>, tiles: TileConfig | null): Rendered<SearchPage<FairListItem>> {
  // Links keep ?view=map: the list's own query is the server's, without it.
  return rendered(data, <FairResults data={{ ...data, query: withView(data.query, tiles ? 'map' : 'list') }} tiles={tiles} />);
}

/** The count with the upcoming/past switch, the cards (with the map in the map view), what to do when nothing matched, the page links. */
function FairResults({ data, tiles }: { data: SearchPage<FairListItem>; tiles: TileConfig | null }) {
  // An online fair has no venue, so no marker; the list says so.
  const entries = numberEntries(data.items, (f) => ({
    name: f.title,
    line: f.venue ? f.venue.name : '',
    href: `/fairs/${f.id}`,
    at: f.venue?.at ?? null,
  }));
  const pastCount = data.facets.when?.find((o) => o.value === 'past')?.count ?? 0;
  return (
    <>
      <ResultsSummary total={data.total}>
        <WhenSwitch query={data.query} />
      </ResultsSummary>
      <MapResults path={PATH} qs={data.query} tiles={tiles} entries={entries} what={fairText.listTitle}>
        {data.items.length > 0 ? (
          <ul className="space-y-3">
            {data.items.map((f, i) => (
              <MapListItem key={f.id} entry={entries[i]!} noPlace={f.online ? mapStrings.onlineNoMarker : undefined}>
                <FairCard fair={f} />
              </MapListItem>
            ))}
          </ul>
        ) : (
          <NoFairs data={data} pastCount={pastCount} />
        )}
      </MapResults>
      <Pagination page={data.page} pageCount={data.pageCount} path={PATH} qs={data.query} />
    </>
  );
}

/** A link between the upcoming and the past list, keeping the other filters. */
function WhenSwitch({ query }: { query: string }) {
  const past = new URLSearchParams(query).get('when') === 'past';
  return (
    <LiveLink path={PATH} qs={withParam(query, 'when', past ? null : 'past')} className="inline-flex min-h-12 items-center text-lg">
      {past ? fairText.emptyUpcoming : fairText.emptyPast}
    </LiveLink>
  );
}

/** Zero results: say so, then offer each way to widen the search and the hotline. */
function NoFairs({ data, pastCount }: { data: SearchPage<FairListItem>; pastCount: number }) {
  const past = new URLSearchParams(data.query).get('when') === 'past';
  const filterChips = data.chips.filter((c) => c.key !== 'when');
  const link = 'inline-flex min-h-12 items-center text-lg';
  return (
    <EmptyState title={fairText.emptyTitle}>
      {(filterChips.length > 0 || !past) && <p>{fairText.emptyIntro}</p>}
      <ul className="space-y-1">
        {filterChips.map((c) => (
          <li key={`${c.key}=${c.value ?? ''}`}>
            <LiveLink path={PATH} qs={withoutParam(data.query, c.key, c.value)} className={link}>
              {fairText.emptyDrop(c.label)}
            </LiveLink>
          </li>
        ))}
        {filterChips.length > 1 && (
          <li>
            <LiveLink path={PATH} qs="" className={link}>
              {fairText.emptyClear}
            </LiveLink>
          </li>
        )}
        {past ? (
          <li>
            <LiveLink path={PATH} qs="" className={link}>
              {fairText.emptyUpcoming}
            </LiveLink>
          </li>
        ) : (
          <li>
            <LiveLink path={PATH} qs={pastCount > 0 ? withParam(data.query, 'when', 'past') : 'when=past'} className={link}>
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
