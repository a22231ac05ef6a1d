import { LiveLink, Pagination, ResultsSummary } from '@/components/search/controls';
import { rendered, type Rendered } from '@/components/search/rendered';
import { MapListItem } from '@/components/maps/map-list-item';
import { MapResults } from '@/components/maps/map-results';
import { numberEntries } from '@/components/maps/markers';
import { mapStrings } from '@/components/maps/strings';
import type { TileConfig } from '@/components/maps/tiles';
import { withView } from '@/components/maps/view';
import { EmptyState } from '@/components/ui/empty-state';
import type { CourseSearchResult } from '@/db/queries/courses';
import { CourseCard } from './course-card';
import { courseHref } from './links';
import { widenWords } from './result-words';
import { coursesText as t } from './strings';

const PATH = '/courses';

/** The course list's results with `view`, their server-rendered part (see components/search/rendered.ts). */
export function renderCourseResults(data: CourseSearchResult, tiles: TileConfig | null): Rendered<CourseSearchResult> {
  return rendered(data, <CourseResults data={data} tiles={tiles} />);
}

/**
 * The count, the cards (with the map in the map view), what to do when nothing matched and
 * the page links: rendered on the server, on first load and for each live update alike.
 */
function CourseResults({ data, tiles }: { data: CourseSearchResult; tiles: TileConfig | null }) {
  const query = withView(data.query, tiles ? 'map' : 'list');
  // A course's marker is the theory venue of the run its card shows.
  const entries = numberEntries(data.items, (c) => ({ name: c.title, line: `${c.run.venue} · ${c.run.label}`, href: courseHref(c.id, data.query), at: c.run.at }));
  return (
    <>
      <ResultsSummary total={data.total}>
        <p className="text-base text-muted">{t.countUnit}</p>
      </ResultsSummary>
      <MapResults
        path={PATH}
        qs={query}
        tiles={tiles}
        entries={entries}
        what={t.title}
        origin={data.origin ? { at: data.origin.at, label: data.origin.name ?? mapStrings.myLocation } : null}
      >
        {data.items.length > 0 ? (
          <ul className="space-y-4" aria-label={t.resultsHeading}>
            {data.items.map((c, i) => (
              <MapListItem key={c.id} entry={entries[i]!}>
                <CourseCard course={c} originLabel={data.origin?.name ?? null} nearest={data.order === 'near'} listQuery={data.query} />
              </MapListItem>
            ))}
          </ul>
        ) : (
          <NoResults data={data} />
        )}
      </MapResults>
      <Pagination page={data.page} pageCount={data.pageCount} path={PATH} qs={query} />
    </>
  );
}

/** Nothing matched: offer to drop each filter (with what that would give) and the hotline. */
function NoResults({ data }: { data: CourseSearchResult }) {
  const useful = data.widen.filter((w) => w.count > 0);
  return (
    <EmptyState title={t.emptyTitle}>
      {useful.length > 0 && (
        <>
          <p>{t.emptyIntro}</p>
          <ul className="space-y-2">
            {useful.map((w) => (
              <li key={`${w.kind}:${w.query}`}>
                <LiveLink path={PATH} qs={w.query} className="inline-flex min-h-12 items-center underline">
                  {widenWords(w, data.values)}
                </LiveLink>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        {t.emptyCall}
        <a href={`tel:${t.hotline}`} className="mx-1 font-bold underline">
          {t.hotline}
        </a>
        {t.emptyCallAfter}
      </p>
    </EmptyState>
  );
}
