/**
 * A course and its runs (班期) move together, so residents never see half of one:
 * - 提交审核 sends the course with its unfinished runs, after the same checks publishing makes;
 *   what is missing comes back as one checklist (course fields and each run's fields).
 * - 发布 puts the course live with every run that is complete and not yet over.
 * - 退回修改 and 撤回提交 bring the course and its submitted runs back to drafts; a return says why.
 * - 撤下 takes the course and its live runs off the site, with a reason, so no run reads 已发布
 *   under a course nobody can see.
 * Each record's move is one audit line; all of them are one transaction (the caller's).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { DB } from '../client';
import { courseRuns, courses, occupationLevels, type Course, type CourseRun } from '../schema';
import type { Actor, Transition } from '../auth/permissions';
import type { Publication } from '../enums';
import { reindexCourse } from '../search/documents';
import { beijingToday } from '../domain/time';
import { coursePublishProblems } from '../validation/admin/course';
import { runPublishProblems } from '../validation/admin/run';
import { applyTransition } from './lifecycle';
import { Invalid } from './errors';

export function describeRun(run: { label?: unknown }, courseTitle?: string): string {
  return `班期「${String(run.label ?? '')}」${courseTitle ? `（${courseTitle}）` : ''}`;
}

export function describeCourse(c: { title?: unknown }): string {
  return `课程《${String(c.title ?? '')}》`;
}

/** One run as the checklist and the publish dialog see it. */
export type RunReadiness = {
  id: number;
  label: string;
  publication: Publication;
  /** Its last day is past: it is not sent or published with the course. */
  ended: boolean;
  /** Field → problem code (the publish rules; empty when complete). */
  problems: Record<string, string>;
};

export type CoursePlan = {
  /** Field → problem code for the course itself. */
  course: Record<string, string>;
  runs: RunReadiness[];
};

const SENT_WITH_COURSE: readonly Publication[] = ['draft', 'withdrawn'];
const LIVE_WITH_COURSE: readonly Publication[] = ['draft', 'review', 'withdrawn'];

/** The runs a submission takes along: unfinished ones (draft, or taken off the site) not yet over. */
export function runsToSubmit(plan: CoursePlan): RunReadiness[] {
  return plan.runs.filter((r) => SENT_WITH_COURSE.includes(r.publication) && !r.ended);
}

/** The runs that go live with the course: not yet live, not over, and complete. */
export function runsToPublish(plan: CoursePlan): RunReadiness[] {
  return plan.runs.filter((r) => LIVE_WITH_COURSE.includes(r.publication) && !r.ended && Object.keys(r.problems).length === 0);
}

/** Runs not live that stay behind when the course is published (incomplete or over). */
export function runsLeftBehind(plan: CoursePlan): RunReadiness[] {
  const going = new Set(runsToPublish(plan).map((r) => r.id));
  return plan.runs.filter((r) => LIVE_WITH_COURSE.includes(r.publication) && !going.has(r.id));
}

/** What 提交审核 would refuse for: the course's problems and each run's, keyed `runs.<id>.<field>`. */
export function submitProblems(plan: CoursePlan): Record<string, string> {
  const out: Record<string, string> = { ...plan.course };
  for (const r of runsToSubmit(plan)) for (const [field, code] of Object.entries(r.problems)) out[`runs.${r.id}.${field}`] = code;
  return out;
}

function courseProblemsIn(db: DB, c: Course): Record<string, string> {
  const certified = db
    .select({ level: occupationLevels.level })
    .from(occupationLevels)
    .where(and(eq(occupationLevels.occupationId, c.occupationId), eq(occupationLevels.level, c.level)))
    .get();
  return coursePublishProblems(c, certified !== undefined);
}

function runsOf(db: DB, courseId: number): CourseRun[] {
  return db.select().from(courseRuns).where(eq(courseRuns.courseId, courseId)).orderBy(asc(courseRuns.startDate), asc(courseRuns.id)).all();
}

/** The course's readiness and each run's (inside a write, or for a page). */
export function coursePlanIn(db: DB, courseId: number, today = beijingToday()): CoursePlan | undefined {
  const c = db.select().from(courses).where(eq(courses.id, courseId)).get();
  if (!c) return undefined;
  return {
    course: courseProblemsIn(db, c),
    runs: runsOf(db, courseId).map((r) => ({
      id: r.id,
      label: r.label,
      publication: r.publication,
      ended: r.endDate < today,
      // Whether the course is live is the course's question, not the run's.
      problems: runPublishProblems(r, today),
    })),
  };
}

/** For the course page (the checklist and the dialogs): what each move would take along and what is missing. */
export async function getCoursePlan(db: DB, courseId: number, today = beijingToday()): Promise<CoursePlan | undefined> {
  return coursePlanIn(db, courseId, today);
}

/** How many of the course's runs residents can see now (a withdrawal would hide them). */
export function liveRunCount(plan: CoursePlan): number {
  return plan.runs.filter((r) => r.publication === 'published').length;
}

/** Moves that must say why (the school reads it; the audit keeps it). */
export const MOVES_NEEDING_NOTE: readonly Transition[] = ['return', 'withdraw'];

export type CourseMove = {
  course: Course;
  move: Transition;
  expectedVersion: number;
  actor: Actor;
  note: string;
  ip: string | undefined;
  today?: string;
};

/** Runs in one state, moved along with the course (each its own audit line). */
function moveRuns(db: DB, m: CourseMove, runs: { id: number }[], move: Transition, tail: string, note = '') {
  for (const { id } of runs) {
    const run = db.select().from(courseRuns).where(eq(courseRuns.id, id)).get();
    if (!run) continue;
    applyTransition(db, {
      entity: 'run',
      id,
      move,
      expectedVersion: run.version,
      actor: m.actor,
      resourceOf: () => ({ kind: 'run', providerId: m.course.providerId }),
      describe: (row) => describeRun(row, m.course.title),
      summaryTail: tail,
      note,
      ip: m.ip,
    });
  }
}

/**
 * Moves a course and what goes with it. Call inside the write transaction, after the gate has
 * loaded the course. Returns the course's new version and how many runs moved with it.
 */
export function moveCourse(db: DB, m: CourseMove): { version: number; runs: number } {
  const today = m.today ?? beijingToday();
  const note = m.note.trim();
  if (MOVES_NEEDING_NOTE.includes(m.move) && !note) throw new Invalid({ note: m.move === 'return' ? 'returnNoteNeeded' : 'withdrawReasonNeeded' });
  const plan = coursePlanIn(db, m.course.id, today)!;
  const inReview = plan.runs.filter((r) => r.publication === 'review');
  const going =
    m.move === 'submit'
      ? runsToSubmit(plan)
      : m.move === 'publish'
        ? runsToPublish(plan)
        : m.move === 'withdraw'
          ? plan.runs.filter((r) => r.publication === 'published')
          : m.move === 'return' || m.move === 'recall'
            ? inReview
            : [];
  const r = applyTransition(db, {
    entity: 'course',
    id: m.course.id,
    move: m.move,
    expectedVersion: m.expectedVersion,
    actor: m.actor,
    resourceOf: () => ({ kind: 'course', providerId: m.course.providerId }),
    // Submitting checks the runs it sends too, so the school sees every missing item at once.
    checkPublishable: (_db, _id, move) => (move === 'submit' ? submitProblems(plan) : plan.course),
    reindex: reindexCourse,
    describe: describeCourse,
    summaryTail: going.length > 0 && m.move !== 'archive' && m.move !== 'restore' ? `及其 ${going.length} 个班期` : '',
    note,
    ip: m.ip,
  });
  const tails: Partial<Record<Transition, string>> = {
    submit: '（随课程一起提交）',
    publish: '（随课程一起发布）',
    return: '（随课程退回）',
    recall: '（随课程撤回提交）',
    withdraw: '（随课程撤下）',
  };
  const tail = tails[m.move];
  if (tail) moveRuns(db, m, going, m.move, tail, m.move === 'return' || m.move === 'withdraw' ? note : '');
  return { version: r.version, runs: tail ? going.length : 0 };
}
