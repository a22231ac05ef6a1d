import Link from 'next/link';
import type { JobListItem } from '@/db/queries/jobs/types';
import type { JobSearchResult } from '@/db/queries/jobs/list';
import type { SearchPage } from '@/db/queries/search-page';
import { MapListItem } from '@/components/maps/map-list-item';
import { MapResults } from '@/components/maps/map-results';
import { numberEntries } from '@/components/maps/markers';
import { mapStrings } from '@/components/maps/strings';
import type { TileConfig } from '@/components/maps/tiles';
import { withView } from '@/components/maps/view';
import { LiveLink, Pagination, ResultsSummary } from '@/components/search/controls';
import { rendered, type Rendered } from '@/components/search/rendered';
import { withoutParam } from '@/components/search/url';
import { EmptyState } from '@/components/ui/empty-state';
import { JobCard } from './job-card';
import { jobText } from './strings';

const PATH = '/jobs';

/** A page of the job list; with a near-me origin, the map marks it. */
type JobPage = SearchPage<JobListItem> & Pick<JobSearchResult, 'origin'>;

/** The job list's results with `view`, their server-rendered part (see components/search/rendered.ts). */
export function renderJobResults(data: JobPage, tiles: TileConfig | null): Rendered<JobPage> {
  // Links keep ?view=map: the list's own query is the server's, without it.
  return rendered(data, <JobResults data={{ ...data, query: withView(data.query, tiles ? 'map' : 'list') }} tiles={tiles} />);
}

/** The count, the cards (with the map in the map view: a marker per fair venue), what to do when nothing matched, the page links. */
function JobResults({ data, tiles }: { data: JobPage; tiles: TileConfig | null }) {
  const entries = numberEntries(data.items, (j) => ({
    name: `${j.title} · ${j.employer.name}`,
    line: j.fair.venue ? `${j.fair.title}（${j.fair.venue.name}）` : j.fair.title,
    href: `/fairs/${j.fair.id}`,
    at: j.fair.venue?.at ?? null,
  }));
  return (
    <>
      <ResultsSummary total={data.total} />
      <MapResults
        path={PATH}
        qs={data.query}
        tiles={tiles}
        entries={entries}
        what={jobText.listTitle}
        origin={data.origin ? { at: data.origin.at, label: data.origin.name ?? mapStrings.myLocation } : null}
      >
        {data.items.length > 0 ? (
          <ul className="space-y-3">
            {data.items.map((j, i) => (
              <MapListItem key={j.id} entry={entries[i]!} noPlace={j.fair.venue ? undefined : mapStrings.onlineNoMarker}>
                <JobCard job={j} />
              </MapListItem>
            ))}
          </ul>
        ) : (
          <NoJobs data={data} />
        )}
      </MapResults>
      <Pagination page={data.page} pageCount={data.pageCount} path={PATH} qs={data.query} />
    </>
  );
}

/** Zero results: say so, then offer each way to widen the search, the fair list and the hotline. */
function NoJobs({ data }: { data: JobPage }) {
  const link = 'inline-flex min-h-12 items-center text-lg';
  return (
    <EmptyState title={jobText.emptyTitle}>
      {data.chips.length > 0 && <p>{jobText.emptyIntro}</p>}
      <ul className="space-y-1">
        {data.chips.map((c) => (
          <li key={`${c.key}=${c.value ?? ''}`}>
            <LiveLink path={PATH} qs={withoutParam(data.query, c.key, c.value)} className={link}>
              {jobText.emptyDrop(c.label)}
            </LiveLink>
          </li>
        ))}
        {data.chips.length > 1 && (
          <li>
            <LiveLink path={PATH} qs="" className={link}>
              {jobText.emptyClear}
            </LiveLink>
          </li>
        )}
        <li>
          <Link href="/fairs" className={link}>
            {jobText.emptyFairs}
          </Link>
        </li>
      </ul>
      <p>
        {jobText.emptyCall}{' '}
        <a href="tel:12333" className="inline-flex min-h-12 items-center font-bold">
          {jobText.call12333}
        </a>
      </p>
    </EmptyState>
  );
}
