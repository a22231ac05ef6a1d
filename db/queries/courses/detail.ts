/**
 * A course's public page (and the admin preview): the course, its runs with venues,
 * certificates and target groups, and the positions at coming fairs it qualifies for.
 */
import 'server-only';
import { and, asc, eq, ne } from 'drizzle-orm';
import { getDb } from '@/db';
import {
  courseRuns,
  courses,
  fairEmployers,
  fairPositions,
  fairs,
  occupations,
  places,
  providers,
  type CertificateKind,
  type CourseRun,
  type PayUnit,
} from '@/db/schema';
import { daysToDeadline, isDualCertificate, runStatus, sortRunsForDisplay, type RunStatus } from '@/db/domain/course-run';
import { levelLabel } from '@/db/domain/labels-courses';
import { beijingNow } from '@/db/domain/time';
import { courseJobColumns, courseJobsWhere } from '../fairs/for-course';
import { courseSectionColumns, practicePlace, practiceStreet, providerContactColumns, runCertificatesAndGroups, runPageColumns, theoryStreet } from './columns';

export type PlaceInfo = { name: string; address: string; street: string | null; lat: number; lng: number };

/** The run columns a course page shows, typed by the schema. */
type RunColumns = Pick<
  CourseRun,
  'id' | 'label' | 'startDate' | 'endDate' | 'classDays' | 'dailyStart' | 'dailyEnd' | 'seats' | 'seatsLeft' | 'deadline' | 'costType' | 'fee' | 'subsidy' | 'contactName' | 'contactPhone' | 'note'
>;

export type RunDetail = RunColumns & {
  deadlineDays: number;
  status: RunStatus;
  theory: PlaceInfo;
  practice: PlaceInfo | null;
  certificates: { kind: CertificateKind; name: string; issuer: string }[];
  dual: boolean;
  groups: string[];
};

export type LinkedJob = {
  positionId: number;
  fairId: number;
  fairTitle: string;
  startsAt: string;
  endsAt: string;
  recurring: boolean;
  employer: string;
  position: string;
  headcount: number;
  payMin: number | null;
  payMax: number | null;
  payUnit: PayUnit;
};

export type CourseDetail = {
  id: number;
  title: string;
  summary: string;
  occupation: string;
  /** The 工种's id: the page links to other courses of it and to its feed. */
  occupationId: number;
  occupationDescription: string;
  level: number;
  levelLabel: string;
  durationDays: number | null;
  provider: { name: string; phone: string; address: string; intro: string };
  sections: { suitableFor: string; requirements: string; content: string; method: string; materials: string; assessment: string; outcomes: string };
  /** Published runs: to come or under way first (soonest first), then finished ones. */
  runs: RunDetail[];
  /** True when any published run is 一培双证. */
  dual: boolean;
  /** Positions at upcoming published fairs that this course qualifies for. */
  jobs: LinkedJob[];
};

/**
 * One published course for its public page, or null (unknown, draft or withdrawn). Public:
 * any page may call it. `includeUnpublished` is for the admin preview only: the course in any
 * state with all its runs but archived ones (the caller has checked the actor may see it).
 */
export async function getCourseDetail(id: number, now: Date = new Date(), opts: { includeUnpublished?: boolean } = {}): Promise<CourseDetail | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const unpublished = opts.includeUnpublished === true;
  const db = getDb();
  const { date: today, time } = beijingNow(now);
  const c = db
    .select({
      id: courses.id,
      title: courses.title,
      summary: courses.summary,
      occupation: occupations.name,
      occupationId: courses.occupationId,
      occupationDescription: occupations.description,
      level: courses.level,
      durationDays: courses.durationDays,
      provider: providerContactColumns,
      sections: courseSectionColumns,
    })
    .from(courses)
    .innerJoin(occupations, eq(occupations.id, courses.occupationId))
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .where(and(eq(courses.id, id), unpublished ? undefined : eq(courses.publication, 'published')))
    .get();
  if (!c) return null;

  const runRows = db
    .select(runPageColumns)
    .from(courseRuns)
    .innerJoin(places, eq(places.id, courseRuns.theoryPlaceId))
    .leftJoin(theoryStreet, eq(theoryStreet.id, places.streetId))
    .leftJoin(practicePlace, eq(practicePlace.id, courseRuns.practicePlaceId))
    .leftJoin(practiceStreet, eq(practiceStreet.id, practicePlace.streetId))
    .where(and(eq(courseRuns.courseId, id), unpublished ? ne(courseRuns.publication, 'archived') : eq(courseRuns.publication, 'published')))
    .all();

  const { certs, groups } = runCertificatesAndGroups(runRows.map((r) => r.id));

  const runs: RunDetail[] = sortRunsForDisplay(
    runRows.map(({ theory, practice: p, ...r }) => {
      const certificates = certs.get(r.id) ?? [];
      return {
        ...r,
        deadlineDays: daysToDeadline(r.deadline, today),
        status: runStatus(r, today),
        theory,
        practice: p && p.name !== null && p.address !== null && p.lat !== null && p.lng !== null ? { name: p.name, address: p.address, street: p.street, lat: p.lat, lng: p.lng } : null,
        certificates,
        dual: isDualCertificate(certificates.map((k) => k.kind)),
        groups: groups.get(r.id) ?? [],
      };
    }),
    today,
  );

  // Fairs still to come or under way; their times are Beijing local 'YYYY-MM-DDTHH:MM' text.
  const jobs = db
    .select({ ...courseJobColumns, positionId: fairPositions.id, headcount: fairPositions.headcount })
    .from(fairPositions)
    .innerJoin(fairEmployers, eq(fairEmployers.id, fairPositions.employerId))
    .innerJoin(fairs, eq(fairs.id, fairEmployers.fairId))
    .where(courseJobsWhere(id, `${today}T${time}`))
    .orderBy(asc(fairs.startsAt), asc(fairs.id), asc(fairEmployers.id), asc(fairPositions.id))
    .limit(30)
    .all()
    .map(({ recurrence, ...j }) => ({ ...j, recurring: recurrence !== null }));

  return { ...c, levelLabel: levelLabel(c.level), runs, dual: runs.some((r) => r.dual), jobs };
}

/** A course's title for page metadata, or null when it is not public. Public. */
export async function getCourseTitle(id: number): Promise<string | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return (
    getDb()
      .select({ title: courses.title })
      .from(courses)
      .where(and(eq(courses.id, id), eq(courses.publication, 'published')))
      .get()?.title ?? null
  );
}
