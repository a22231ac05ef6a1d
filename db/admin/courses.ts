/**
 * Courses in the admin console: who sees which, loading for the edit page, and the writes
 * (create, update, delete, lifecycle). Each write checks the actor against the record loaded
 * from the database, checks the version, writes, audits with before/after and reindexes, all
 * in one transaction. Runs (班期) live in ./runs.ts. Refusals are codes (./course-refusals.ts,
 * the course schema's CourseProblem), worded by the actions (components/admin/courses/strings.ts).
 *
 * The writes are gated by writer() (./write.ts): the record is loaded and the actor authorised
 * on it before the rest of the input is read; app/admin/(console)/courses/actions.ts makes each
 * into a server action with adminAction().
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DB } from '../client';
import { auditLog, courseRuns, courses, occupationLevels, occupations, places, providers, streets, targetGroups, type Course } from '../schema';
import { authorize, TRANSITIONS, type Actor, type Resource, type Transition } from '../auth/permissions';
import { reindexCourse } from '../search/documents';
import { levelLabel } from '../domain/labels-courses';
import { providerLabel, providerPick } from '../domain/pick-options';
import { recordAudit, snapshot } from './audit';
import { expectVersion } from './conflict';
import { Invalid, StateError } from './errors';
import { describeCourse, moveCourse } from './course-moves';
import { recordWriter, writer } from './write';
import { refused } from './course-refusals';
import { courseCreateSchema, coursePublishProblems, courseUpdateSchema, type CourseInput } from '../validation/admin/course';
import { recordId, version as versionField } from '../validation/admin/fields';
import { z } from 'zod';

/** Who owns a course, as the permission table asks. */
export function courseResource(c: { providerId: number }): Resource {
  return { kind: 'course', providerId: c.providerId };
}

export { describeCourse };

/** Occupations with the levels each certifies, and the providers (for the course form). */
export function courseFormOptions(db: DB, actor: Actor) {
  const occ = db.select({ id: occupations.id, name: occupations.name }).from(occupations).orderBy(asc(occupations.sort), asc(occupations.id)).all();
  const levels = db.select().from(occupationLevels).all();
  const prov = db
    .select({ id: providers.id, name: providers.name, shortName: providers.shortName })
    .from(providers)
    .where(actor.role === 'provider' ? eq(providers.id, actor.providerId ?? -1) : undefined)
    .orderBy(asc(providers.id))
    .all();
  return {
    occupations: occ.map((o) => ({
      ...o,
      levels: levels
        .filter((l) => l.occupationId === o.id)
        .map((l) => l.level)
        .sort((a, b) => b - a)
        .map((l) => ({ value: l, label: levelLabel(l) })),
    })),
    providers: prov.map((p) => ({ id: p.id, name: providerLabel(p) })),
    /** The same providers as searchable choices (components/admin/combobox.tsx). */
    providerPicks: prov.map(providerPick),
  };
}

export type CourseOptions = ReturnType<typeof courseFormOptions>;

export function loadCourse(db: DB, id: number): Course | undefined {
  return db.select().from(courses).where(eq(courses.id, id)).get();
}

/** Whether a course or run was ever live (published at some point): then it is withdrawn or archived, never deleted. */
function everPublished(db: DB, entity: 'course' | 'run', id: number): boolean {
  return (
    db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, id), inArray(auditLog.action, ['publish', 'withdraw'])))
      .get() !== undefined
  );
}

/** A course may be deleted only while it is a draft that never went live, with no run that did. */
export function courseDeletable(db: DB, c: Course): boolean {
  if (c.publication !== 'draft' || c.publishedAt !== null || everPublished(db, 'course', c.id)) return false;
  const runs = db.select({ id: courseRuns.id, publication: courseRuns.publication }).from(courseRuns).where(eq(courseRuns.courseId, c.id)).all();
  return runs.every((r) => (r.publication === 'draft' || r.publication === 'review') && !everPublished(db, 'run', r.id));
}

/** Problems with the occupation/level/provider choice (these need the database). */
function referenceProblems(db: DB, data: CourseInput): Record<string, string> {
  const out: Record<string, string> = {};
  const occ = db.select({ id: occupations.id }).from(occupations).where(eq(occupations.id, data.occupationId)).get();
  if (!occ) out.occupationId = refused.occupationMissing;
  else if (!db.select().from(occupationLevels).where(and(eq(occupationLevels.occupationId, data.occupationId), eq(occupationLevels.level, data.level))).get())
    out.level = refused.levelNotOffered;
  if (!db.select({ id: providers.id }).from(providers).where(eq(providers.id, data.providerId)).get()) out.providerId = refused.providerMissing;
  return out;
}

/** The provider id an input names, read before full validation so ownership is checked first. */
function rawProviderId(input: unknown): number | null {
  const v = (input as { providerId?: unknown } | null)?.providerId;
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
}

const idVersion = z.object({ id: recordId, version: versionField });
export const transitionInput = z.object({ id: recordId, version: versionField, move: z.enum(Object.keys(TRANSITIONS) as [Transition, ...Transition[]], { error: refused.unknownMove }) });
/** A move with its reason (退回修改 and 撤下 need one; the others ignore it). */
export const noteTransitionInput = transitionInput.extend({ note: z.string().max(500, 'too_long:500').optional().default('') });

/**
 * The id a raw input names. A missing or malformed id reads as id 0, which no row has, so it is
 * refused as NotFound (as it always was) rather than as a form error.
 */
export const idKey = z.object({ id: recordId }).loose().catch({ id: 0 });

/** How the gate finds the course a write is about. */
const byCourseId = { key: idKey, row: (db: DB, k: { id: number }) => loadCourse(db, k.id) };

const courseWrite = recordWriter(byCourseId, courseResource);

function checkReferences(db: DB, data: CourseInput) {
  const problems = referenceProblems(db, data);
  if (Object.keys(problems).length) throw new Invalid(problems);
}

export const createCourse = writer({
  name: 'course.create',
  permission: 'create',
  // Ownership first: a 培训机构 account may only create for its own provider.
  on: (_row, input) => ({ kind: 'course', providerId: rawProviderId(input) }),
  schema: courseCreateSchema,
  run: (db, { actor, ip, data }) => {
    checkReferences(db, data);
    const row = db
      .insert(courses)
      .values({ ...data, publication: 'draft', version: 1 })
      .returning()
      .get();
    recordAudit(db, {
      actor,
      action: 'create',
      entity: 'course',
      entityId: row.id,
      entityVersion: row.version,
      summary: `新建${describeCourse(row)}（草稿）`,
      before: null,
      after: snapshot(row),
      ip,
    });
    reindexCourse(db, row.id);
    return { id: row.id, version: row.version };
  },
});

// Moving a course to another provider needs the right over that provider too.
export const updateCourse = courseWrite('course.update', 'edit', courseUpdateSchema, (db, { actor, ip, data: sent, row: before, reconcile }) => {
  const id = before.id;
  if (before.publication === 'archived') throw new StateError(refused.courseArchived);
  // A save from an older version merges with the changes made since (field by field), or is a conflict.
  const data = reconcile({ entity: 'course', id, currentVersion: before.version, current: before }, sent);
  checkReferences(db, data);
  const { id: _id, version: _v, ...fields } = data;
  const version = before.version + 1;
  db.update(courses)
    .set({ ...fields, version, updatedAt: new Date() })
    .where(eq(courses.id, id))
    .run();
  const after = loadCourse(db, id)!;
  recordAudit(db, {
    actor,
    action: 'update',
    entity: 'course',
    entityId: id,
    entityVersion: version,
    summary: `修改${describeCourse(after)}`,
    before: snapshot(before),
    after: snapshot(after),
    ip,
  });
  reindexCourse(db, id);
  return { version, live: before.publication === 'published' };
}, { authorize: (actor, data) => authorize(actor, 'edit', { kind: 'course', providerId: data.providerId }) });

export const deleteCourse = courseWrite('course.delete', 'delete', idVersion, (db, { actor, ip, data, row: before }) => {
  const id = before.id;
  expectVersion(db, 'course', id, before.version, data.version);
  if (!courseDeletable(db, before))
    throw new StateError(refused.courseNotDeletable);
  const runs = db.select().from(courseRuns).where(eq(courseRuns.courseId, id)).all();
  db.delete(courses).where(eq(courses.id, id)).run();
  recordAudit(db, {
    actor,
    action: 'delete',
    entity: 'course',
    entityId: id,
    entityVersion: before.version + 1,
    summary: `删除草稿${describeCourse(before)}${runs.length ? `及其 ${runs.length} 个班期` : ''}`,
    before: { ...snapshot(before), runs: runs.map((r) => snapshot(r)) },
    after: null,
    ip,
  });
  reindexCourse(db, id);
  return {};
});

/** The publish-time check of a stored course (field → message). */
export function checkCoursePublishable(db: DB, id: number): Record<string, string> {
  const c = loadCourse(db, id);
  if (!c) return { title: refused.courseNotFound };
  const certified = db.select().from(occupationLevels).where(and(eq(occupationLevels.occupationId, c.occupationId), eq(occupationLevels.level, c.level))).get();
  return coursePublishProblems(c, certified !== undefined);
}

/**
 * Lifecycle moves of a course, its runs moving with it (./course-moves.ts); `today` is fixed by
 * tests. A scoped account is refused on someone else's course before the rest of the input is
 * read; applyTransition() then asks for the move itself.
 */
export function transitionCourseOn(today?: string) {
  return courseWrite('course.transition', 'view', noteTransitionInput, (db, { actor, ip, data, row }) =>
    moveCourse(db, { course: row, move: data.move, expectedVersion: data.version, actor, note: data.note, ip, today }),
  );
}

export const transitionCourse = transitionCourseOn();

/** The choices the admin list's filters offer. */
export function courseListLookups(db: DB) {
  return {
    occupations: db.select({ id: occupations.id, name: occupations.name }).from(occupations).orderBy(asc(occupations.sort), asc(occupations.id)).all(),
    providers: db
      .select({ id: providers.id, name: providers.name, shortName: providers.shortName })
      .from(providers)
      .orderBy(asc(providers.id))
      .all()
      .map(providerPick),
    streets: db.select({ id: streets.id, name: streets.name }).from(streets).orderBy(asc(streets.sort), asc(streets.id)).all(),
    groups: db.select({ code: targetGroups.code, name: targetGroups.name }).from(targetGroups).orderBy(asc(targetGroups.sort)).all(),
  };
}

/** A course's runs for its edit page, latest start first, with their theory place's name. */
export function courseRunList(db: DB, courseId: number) {
  return db
    .select({
      id: courseRuns.id,
      label: courseRuns.label,
      startDate: courseRuns.startDate,
      endDate: courseRuns.endDate,
      deadline: courseRuns.deadline,
      seats: courseRuns.seats,
      seatsLeft: courseRuns.seatsLeft,
      costType: courseRuns.costType,
      fee: courseRuns.fee,
      subsidy: courseRuns.subsidy,
      publication: courseRuns.publication,
      version: courseRuns.version,
      place: places.name,
    })
    .from(courseRuns)
    .innerJoin(places, eq(places.id, courseRuns.theoryPlaceId))
    .where(eq(courseRuns.courseId, courseId))
    .orderBy(desc(courseRuns.startDate), asc(courseRuns.id))
    .all();
}
