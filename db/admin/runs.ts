/**
 * Runs (班期) of a course in the admin console: loading for the edit page and the writes
 * (create, update, clone, delete, lifecycle). A run belongs to its course's provider; every
 * write checks the actor against the course loaded from the database, the version, then
 * writes, audits (with certificates and target groups in the snapshots) and reindexes the
 * course in one transaction. Refusals are codes (./course-refusals.ts, the run schema's
 * RunProblem), worded by the actions (components/admin/courses/strings.ts).
 */
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import type { DB } from '../client';
import { courseRuns, courses, places, runCertificates, runTargetGroups, targetGroups, type CourseRun } from '../schema';
import { authorize, type Actor, type Resource } from '../auth/permissions';
import { reindexCourse } from '../search/documents';
import { addDays, beijingToday, daysBetween } from '../domain/time';
import { recordAudit, snapshot } from './audit';
import { expectVersion } from './conflict';
import { Invalid, StateError } from './errors';
import { applyTransition } from './lifecycle';
import { recordWriter, writer } from './write';
import { idKey, loadCourse, noteTransitionInput } from './courses';
import { describeRun, MOVES_NEEDING_NOTE } from './course-moves';
import { refused } from './course-refusals';
import { runCloneSchema, runCreateSchema, runPublishProblems, runUpdateSchema, type RunInput, type RunProblem } from '../validation/admin/run';
import { runEditableFields } from './run-fields';
import { recordId, version as versionField } from '../validation/admin/fields';
import { auditLog } from '../schema';

export function runResource(providerId: number | null): Resource {
  return { kind: 'run', providerId };
}

export function loadRun(db: DB, id: number): CourseRun | undefined {
  return db.select().from(courseRuns).where(eq(courseRuns.id, id)).get();
}

/** The provider that owns a run (through its course), or null if the course is gone. */
function ownerOf(db: DB, run: { courseId: number }): number | null {
  return db.select({ providerId: courses.providerId }).from(courses).where(eq(courses.id, run.courseId)).get()?.providerId ?? null;
}

export { describeRun };

/** Places a run of this provider's course may use: its own classrooms and practice bases, and shared ones. */
function placeOptionsIn(db: DB, providerId: number) {
  return db
    .select({ id: places.id, name: places.name, kind: places.kind, address: places.address })
    .from(places)
    .where(and(inArray(places.kind, ['classroom', 'practice_base']), or(eq(places.providerId, providerId), isNull(places.providerId))))
    .orderBy(asc(places.kind), asc(places.name))
    .all();
}

function targetGroupsIn(db: DB) {
  return db.select({ code: targetGroups.code, name: targetGroups.name }).from(targetGroups).orderBy(asc(targetGroups.sort)).all();
}

/** A run with its certificates and target groups, as the form and the audit snapshots see it. */
function withChildrenIn(db: DB, id: number) {
  const run = loadRun(db, id);
  if (!run) return undefined;
  const certificates = db
    .select({ kind: runCertificates.kind, name: runCertificates.name, issuer: runCertificates.issuer })
    .from(runCertificates)
    .where(eq(runCertificates.runId, id))
    .orderBy(asc(runCertificates.id))
    .all();
  const groups = db
    .select({ code: runTargetGroups.groupCode })
    .from(runTargetGroups)
    .where(eq(runTargetGroups.runId, id))
    .all()
    .map((g) => g.code)
    .sort();
  return { ...run, certificates, groups };
}

function runSnapshot(db: DB, id: number) {
  const r = withChildrenIn(db, id);
  return r ? snapshot(r) : null;
}

/** Places and groups must be ones this course may use. */
function referenceProblems(db: DB, providerId: number, data: Pick<RunInput, 'theoryPlaceId' | 'practicePlaceId' | 'groups'>): Record<string, string> {
  const out: Record<string, string> = {};
  const allowed = new Set(placeOptionsIn(db, providerId).map((p) => p.id));
  if (!allowed.has(data.theoryPlaceId)) out.theoryPlaceId = refused.theoryPlaceMissing;
  if (data.practicePlaceId !== null && !allowed.has(data.practicePlaceId)) out.practicePlaceId = refused.practicePlaceMissing;
  const known = new Set(targetGroupsIn(db).map((g) => g.code));
  if (data.groups.some((g) => !known.has(g))) out.groups = 'groupMissing' satisfies RunProblem;
  return out;
}

/** The audit row of a new run (created or copied), with its certificates and groups. */
function auditNewRun(db: DB, who: { actor: Actor; ip: string | undefined }, runId: number, summary: string) {
  recordAudit(db, { ...who, action: 'create', entity: 'run', entityId: runId, entityVersion: 1, summary, before: null, after: runSnapshot(db, runId) });
}

function columnsOf(data: RunInput | Omit<RunInput, 'courseId'>) {
  return {
    label: data.label,
    startDate: data.startDate,
    endDate: data.endDate,
    classDays: data.classDays.join(','),
    dailyStart: data.dailyStart,
    dailyEnd: data.dailyEnd,
    theoryPlaceId: data.theoryPlaceId,
    practicePlaceId: data.practicePlaceId,
    seats: data.seats,
    seatsLeft: data.seatsLeft,
    deadline: data.deadline,
    costType: data.costType,
    // A free run has no price; a self-paid one no subsidy.
    fee: data.costType === 'free' ? null : data.fee,
    subsidy: data.costType === 'subsidy' ? data.subsidy : null,
    contactName: data.contactName,
    contactPhone: data.contactPhone,
    note: data.note,
  };
}

function writeChildren(db: DB, runId: number, data: Pick<RunInput, 'certificates' | 'groups'>) {
  db.delete(runCertificates).where(eq(runCertificates.runId, runId)).run();
  db.delete(runTargetGroups).where(eq(runTargetGroups.runId, runId)).run();
  for (const c of data.certificates) db.insert(runCertificates).values({ runId, ...c }).run();
  for (const g of [...new Set(data.groups)]) db.insert(runTargetGroups).values({ runId, groupCode: g }).run();
}

/** How the gate finds the run a write is about, with the provider that owns it (through its course). */
const byRunId = {
  key: idKey,
  row: (db: DB, k: { id: number }) => {
    const run = loadRun(db, k.id);
    return run && { ...run, owner: ownerOf(db, run) };
  },
};

const runWrite = recordWriter(byRunId, (run) => runResource(run.owner));

/** The course a new run goes under. A malformed course id reads as 0, which no course has: NotFound, as it always was. */
const byCourseId = {
  key: z.object({ courseId: recordId }).loose().catch({ courseId: 0 }),
  row: (db: DB, k: { courseId: number }) => loadCourse(db, k.courseId),
  missing: refused.courseGone,
};

function checkReferences(db: DB, providerId: number, data: Pick<RunInput, 'theoryPlaceId' | 'practicePlaceId' | 'groups'>) {
  const problems = referenceProblems(db, providerId, data);
  if (Object.keys(problems).length) throw new Invalid(problems);
}

export const createRun = writer({
  name: 'run.create',
  permission: 'create',
  on: (course) => runResource(course!.providerId),
  schema: runCreateSchema,
  load: byCourseId,
  run: (db, { actor, ip, data, row: c }) => {
    checkReferences(db, c.providerId, data);
    if (c.publication === 'archived') throw new StateError(refused.courseArchivedNoRuns);
    const row = db
      .insert(courseRuns)
      .values({ courseId: c.id, ...columnsOf(data), publication: 'draft', version: 1 })
      .returning()
      .get();
    writeChildren(db, row.id, data);
    auditNewRun(db, { actor, ip }, row.id, `新建${describeRun(row, c.title)}（草稿）`);
    reindexCourse(db, c.id);
    return { id: row.id, version: 1 };
  },
});

export const updateRun = runWrite('run.update', 'edit', runUpdateSchema, (db, { actor, ip, data: sent, row: run, reconcile }) => {
  const id = run.id;
  if (run.publication === 'archived') throw new StateError(refused.runArchived);
  // A save from an older version merges with the changes made since (field by field), or is a conflict.
  const data = reconcile({ entity: 'run', id, currentVersion: run.version, current: withChildrenIn(db, id)!, fields: runEditableFields }, sent);
  checkReferences(db, run.owner ?? -1, data);
  if (run.publication === 'published') {
    // A live run must stay publishable: the stricter rules apply to every save.
    const live = runPublishProblems(columnsOf(data), beijingToday());
    delete live.endDate; // editing a finished run's details (a typo) stays possible
    if (Object.keys(live).length) throw new Invalid(live, refused.runLiveIncomplete);
  }
  const before = runSnapshot(db, id);
  const version = run.version + 1;
  db.update(courseRuns)
    .set({ ...columnsOf(data), version, updatedAt: new Date() })
    .where(eq(courseRuns.id, id))
    .run();
  writeChildren(db, id, data);
  const title = loadCourse(db, run.courseId)?.title;
  recordAudit(db, {
    actor,
    action: 'update',
    entity: 'run',
    entityId: id,
    entityVersion: version,
    summary: `修改${describeRun(data, title)}`,
    before,
    after: runSnapshot(db, id),
    ip,
  });
  reindexCourse(db, run.courseId);
  return { version, live: run.publication === 'published' };
});

/** Copies a run to new dates: same course, place, times, cost, certificates and groups; dates shifted, seats reset, a draft. */
export const cloneRun = runWrite('run.clone', 'create', runCloneSchema, (db, { actor, ip, data, row: run }) => {
  const src = withChildrenIn(db, run.id)!;
  const course = loadCourse(db, src.courseId)!;
  if (course.publication === 'archived') throw new StateError(refused.courseArchivedNoRuns);
  const shift = daysBetween(src.startDate, data.startDate);
  const row = db
    .insert(courseRuns)
    .values({
      courseId: src.courseId,
      label: data.label,
      startDate: data.startDate,
      endDate: addDays(src.endDate, shift),
      classDays: src.classDays,
      dailyStart: src.dailyStart,
      dailyEnd: src.dailyEnd,
      theoryPlaceId: src.theoryPlaceId,
      practicePlaceId: src.practicePlaceId,
      seats: src.seats,
      seatsLeft: src.seats,
      deadline: addDays(src.deadline, shift),
      costType: src.costType,
      fee: src.fee,
      subsidy: src.subsidy,
      contactName: src.contactName,
      contactPhone: src.contactPhone,
      note: src.note,
      publication: 'draft',
      version: 1,
    })
    .returning()
    .get();
  writeChildren(db, row.id, { certificates: src.certificates, groups: src.groups });
  auditNewRun(db, { actor, ip }, row.id, `复制${describeRun(src, course.title)}为新班期「${row.label}」（草稿）`);
  reindexCourse(db, src.courseId);
  return { id: row.id, courseId: src.courseId };
});

/** Whether a run ever went live (then it is withdrawn or archived, never deleted). */
function deletableIn(db: DB, run: CourseRun): boolean {
  if (run.publication !== 'draft' && run.publication !== 'review') return false;
  return (
    db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'run'), eq(auditLog.entityId, run.id), inArray(auditLog.action, ['publish', 'withdraw'])))
      .get() === undefined
  );
}

// Reads for the run pages (the writers above and below use the synchronous forms inside their
// transactions). The pages have checked the actor may see the run's course.

/** Places a run of this provider's course may use, for the run form. */
export async function runPlaceOptions(db: DB, providerId: number) {
  return placeOptionsIn(db, providerId);
}

/** Target groups in list order, for the run form. */
export async function targetGroupOptions(db: DB) {
  return targetGroupsIn(db);
}

/** A run with its certificates and target groups, for the edit form; undefined when there is none. */
export async function runWithChildren(db: DB, id: number) {
  return withChildrenIn(db, id);
}

/** Whether the run page offers 删除 (a run that never went live). */
export async function runDeletable(db: DB, run: CourseRun): Promise<boolean> {
  return deletableIn(db, run);
}

const idVersion = z.object({ id: recordId, version: versionField });

export const deleteRun = runWrite('run.delete', 'delete', idVersion, (db, { actor, ip, data, row: run }) => {
  const id = run.id;
  expectVersion(db, 'run', id, run.version, data.version);
  if (!deletableIn(db, run)) throw new StateError(refused.runNotDeletable);
  const before = runSnapshot(db, id);
  db.delete(courseRuns).where(eq(courseRuns.id, id)).run();
  const title = loadCourse(db, run.courseId)?.title;
  recordAudit(db, {
    actor,
    action: 'delete',
    entity: 'run',
    entityId: id,
    entityVersion: run.version + 1,
    summary: `删除草稿${describeRun(run, title)}`,
    before,
    after: null,
    ip,
  });
  reindexCourse(db, run.courseId);
  return { courseId: run.courseId };
});

/** The publish-time check of a stored run (field → message), its course included. */
export function checkRunPublishable(db: DB, id: number, today = beijingToday()): Record<string, string> {
  const run = loadRun(db, id);
  if (!run) return { label: refused.runNotFound };
  const out: Record<string, string> = runPublishProblems(run, today);
  const course = loadCourse(db, run.courseId);
  if (course?.publication !== 'published') out.course = courseAbsence(course);
  return out;
}

/** Why a run cannot go live under its course: never published yet, or taken off the site since. */
function courseAbsence(course: { publication: string; publishedAt: Date | null } | undefined) {
  return course?.publication === 'withdrawn' || (course && course.publication !== 'published' && course.publishedAt !== null)
    ? refused.courseWithdrawn
    : refused.courseNotPublished;
}

/** Lifecycle moves of a run; `today` is fixed by tests (publishing checks the run's dates against it). */
export function transitionRunOn(today?: string) {
  // Refuse a scoped account on someone else's run before looking at the rest of the input.
  return runWrite('run.transition', 'view', noteTransitionInput, (db, { actor, ip, data, row: first }) => {
    const id = first.id;
    if (data.move === 'publish') {
      // Say it plainly before anything else: a run cannot be live under a course residents cannot see.
      authorize(actor, 'publish', runResource(first.owner));
      const course = loadCourse(db, first.courseId);
      if (course && course.publication !== 'published') throw new StateError(courseAbsence(course));
    }
    if (MOVES_NEEDING_NOTE.includes(data.move) && !data.note.trim()) {
      authorize(actor, data.move, runResource(first.owner));
      throw new Invalid({ note: data.move === 'return' ? 'returnNoteNeeded' : 'withdrawReasonNeeded' });
    }
    const r = applyTransition(db, {
      entity: 'run',
      id,
      move: data.move,
      expectedVersion: data.version,
      actor,
      resourceOf: (row) => runResource(ownerOf(db, row as unknown as CourseRun)),
      // A submission is checked as publishing would check it, bar the course (it goes to review too).
      checkPublishable: (d, runId, move) => {
        const problems = checkRunPublishable(d, runId, today ?? beijingToday());
        if (move === 'submit') delete problems.course;
        return problems;
      },
      note: data.note,
      reindex: (d, runId) => {
        const run = loadRun(d, runId);
        if (run) reindexCourse(d, run.courseId);
      },
      describe: (row) => describeRun(row),
      ip,
    });
    return { version: r.version };
  });
}

export const transitionRun = transitionRunOn();
