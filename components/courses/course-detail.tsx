import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DescriptionList } from '@/components/ui/description-list';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import type { CourseCardData, CourseDetail as Detail, CourseListContext, RunDetail } from '@/db/queries/courses';
import { RunLinks } from '@/components/cards/card-links';
import type { SubsidyBadgeView, SubsidyRuleData } from '@/db/domain/subsidy';
import { distanceMetres } from '@/db/domain/geo';
import { runsForList } from '@/db/domain/matched-runs';
import { eligibilityLines } from '@/components/subsidy/eligibility';
import { AllFull } from './all-full';
import { LinkedJobs } from './linked-jobs';
import { MATCHED_RUNS_ANCHOR, PUBLIC_COURSE_LINKS, type CoursePageLinks } from './links';
import { RunCard, telHref } from './run-card';

import { coursesText as t } from './strings';

/** How many finished runs a course page lists. */
const PAST_RUNS_SHOWN = 5;
/**
 * How many runs still to come a course page lists before «查看全部»: the soonest first. A course
 * that opens a class every week would otherwise send dozens (the page and its JSON-LD).
 */
export const CURRENT_RUNS_SHOWN = 10;

const SECTION_ORDER = ['suitableFor', 'requirements', 'content', 'method', 'materials', 'assessment', 'outcomes'] as const;

/** What the page knows of the list the resident came from, and what to offer when no run is open. */
export type FromList = CourseListContext & {
  /** Other courses of the same 工种 with a run still open (only asked for when none of this course's is). */
  alternatives: CourseCardData[] | null;
};

/** A course's public page: what it is, its runs (to come first), what it leads to. */
export function CourseDetailView({
  course,
  subsidy,
  allRuns = false,
  fromList = null,
  rules = [],
  links = PUBLIC_COURSE_LINKS,
}: {
  course: Detail;
  subsidy?: Record<number, SubsidyBadgeView> | 'ask';
  /** ?runs=all: every run still to come, not only the first CURRENT_RUNS_SHOWN. */
  allRuns?: boolean;
  /** Opened from the resident list: its filters, matched runs and origin (none for the admin preview). */
  fromList?: FromList | null;
  /** The active subsidy rules: each run says who may join it free or with a subsidy. */
  rules?: readonly SubsidyRuleData[];
  /** Where its links lead: the public site, or inside admin for a preview. */
  links?: CoursePageLinks;
}) {
  const split = runsForList(course.runs, fromList?.matchedRunIds ? new Set(fromList.matchedRunIds) : null);
  const upcoming = split.others;
  const current = allRuns ? upcoming : upcoming.slice(0, CURRENT_RUNS_SHOWN);
  // Finished runs, most recent first; only the latest few are worth a resident's scrolling (and
  // a long-running course would otherwise send every run it ever had).
  const ended = course.runs.filter((r) => r.status === 'ended');
  const past = ended.slice(0, PAST_RUNS_SHOWN);
  const listQuery = fromList?.listQuery ?? '';
  const origin = fromList?.origin ?? null;
  const runItem = (r: RunDetail, matched: boolean) => (
    <li key={r.id}>
      <RunCard
        run={r}
        matched={matched}
        subsidy={subsidy === 'ask' ? 'ask' : subsidy?.[r.id]}
        distance={origin ? { origin: origin.name ?? t.myPlace, metres: Math.round(distanceMetres(origin, r.theory)) } : null}
        eligible={eligibilityLines(rules, { costType: r.costType, groups: r.groups })}
        actions={r.status === 'ended' ? null : <RunLinks courseId={course.id} runId={r.id} calendarHref={links.runCalendar(course.id, r.id)} cardHref={links.runCard(course.id, r.id)} target={links.target} />}
      />
    </li>
  );
  return (
    <div className="space-y-8">
      <div>
        <p className="mb-2">
          <Link href={links.list(listQuery)} target={links.target} className="inline-flex min-h-12 items-center">
            ← {listQuery ? t.backToResults : t.backToList}
          </Link>
        </p>
        <PageHeader
          title={course.title}
          lead={[course.occupation, course.levelLabel, course.durationDays ? t.durationDays(course.durationDays) : null, course.provider.name]
            .filter(Boolean)
            .join(' · ')}
        >
          {course.dual && (
            <p className="mt-2">
              <Badge tone="info">{t.dualBadge}</Badge>
            </p>
          )}
        </PageHeader>
        {course.summary && <p className="text-lg">{course.summary}</p>}
      </div>

      <section aria-labelledby="runs" className="space-y-4">
        <h2 id="runs" className="text-2xl">
          {t.runsHeading}
        </h2>
        <p>{t.runsIntro(course.runs.length)}</p>
        {course.dual && (
          <Notice title={t.dualExplainTitle}>
            <p>{t.dualExplain}</p>
          </Notice>
        )}
        {fromList?.alternatives && <AllFull course={course} alternatives={fromList.alternatives} listQuery={listQuery} />}
        {fromList?.matchedRunIds && (
          <div id={MATCHED_RUNS_ANCHOR} className="scroll-mt-4 space-y-3">
            {split.matched.length > 0 ? (
              <>
                <h3 className="text-xl">{t.matchedHeading(split.matched.length)}</h3>
                <ol className="space-y-4" aria-label={t.matchedHeading(split.matched.length)}>
                  {split.matched.map((r) => runItem(r, true))}
                </ol>
              </>
            ) : (
              <p>{split.matchedEnded.length > 0 ? t.matchedEnded(split.matchedEnded.length) : t.matchedNone}</p>
            )}
            {current.length > 0 && split.matched.length > 0 && <h3 className="text-xl">{t.otherRunsHeading(upcoming.length)}</h3>}
          </div>
        )}
        {current.length > 0 && <ol className="space-y-4">{current.map((r) => runItem(r, false))}</ol>}
        {current.length < upcoming.length && (
          <p>
            <Link href={links.allRuns(course.id, listQuery)} target={links.target} className="inline-flex min-h-12 items-center font-bold underline">
              {t.allRunsLink(upcoming.length)}
            </Link>
          </p>
        )}
        {past.length > 0 && (
          <details className="rounded-xl border border-line bg-white">
            <summary className="flex min-h-12 cursor-pointer items-center px-4 font-bold">{t.pastRunsSummary(past.length, ended.length)}</summary>
            <ol className="space-y-4 p-4 pt-0">
              {past.map((r) => (
                <li key={r.id}>
                  <RunCard run={r} matched={fromList?.matchedRunIds?.includes(r.id) ?? false} />
                </li>
              ))}
            </ol>
          </details>
        )}
        <p className="text-base text-muted">
          {t.certCheck}
          <a href={t.certCheckUrl} rel="noopener noreferrer" className="ml-1 underline">
            {t.certCheckLink}
          </a>
        </p>
      </section>

      {SECTION_ORDER.filter((k) => course.sections[k].trim() !== '').map((k) => (
        <section key={k} aria-labelledby={`sec-${k}`}>
          <h2 id={`sec-${k}`} className="text-2xl">
            {t.sections[k]}
          </h2>
          <p className="mt-2 whitespace-pre-line">{course.sections[k]}</p>
        </section>
      ))}

      <section aria-labelledby="jobs">
        <h2 id="jobs" className="text-2xl">
          {t.jobsHeading}
        </h2>
        <div className="mt-2">
          <LinkedJobs jobs={course.jobs} fairs={links.fairs} fair={links.fair} target={links.target} />
        </div>
      </section>

      <section aria-labelledby="provider" className="rounded-xl border border-line bg-white p-4">
        <h2 id="provider" className="text-2xl">
          {t.providerHeading}
        </h2>
        <p className="mt-2 font-bold">{course.provider.name}</p>
        {course.provider.intro && <p className="mt-1">{course.provider.intro}</p>}
        <div className="mt-3">
          <DescriptionList
            items={[
              { label: t.providerAddress, value: course.provider.address },
              {
                label: t.providerPhone,
                value: (
                  <a href={telHref(course.provider.phone)} className="py-3">
                    {course.provider.phone}
                  </a>
                ),
              },
            ]}
          />
        </div>
      </section>

      <section aria-labelledby="help">
        <h2 id="help" className="text-2xl">
          {t.helpHeading}
        </h2>
        <p className="mt-2">
          {t.helpText}
          <a href={`tel:${t.hotline}`} className="mx-1 font-bold underline">
            {t.hotline}
          </a>
          {t.helpTextAfter}
        </p>
      </section>
    </div>
  );
}
