import Link from 'next/link';
import { listUpcomingFairs } from '@/db/queries/fairs/upcoming';
import { searchStations } from '@/db/queries/stations';
import { searchCourses } from '@/db/queries/courses';
import { beijingToday } from '@/db/domain/time';
import { SiteSearch } from '@/components/home/site-search';
import { home } from '@/components/home/strings';
import { FairCard } from '@/components/fairs/fair-card';
import { jobText } from '@/components/jobs/strings';
import { StationCard } from '@/components/stations/station-card';
import { CourseCard } from '@/components/courses/course-card';
import { withSubsidyBadges } from '@/components/subsidy/read-answers';
import { buttonStyles } from '@/components/ui/button';

// Reads the database and the clock ("open now"), so it renders per request.
export const dynamic = 'force-dynamic';

function Section({ id, title, children, more }: { id: string; title: string; children: React.ReactNode; more?: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-2xl">
        {title}
      </h2>
      {children}
      {more}
    </section>
  );
}

export default async function HomePage() {
  const now = new Date();
  const fairs = await listUpcomingFairs(3, now);
  // The home page shows a few results and totals, no filter counts: the lists count no facets.
  const openStations = await searchStations('open=1', now, { facets: false });
  // At night nothing is open: show when stations open next instead of an empty list.
  const stations = openStations.total > 0 ? openStations : await searchStations('', now, { facets: false });
  const freeCourses = await withSubsidyBadges(await searchCourses('cost=free&status=open', { today: beijingToday(now), facets: false }));

  const entries = [
    { href: '/courses', ...home.entries.courses, icon: '学' },
    { href: '/stations', ...home.entries.stations, icon: '医' },
    { href: '/jobs', ...home.entries.jobs, icon: '聘' },
  ];

  return (
    <div className="space-y-10">
      <div className="space-y-4">
        <div>
          <h1 className="text-3xl sm:text-4xl">{home.title}</h1>
          <p className="mt-1 text-lg text-muted">{home.lead}</p>
        </div>
        <div className="rounded-xl border border-line bg-white p-4 shadow-sm">
          <SiteSearch />
        </div>
      </div>

      <section aria-labelledby="home-entries">
        <h2 id="home-entries" className="sr-only">
          {home.entries.heading}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-3">
          {entries.map((e) => (
            <li key={e.href}>
              <Link
                href={e.href}
                className="flex h-full min-h-24 items-start gap-3 rounded-xl border-2 border-brand bg-white p-4 text-ink no-underline shadow-sm hover:bg-brand-soft hover:text-ink"
              >
                <span aria-hidden="true" className="grid size-12 shrink-0 place-items-center rounded-full bg-brand text-xl font-bold text-white">
                  {e.icon}
                </span>
                <span>
                  <span className="block text-xl font-bold text-brand">{e.title}</span>
                  <span className="block text-base text-muted">{e.text}</span>
                  <span className="mt-1 block font-medium text-brand underline">{e.cta}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <Section
        id="home-stations"
        title={home.stations.heading}
        more={
          <Link href={openStations.total > 0 ? '/stations?open=1' : '/stations'} className={buttonStyles.secondary}>
            {openStations.total > 0 ? home.stations.allOpen(openStations.total) : home.stations.all}
          </Link>
        }
      >
        <p className="text-lg">{openStations.total > 0 ? home.stations.openNow(openStations.total) : stations.items.length > 0 ? home.stations.noneOpen : home.stations.noStations}</p>
        <ul className="grid gap-3">
          {stations.items.slice(0, 3).map((s) => (
            <li key={s.id}>
              <StationCard item={s} />
            </li>
          ))}
        </ul>
      </Section>

      <Section
        id="home-fairs"
        title={home.fairs.heading}
        more={
          <div className="flex flex-wrap gap-3">
            <Link href="/fairs" className={buttonStyles.secondary}>
              {home.fairs.all}
            </Link>
            <Link href="/jobs" className={buttonStyles.secondary}>
              {jobText.homeLink}
            </Link>
          </div>
        }
      >
        {fairs.length === 0 ? (
          <p>{home.fairs.none}</p>
        ) : (
          <ul className="grid gap-3">
            {fairs.map((f) => (
              <li key={f.id}>
                <FairCard fair={f} />
              </li>
            ))}
          </ul>
        )}
      </Section>

      {freeCourses.items.length > 0 && (
        <Section
          id="home-courses"
          title={home.courses.heading}
          more={
            <Link href="/courses?cost=free&status=open" className={buttonStyles.secondary}>
              {home.courses.all}
            </Link>
          }
        >
          <ul className="grid gap-3">
            {freeCourses.items.slice(0, 3).map((c) => (
              <li key={c.id}>
                <CourseCard course={c} originLabel={null} nearest={false} />
              </li>
            ))}
          </ul>
        </Section>
      )}

      {/* The hotlines follow in the site footer: once on the page (issue 16, point 10). */}
    </div>
  );
}
