import Link from 'next/link';
import { CardLink } from '@/components/cards/card-links';
import type { ReactNode } from 'react';
import type { FairDetail, FairEmployerItem } from '@/db/queries/fairs/types';
import { clock, monthDayWeekday } from '@/db/domain/calendar';
import { buttonStyles } from '@/components/ui/button';
import { NavigationLinks } from '@/components/maps/navigation-links';
import { DescriptionList } from '@/components/ui/description-list';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { FairBadges, fairTimeText } from './fair-card';
import { FairJsonLd } from './fair-json-ld';
import { fairText } from './strings';
import { jobText } from '@/components/jobs/strings';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-line bg-white p-4 sm:p-5">
      <h2 id={id} className="mb-3 text-xl sm:text-2xl">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Free text typed by staff, with its line breaks kept. */
function Prose({ text }: { text: string }) {
  return <p className="whitespace-pre-line">{text}</p>;
}

/** Whitespace and punctuation do not count when asking whether `outer` already says `inner`. */
function sameText(outer: string, inner: string): boolean {
  const norm = (t: string) => t.replace(/[\s，。；、,.;:：“”"'（）()]/g, '');
  const i = norm(inner);
  return i.length > 0 && norm(outer).includes(i);
}

/**
 * Where the links on a fair page lead: the public site, or inside admin for the preview of a
 * draft (components/admin/preview/links.ts). `target` '_top' lets the phone-width frame open them in the window.
 */
export type FairPageLinks = {
  list: string;
  calendar: (fairId: number) => string;
  card: (fairId: number) => string;
  /** The job list: this fair's positions (its id), or every upcoming fair's (null). */
  jobs: (fairId: number | null) => string;
  course: (courseId: number) => string;
  target?: '_top';
};

export const PUBLIC_FAIR_LINKS: FairPageLinks = {
  list: '/fairs',
  calendar: (id) => `/fairs/${id}/calendar`,
  card: (id) => `/fairs/${id}/card`,
  jobs: (id) => (id === null ? '/jobs' : `/jobs?fair=${id}`),
  course: (id) => `/courses/${id}`,
};

/** The page of one fair: status first, then when, where, what to do (and `share`, 发给家人), how, and who is hiring. No hooks. */
export function FairDetailView({ fair, share = null, links = PUBLIC_FAIR_LINKS }: { fair: FairDetail; share?: ReactNode; links?: FairPageLinks }) {
  const cancelled = fair.status === 'cancelled';
  const canAttend = !fair.over && !cancelled;
  // A postponed fair's old date no longer holds and the new one is unknown: no calendar entry
  // (it would remind residents to go on the wrong day) and no list of sessions.
  const onSchedule = canAttend && fair.status !== 'postponed';
  // Staff often copy the place's directions into 如何参加: say the same words only once.
  const note = fair.place?.note ?? null;
  const noteInHow = note !== null && sameText(fair.howToAttend, note);
  const placeNote = noteInHow ? null : note;
  const howToAttend = note !== null && !noteInHow && sameText(note, fair.howToAttend) ? '' : fair.howToAttend;
  const nextSession = fair.nextSession ?? fair.upcomingSessions[0] ?? null;

  return (
    <article className="space-y-5">
      <FairJsonLd fair={fair} />
      <p>
        <Link href={links.list} target={links.target} className="inline-flex min-h-12 items-center">
          <span aria-hidden="true">←&nbsp;</span>
          {fairText.backToList}
        </Link>
      </p>
      <PageHeader title={fair.title}>
        <div className="mt-3">
          <FairBadges fair={fair} />
        </div>
      </PageHeader>

      {cancelled && (
        <Notice tone="bad" title={fairText.cancelledNotice}>
          {fair.statusNote && <p>{fair.statusNote}</p>}
        </Notice>
      )}
      {fair.status === 'postponed' && (
        <Notice tone="warn" title={fairText.postponedNotice}>
          {fair.statusNote && <p>{fair.statusNote}</p>}
        </Notice>
      )}
      {fair.over && !cancelled && (
        <Notice title={fairText.pastNotice}>
          <Link href={links.list} target={links.target}>
            {fairText.pastNoticeMore}
          </Link>
        </Notice>
      )}
      {fair.happeningNow && <Notice title={fairText.happeningNotice} />}

      {/* When and where first: on a phone they were below six full-width buttons. */}
      <Section id="fair-when" title={fairText.whenHeading}>
        <DescriptionList
          items={[
            // A postponed fair's date no longer holds: say it was the planned one.
            { label: fair.status === 'postponed' ? fairText.scheduleWas : fairText.schedule, value: fairTimeText(fair, fair.past) },
            ...(fair.recurrence && nextSession && onSchedule
              ? [{ label: fairText.nextSession, value: `${monthDayWeekday(nextSession.date)} ${clock(nextSession.opens)}–${clock(nextSession.closes)}` }]
              : []),
          ]}
        />
        {fair.recurrence && onSchedule && fair.upcomingSessions.length > 1 && (
          <>
            <h3 className="mt-4 text-lg">{fairText.comingSessions}</h3>
            <ul className="mt-1 list-disc space-y-1 pl-6" data-testid="fair-sessions">
              {fair.upcomingSessions.map((s) => (
                <li key={s.date}>
                  {monthDayWeekday(s.date)} {clock(s.opens)}–{clock(s.closes)}
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>

      <Section id="fair-where" title={fairText.whereHeading}>
        {fair.place ? (
          <DescriptionList
            items={[
              { label: fairText.venue, value: fair.place.name },
              { label: fairText.address, value: fair.place.address },
              ...(fair.place.street ? [{ label: fairText.street, value: fair.place.street }] : []),
              ...(placeNote ? [{ label: fairText.directions, value: placeNote }] : []),
            ]}
          />
        ) : (
          <p>{fairText.onlineNote}</p>
        )}
        {fair.onlineUrl && (
          <p className="mt-3">
            {fair.place && <span className="mr-2">{fairText.alsoOnline}：</span>}
            <a href={fair.onlineUrl} target="_blank" rel="noopener noreferrer" className="inline-flex min-h-12 items-center font-bold">
              {fairText.openOnline}
              <span className="sr-only">{fairText.newWindow}</span>
            </a>
          </p>
        )}
      </Section>

      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap" data-testid="fair-actions">
        {onSchedule && (
          <a href={links.calendar(fair.id)} download={`fair-${fair.id}.ics`} className={buttonStyles.primary}>
            {fairText.addToCalendar}
          </a>
        )}
        <a href={`tel:${fair.contactPhone}`} className={buttonStyles.secondary}>
          {fairText.callPhone(fair.contactPhone)}
        </a>
        <CardLink href={links.card(fair.id)} target={links.target} />
        {fair.onlineUrl && canAttend && (
          <a href={fair.onlineUrl} target="_blank" rel="noopener noreferrer" className={buttonStyles.secondary}>
            {fairText.openOnline}
            <span className="sr-only">{fairText.newWindow}</span>
          </a>
        )}
      </div>
      {fair.place && canAttend && <NavigationLinks at={fair.place.at} name={fair.place.name} />}
      {onSchedule && <p className="text-base text-muted">{fairText.addToCalendarHint}</p>}

      {share}

      {howToAttend && (
        <Section id="fair-how" title={fairText.howHeading}>
          <Prose text={howToAttend} />
        </Section>
      )}

      {fair.description && (
        <Section id="fair-about" title={fairText.aboutHeading}>
          <Prose text={fair.description} />
        </Section>
      )}

      <Section id="fair-employers" title={fairText.employersHeading}>
        <JobsLink fair={fair} links={links} />
        {fair.employers.length === 0 ? (
          <p>{fairText.noEmployers}</p>
        ) : (
          <>
            <p className="mb-3">{fairText.employersSummary(fair.employerCount, fair.positionCount, fair.headcount)}</p>
            <ul className="space-y-4">
              {fair.employers.map((e) => (
                <li key={e.id}>
                  <Employer employer={e} links={links} />
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>

      <Section id="fair-contact" title={fairText.contactHeading}>
        <DescriptionList
          items={[
            { label: fairText.organiser, value: fair.organiser },
            {
              label: fairText.contactPhone,
              value: (
                <a href={`tel:${fair.contactPhone}`} className="inline-flex min-h-12 items-center font-bold">
                  {fair.contactPhone}
                </a>
              ),
            },
          ]}
        />
      </Section>
    </article>
  );
}

/**
 * To the job list: this fair's positions while one can still go (an upcoming fair, not
 * cancelled, with positions), otherwise every upcoming fair's.
 */
function JobsLink({ fair, links }: { fair: FairDetail; links: FairPageLinks }) {
  const own = !fair.past && fair.status !== 'cancelled' && fair.positionCount > 0;
  return (
    <p className="mb-3">
      <Link href={links.jobs(own ? fair.id : null)} target={links.target} className="inline-flex min-h-12 items-center text-lg font-bold">
        {own ? jobText.fairLink : jobText.fairLinkAll}
      </Link>
    </p>
  );
}

function Employer({ employer: e, links }: { employer: FairEmployerItem; links: FairPageLinks }) {
  return (
    <div className="rounded-lg border border-line p-3 sm:p-4" data-testid="fair-employer">
      <h3 className="text-lg">{e.name}</h3>
      <p className="text-base text-muted">
        {fairText.industry}：{e.industry}
        {e.booth && ` · ${fairText.booth(e.booth)}`}
      </p>
      {e.intro && <p className="mt-1 text-base">{e.intro}</p>}
      {e.positions.length === 0 ? (
        <p className="mt-2 text-base">{fairText.noPositions}</p>
      ) : (
        <ul className="mt-2 divide-y divide-line">
          {e.positions.map((p) => (
            <li key={p.id} className="py-2">
              <p>
                <span className="font-bold">{p.title}</span>
                <span className="ml-2">{fairText.positionHeadcount(p.headcount)}</span>
              </p>
              <p>
                <span className="text-muted">{fairText.pay}：</span>
                <span className="font-bold text-ink">{p.pay}</span>
              </p>
              {p.requirements && (
                <p className="text-base">
                  <span className="text-muted">{fairText.requirements}：</span>
                  {p.requirements}
                </p>
              )}
              {p.course && (
                <p className="mt-1">
                  <Link href={links.course(p.course.id)} target={links.target} className="inline-flex min-h-12 items-center font-bold">
                    {fairText.courseLink(p.course.title)}
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
