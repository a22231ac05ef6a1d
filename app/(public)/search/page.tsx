import type { Metadata } from 'next';
import Link from 'next/link';
import { searchCourses } from '@/db/queries/courses';
import { searchStations } from '@/db/queries/stations';
import { searchFairs } from '@/db/queries/fairs/list';
import { fields, parseParams, one } from '@/db/validation/search-params';
import { beijingToday } from '@/db/domain/time';
import { rankByName } from '@/db/domain/search-rank';
import { SiteSearch } from '@/components/home/site-search';
import { noteSearchMiss } from '../search-miss';
import { searchAll } from '@/components/home/strings';
import { CourseCard } from '@/components/courses/course-card';
import { withSubsidyBadges } from '@/components/subsidy/read-answers';
import { StationCard } from '@/components/stations/station-card';
import { FairCard } from '@/components/fairs/fair-card';
import { EmptyState } from '@/components/ui/empty-state';
import { LinkButton } from '@/components/ui/button';
import { site } from '@/components/ui/strings';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: searchAll.metaTitle };

const PER_SECTION = 3;

type SP = Promise<Record<string, string | string[] | undefined>>;

/** The search across all three services, from the home page's box. */
export default async function SearchPage({ searchParams }: { searchParams: SP }) {
  const { values } = parseParams(await searchParams, { q: one(fields.text(40), '') });
  const q = values.q.trim();
  const now = new Date();
  const qs = q ? new URLSearchParams({ q }).toString() : '';
  // Results and totals only (no filter counts on this page): the lists count no facets.
  const courses = q ? await withSubsidyBadges(await searchCourses(qs, { today: beijingToday(now), facets: false })) : null;
  const stations = q ? await searchStations(qs, now, { facets: false }) : null;
  const fairs = q ? await searchFairs(qs, now, { facets: false }) : null;
  const total = (courses?.total ?? 0) + (stations?.total ?? 0) + (fairs?.total ?? 0);
  if (q) await noteSearchMiss('search', { total, query: qs });
  const { sections } = searchAll;

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <h1 className="text-2xl sm:text-3xl">{searchAll.title(q)}</h1>
        <p className="text-muted">{searchAll.lead}</p>
        <div className="rounded-xl border border-line bg-white p-4 shadow-sm">
          <SiteSearch value={q} />
        </div>
      </div>

      {!q && <p className="text-lg">{searchAll.emptyQuery}</p>}

      {q && total === 0 && (
        <EmptyState title={searchAll.nothing(q)}>
          <p>{searchAll.tips[0]}</p>
          <p>{searchAll.tips[1]}</p>
          <ul className="flex flex-wrap gap-2">
            <li><LinkButton href="/courses" variant="secondary">{site.nav.courses}</LinkButton></li>
            <li><LinkButton href="/stations" variant="secondary">{site.nav.stations}</LinkButton></li>
            <li><LinkButton href="/fairs" variant="secondary">{site.nav.fairs}</LinkButton></li>
          </ul>
          <p>
            {searchAll.callUs}
            <a href="tel:12333">12333</a>（人社）、<a href="tel:12393">12393</a>（医保）
          </p>
        </EmptyState>
      )}

      {q && total > 0 && (
        <>
          <ResultSection id="sr-courses" heading={sections.courses.heading} count={courses!.total} more={`${sections.courses.path}?${qs}`} moreText={sections.courses.all(courses!.total)}>
            {rankByName(courses!.items, (c) => c.title, q).slice(0, PER_SECTION).map((c) => (
              <li key={c.id}><CourseCard course={c} originLabel={null} nearest={false} /></li>
            ))}
          </ResultSection>
          <ResultSection id="sr-stations" heading={sections.stations.heading} count={stations!.total} more={`${sections.stations.path}?${qs}`} moreText={sections.stations.all(stations!.total)}>
            {rankByName(stations!.items, (s) => s.name, q).slice(0, PER_SECTION).map((s) => (
              <li key={s.id}><StationCard item={s} /></li>
            ))}
          </ResultSection>
          <ResultSection id="sr-fairs" heading={sections.fairs.heading} count={fairs!.total} more={`${sections.fairs.path}?${qs}`} moreText={sections.fairs.all(fairs!.total)}>
            {rankByName(fairs!.items, (f) => f.title, q).slice(0, PER_SECTION).map((f) => (
              <li key={f.id}><FairCard fair={f} /></li>
            ))}
          </ResultSection>
        </>
      )}
    </div>
  );
}

function ResultSection({
  id,
  heading,
  count,
  more,
  moreText,
  children,
}: {
  id: string;
  heading: string;
  count: number;
  more: string;
  moreText: string;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-2xl">
        {heading}
        <span className="ml-2 text-lg font-normal text-muted">{searchAll.count(count)}</span>
      </h2>
      {count === 0 ? (
        <p className="text-muted">{searchAll.noneInSection}</p>
      ) : (
        <>
          <ul className="grid gap-3">{children}</ul>
          <Link href={more} className="inline-flex min-h-12 items-center text-lg font-medium">
            {moreText}
          </Link>
        </>
      )}
    </section>
  );
}
