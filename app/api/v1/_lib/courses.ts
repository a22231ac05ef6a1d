/**
 * Courses and runs in API v1: rows from db/queries/open-data-courses.ts → ApiCourse, ApiRun
 * (status and label on the day asked) and ApiCourseDetail.
 */
import type { CostType } from '@/db/enums';
import { RUN_STATUS_LABELS, runStatus, type RunStatus } from '@/db/domain/course-run';
import { COST_TYPE_LABELS, levelLabel } from '@/db/domain/labels-courses';
import { beijingNow } from '@/db/domain/time';
import { getOpenCourse, listOpenCourses, listOpenRuns, type OpenCourse, type OpenRun } from '@/db/queries/open-data-courses';
import type { Listed, Paging } from '@/db/queries/open-data';
import { hhmm, instantToIso, type PlaceOut } from './format';
import type { ApiParams } from './params';

export type ApiCourse = {
  id: number;
  title: string;
  url: string;
  occupation: { id: number; name: string };
  level: number;
  level_label: string;
  provider: { id: number; name: string };
  summary: string;
  duration_days: number | null;
  published_at: string | null;
  runs_count: number;
  next_start_date: string | null;
};

export type ApiRun = {
  id: number;
  course_id: number;
  course_title: string;
  url: string;
  label: string;
  start_date: string;
  end_date: string;
  class_days: number[];
  daily_start: string;
  daily_end: string;
  status: RunStatus;
  status_label: string;
  seats: number;
  seats_left: number;
  deadline: string;
  cost_type: CostType;
  cost_label: string;
  fee: number | null;
  subsidy: number | null;
  theory_place: PlaceOut & { crs: 'WGS-84' };
  practice_place: (PlaceOut & { crs: 'WGS-84' }) | null;
  contact_name: string;
  contact_phone: string;
  note: string;
  certificates: { kind: string; name: string; issuer: string }[];
  target_groups: string[];
};

export type ApiCourseDetail = ApiCourse & {
  occupation_description: string;
  provider_detail: { name: string; phone: string; address: string; intro: string };
  sections: {
    suitable_for: string;
    requirements: string;
    content: string;
    method: string;
    materials: string;
    assessment: string;
    outcomes: string;
  };
  runs: ApiRun[];
};

export function courseUrl(base: string, id: number): string {
  return `${base}/courses/${id}`;
}

export function courseToApi(r: OpenCourse, base: string): ApiCourse {
  return {
    id: r.id,
    title: r.title,
    url: courseUrl(base, r.id),
    occupation: { id: r.occupationId, name: r.occupationName },
    level: r.level,
    level_label: levelLabel(r.level),
    provider: { id: r.providerId, name: r.providerName },
    summary: r.summary,
    duration_days: r.durationDays,
    published_at: r.publishedAt === null ? null : instantToIso(r.publishedAt),
    runs_count: r.runsCount,
    next_start_date: r.nextStartDate,
  };
}

export function runToApi(r: OpenRun, today: string, base: string): ApiRun {
  const status = runStatus({ startDate: r.startDate, endDate: r.endDate, seatsLeft: r.seatsLeft, deadline: r.deadline }, today);
  return {
    id: r.id,
    course_id: r.courseId,
    course_title: r.courseTitle,
    url: courseUrl(base, r.courseId),
    label: r.label,
    start_date: r.startDate,
    end_date: r.endDate,
    class_days: r.classDays
      .split(',')
      .map((d) => Number(d.trim()))
      .filter((d) => Number.isInteger(d) && d >= 1 && d <= 7),
    daily_start: hhmm(r.dailyStart),
    daily_end: hhmm(r.dailyEnd),
    status,
    status_label: RUN_STATUS_LABELS[status],
    seats: r.seats,
    seats_left: r.seatsLeft,
    deadline: r.deadline,
    cost_type: r.costType,
    cost_label: COST_TYPE_LABELS[r.costType],
    fee: r.fee,
    subsidy: r.subsidy,
    theory_place: { ...r.theory, crs: 'WGS-84' },
    practice_place: r.practice ? { ...r.practice, crs: 'WGS-84' } : null,
    contact_name: r.contactName,
    contact_phone: r.contactPhone,
    note: r.note,
    certificates: r.certificates,
    target_groups: r.targetGroups,
  };
}

/** GET /api/v1/courses: published courses, filtered like the course list. */
export async function listApiCourses(v: ApiParams<'courses'>, paging: Paging, base: string, now: Date = new Date()): Promise<Listed<ApiCourse>> {
  const { items, total } = await listOpenCourses(v, paging, now);
  return { items: items.map((c) => courseToApi(c, base)), total };
}

/** GET /api/v1/runs: published runs of published courses, with their status today. */
export async function listApiRuns(v: ApiParams<'runs'>, paging: Paging, base: string, now: Date = new Date()): Promise<Listed<ApiRun>> {
  const today = beijingNow(now).date;
  const { items, total } = await listOpenRuns(v, paging, now);
  return { items: items.map((r) => runToApi(r, today, base)), total };
}

/** GET /api/v1/courses/{id} and the course page's JSON-LD. */
export async function getApiCourse(id: number, base: string, now: Date = new Date()): Promise<ApiCourseDetail | null> {
  const d = await getOpenCourse(id, now);
  if (!d) return null;
  const today = beijingNow(now).date;
  return {
    ...courseToApi(d.course, base),
    occupation_description: d.occupationDescription,
    provider_detail: { ...d.provider },
    sections: {
      suitable_for: d.sections.suitableFor,
      requirements: d.sections.requirements,
      content: d.sections.content,
      method: d.sections.method,
      materials: d.sections.materials,
      assessment: d.sections.assessment,
      outcomes: d.sections.outcomes,
    },
    runs: d.runs.map((r) => runToApi(r, today, base)),
  };
}
