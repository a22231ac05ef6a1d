/**
 * What the course and run pages say about each lifecycle move before it is sent: the checklist of
 * what is missing (each item a link to the field), which runs go live with the course, what a
 * withdrawal takes down, and the notes 退回修改 and 撤下 need. Built on the server from the
 * course's plan (db/admin/course-moves.ts); the buttons (components/admin/lifecycle-buttons.tsx) show it.
 */
import type { Transition } from '@/db/auth/permissions';
import { runsLeftBehind, runsToPublish, runsToSubmit, submitProblems, liveRunCount, type CoursePlan } from '@/db/admin/course-moves';
import type { MoveAsk } from '../lifecycle-buttons';
import { fieldId } from '../field-id';
import { fieldMessage } from '../field-words';
import { COURSE_FIELD_LABELS, COURSE_WORDS, RUN_FIELD_LABELS, RUN_WORDS, courseRefusals, ct } from './strings';

type Asks = Partial<Record<Transition, MoveAsk>>;

const label = (labels: Record<string, string>, field: string) => labels[field] ?? field;

/** 退回修改 and 撤下 ask why, for a course and a run alike. */
const NOTES: Asks = {
  return: { note: { ...ct.returnNote, missing: courseRefusals.returnNoteNeeded } },
  withdraw: { note: { ...ct.withdrawNote, missing: courseRefusals.withdrawReasonNeeded } },
};

/** The checklist for a move: the course's fields on this page, each run's on its own page. */
function checklist(courseId: number, plan: CoursePlan, problems: Record<string, string>) {
  const runs = new Map(plan.runs.map((r) => [r.id, r.label]));
  return Object.entries(problems).map(([key, code]) => {
    const m = /^runs\.(\d+)\.(.+)$/.exec(key);
    if (!m) {
      return { href: `#${fieldId(key)}`, text: ct.checklistCourse(label(COURSE_FIELD_LABELS, key), fieldMessage(code, key, COURSE_WORDS)) };
    }
    const [, runId, field] = m as unknown as [string, string, string];
    return {
      href: `/admin/courses/${courseId}/runs/${runId}#${fieldId(field)}`,
      text: ct.checklistRun(runs.get(Number(runId)) ?? '', label(RUN_FIELD_LABELS, field), fieldMessage(code, field, RUN_WORDS)),
    };
  });
}

/** What each move of a course says first. */
export function courseMoveAsks(courseId: number, plan: CoursePlan): Asks {
  const going = runsToPublish(plan);
  return {
    ...NOTES,
    submit: { help: ct.submitHelp(runsToSubmit(plan).length), blockers: checklist(courseId, plan, submitProblems(plan)) },
    publish: {
      blockers: checklist(courseId, plan, plan.course),
      warnings: [going.length > 0 ? ct.publishWith(going.map((r) => r.label)) : ct.publishNoRun, ...runsLeftBehind(plan).map((r) => ct.publishLeft(r.label, r.ended))],
    },
    withdraw: { ...NOTES.withdraw, warnings: ct.withdrawWarnings({ liveRuns: liveRunCount(plan) }) },
  };
}

/** What each move of a run says first: a submission's checklist links to this run's fields. */
export function runMoveAsks(courseId: number, plan: CoursePlan | undefined, runId: number, onRunPage: boolean): Asks {
  const run = plan?.runs.find((r) => r.id === runId);
  if (!run) return NOTES;
  const page = onRunPage ? '' : `/admin/courses/${courseId}/runs/${runId}`;
  const blockers = Object.entries(run.problems).map(([field, code]) => ({
    href: `${page}#${fieldId(field)}`,
    text: ct.checklistCourse(label(RUN_FIELD_LABELS, field), fieldMessage(code, field, RUN_WORDS)),
  }));
  return { ...NOTES, submit: { blockers } };
}
