/**
 * Job fairs in the admin console: the list (the public list's filters and WHERE builder in the
 * admin scope), the edit page's data, and every write — fair, employer, position, clone and
 * lifecycle — each in one transaction with its audit row (before and after) and the fair's
 * search document. Employer and position edits bump the fair's version, so a stale copy of the
 * fair page cannot overwrite them unseen.
 *
 * Every write authorises again here with the record it loaded; the server actions also check
 * first thing, since only 管理员 and 编辑 may touch fairs at all.
 */
import { asc, count, eq, inArray, or, sql } from 'drizzle-orm';
import * as zm from 'zod/mini';
import type { DB } from '../client';
import {
  courses,
  FAIR_STATUSES,
  fairEmployers,
  fairPositions,
  fairs,
  places,
  providers,
  PUBLICATION,
  streets,
  type Fair,
  type FairStatus,
  type FairType,
  type Publication,
} from '../schema';
import { authorize, availableTransitions, type Actor, type Transition } from '../auth/permissions';
import { reindexFair } from '../search/documents';
import { matchingIdsSql } from '../search';
import { beijingLocal } from '../domain/fair-dates';
import { employersWithPositions, fairConditions, fairOrder, type FairWhenScope } from '../queries/fairs';
import { pageWindow } from '../queries/search-page';
import { fairSearchShape } from '../validation/fair-search';
import { one, parseParams } from '../validation/search-params';
import {
  employerDeleteSchema,
  employerSchema,
  fairCloneSchema,
  fairCreateSchema,
  fairPublishProblems,
  fairTransitionSchema,
  fairUpdateSchema,
  positionDeleteSchema,
  positionSchema,
  recurrenceOf,
  type EmployerInput,
  type FairInput,
  type PositionInput,
} from '../validation/admin/fair';
import { recordAudit, snapshot } from './audit';
import { expectVersion } from './conflict';
import { Invalid, NotFound } from './errors';
import { applyTransition } from './lifecycle';
import { writeTransaction } from './tx';
import { unownedWriter } from './write';
import { FAIR_FIELD_LABELS } from '@/components/admin/fairs/strings';

const FAIR: { kind: 'fair' } = { kind: 'fair' };

export type AuditContext = { actor: Actor; ip?: string };

function describe(title: unknown) {
  return `招聘会《${String(title)}》`;
}

// ---------------------------------------------------------------------------
// The list
// ---------------------------------------------------------------------------

export const ADMIN_FAIR_WHEN = ['all', 'upcoming', 'past'] as const;
export const ADMIN_FAIR_PAGE_SIZE = 20;

const adminFairSearchShape = {
  q: fairSearchShape.q,
  type: fairSearchShape.type,
  street: fairSearchShape.street,
  date: fairSearchShape.date,
  when: one(zm.enum(ADMIN_FAIR_WHEN), 'all' as FairWhenScope),
  pub: one(zm.nullable(zm.enum(PUBLICATION)), null as Publication | null),
  status: one(zm.nullable(zm.enum(FAIR_STATUSES)), null as FairStatus | null),
  page: fairSearchShape.page,
};

/** Reads the admin list's query string; unreadable parameters fall back and are named. */
export function parseAdminFairSearch(input: Parameters<typeof parseParams>[0]) {
  return parseParams(input, adminFairSearchShape);
}
export type AdminFairSearch = ReturnType<typeof parseAdminFairSearch>['values'];

export function adminFairQuery(v: AdminFairSearch, page = v.page): string {
  const sp = new URLSearchParams();
  if (v.q) sp.set('q', v.q);
  if (v.type) sp.set('type', v.type);
  if (v.street !== null) sp.set('street', String(v.street));
  if (v.date) sp.set('date', v.date);
  if (v.when !== 'all') sp.set('when', v.when);
  if (v.pub) sp.set('pub', v.pub);
  if (v.status) sp.set('status', v.status);
  if (page > 1) sp.set('page', String(page));
  return sp.toString();
}

export type AdminFairRow = {
  id: number;
  title: string;
  type: FairType;
  publication: Publication;
  status: FairStatus;
  startsAt: string;
  endsAt: string;
  recurring: boolean;
  venue: string | null;
  online: boolean;
  employers: number;
  positions: number;
  updatedAt: Date;
};

/** One page of the admin list. The caller has checked the actor may view fairs. */
export function listAdminFairs(db: DB, v: AdminFairSearch, now: Date = new Date()) {
  const nowLocal = beijingLocal(now);
  const where = fairConditions(
    { type: v.type, street: v.street, date: v.date, when: v.when, matching: matchingIdsSql('fair', v.q) },
    nowLocal,
    { kind: 'admin', publication: v.pub, status: v.status },
  );
  const total = db.select({ n: count() }).from(fairs).where(where).get()?.n ?? 0;
  const pw = pageWindow(total, v.page, ADMIN_FAIR_PAGE_SIZE);
  const rows: AdminFairRow[] =
    total === 0
      ? []
      : db
          .select({
            id: fairs.id,
            title: fairs.title,
            type: fairs.type,
            publication: fairs.publication,
            status: fairs.status,
            startsAt: fairs.startsAt,
            endsAt: fairs.endsAt,
            recurring: sql<boolean>`${fairs.recurrence} is not null`.mapWith(Boolean),
            venue: places.name,
            online: sql<boolean>`${fairs.onlineUrl} is not null`.mapWith(Boolean),
            employers: sql<number>`(select count(*) from fair_employers e where e.fair_id = ${fairs.id})`,
            positions: sql<number>`(select count(*) from fair_positions p join fair_employers e on e.id = p.employer_id where e.fair_id = ${fairs.id})`,
            updatedAt: fairs.updatedAt,
          })
          .from(fairs)
          .leftJoin(places, eq(places.id, fairs.placeId))
          .where(where)
          .orderBy(...fairOrder(v.when, nowLocal))
          .limit(ADMIN_FAIR_PAGE_SIZE)
          .offset(pw.offset)
          .all();
  return { rows, total, page: pw.page, pageCount: pw.pageCount };
}

/** Streets for the list's 街镇 filter. */
export function streetOptions(db: DB) {
  return db.select({ id: streets.id, name: streets.name }).from(streets).orderBy(asc(streets.sort), asc(streets.id)).all();
}

// ---------------------------------------------------------------------------
// The edit page
// ---------------------------------------------------------------------------

export type VenueOption = { id: number; name: string; street: string | null; address: string };
export type CourseOption = { id: number; title: string; provider: string };

/**
 * Fair venues (places of kind venue) for the form's drop-down, plus the place a fair already
 * uses when that is another kind (a 短训快聘 fair held at a practice base), so saving keeps it.
 */
export function venueOptions(db: DB, keepPlaceId: number | null = null): VenueOption[] {
  return db
    .select({ id: places.id, name: places.name, street: streets.name, address: places.address })
    .from(places)
    .leftJoin(streets, eq(streets.id, places.streetId))
    .where(keepPlaceId === null ? eq(places.kind, 'venue') : or(eq(places.kind, 'venue'), eq(places.id, keepPlaceId)))
    .orderBy(asc(places.name))
    .all();
}

/** Published courses a position may point at (短训快聘), by title. */
export function publishedCourseOptions(db: DB): CourseOption[] {
  return db
    .select({ id: courses.id, title: courses.title, provider: providers.shortName })
    .from(courses)
    .innerJoin(providers, eq(providers.id, courses.providerId))
    .where(eq(courses.publication, 'published'))
    .orderBy(asc(courses.title), asc(courses.id))
    .all();
}

export type AdminPosition = {
  id: number;
  title: string;
  headcount: number;
  payMin: number | null;
  payMax: number | null;
  payUnit: 'month' | 'day' | 'hour';
  requirements: string;
  courseId: number | null;
  courseTitle: string | null;
  coursePublished: boolean;
};

export type AdminEmployer = {
  id: number;
  name: string;
  industry: string;
  intro: string;
  booth: string | null;
  positions: AdminPosition[];
};

export type AdminFair = Fair & { employers: AdminEmployer[]; moves: Transition[]; problems: Record<string, string> };

/** A fair with its employers and positions, for the edit page; null when there is none. */
export function loadAdminFair(db: DB, actor: Actor, id: number): AdminFair | null {
  const fair = db.select().from(fairs).where(eq(fairs.id, id)).get();
  if (!fair) return null;
  const { employers, positions } = employersWithPositions(db, id);
  return {
    ...fair,
    employers: employers.map((e) => ({
      ...e,
      positions: positions
        .filter((p) => p.employerId === e.id)
        .map(({ employerId: _e, coursePublication, ...p }) => ({ ...p, coursePublished: coursePublication === 'published' })),
    })),
    moves: availableTransitions(actor, fair.publication, FAIR),
    problems: checkFairPublishable(db, id),
  };
}

// ---------------------------------------------------------------------------
// Publishing rules
// ---------------------------------------------------------------------------

/** What the fair lacks before it may be published (field → message). */
export function checkFairPublishable(db: DB, id: number): Record<string, string> {
  const f = db.select().from(fairs).where(eq(fairs.id, id)).get();
  if (!f) return {};
  const counts = db
    .select({
      employers: sql<number>`count(distinct ${fairEmployers.id})`,
      positions: count(fairPositions.id),
    })
    .from(fairEmployers)
    .leftJoin(fairPositions, eq(fairPositions.employerId, fairEmployers.id))
    .where(eq(fairEmployers.fairId, id))
    .get();
  return fairPublishProblems({ ...f, employerCount: counts?.employers ?? 0, positionCount: counts?.positions ?? 0 });
}

/** A published fair is held to the publishing rules on every save: refuse a change that breaks them. */
function keepPublishable(db: DB, fair: Fair) {
  if (fair.publication !== 'published') return;
  const problems = checkFairPublishable(db, fair.id);
  if (Object.keys(problems).length > 0) throw new Invalid(problems, '这场招聘会已经发布，保存后它必须仍然完整。请先改正以下内容：');
}

// ---------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------

function venueProblem(db: DB, placeId: number | null, currentPlaceId: number | null = null): Record<string, string> {
  if (placeId === null || placeId === currentPlaceId) return {};
  const p = db.select({ kind: places.kind }).from(places).where(eq(places.id, placeId)).get();
  return p?.kind === 'venue' ? {} : { placeId: '请从列表中选择举办场地' };
}

function columnsOf(input: FairInput) {
  return {
    title: input.title,
    type: input.type,
    organiser: input.organiser,
    placeId: input.placeId,
    onlineUrl: input.onlineUrl === '' ? null : input.onlineUrl,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    recurrence: recurrenceOf(input),
    status: input.status,
    statusNote: input.status === 'scheduled' && input.statusNote === '' ? null : input.statusNote || null,
    description: input.description,
    howToAttend: input.howToAttend,
    contactPhone: input.contactPhone,
  };
}

export function createFair(db: DB, ctx: AuditContext, input: FairInput): { id: number; version: number } {
  authorize(ctx.actor, 'create', FAIR);
  return writeTransaction(db, () => {
    const problems = venueProblem(db, input.placeId);
    if (Object.keys(problems).length > 0) throw new Invalid(problems);
    const row = db.insert(fairs).values({ ...columnsOf(input), publication: 'draft', version: 1 }).returning().get();
    recordAudit(db, {
      actor: ctx.actor,
      action: 'create',
      entity: 'fair',
      entityId: row.id,
      entityVersion: row.version,
      summary: `新建${describe(row.title)}（草稿）`,
      before: null,
      after: snapshot(row),
      ip: ctx.ip,
    });
    reindexFair(db, row.id);
    return { id: row.id, version: row.version };
  });
}

/** Loads the fair, checks the actor may edit it and that the editor's copy is current. */
function lockFair(db: DB, ctx: AuditContext, id: number, expectedVersion: number): Fair {
  const fair = db.select().from(fairs).where(eq(fairs.id, id)).get();
  if (!fair) throw new NotFound('找不到这场招聘会，可能已被删除。');
  authorize(ctx.actor, 'edit', FAIR);
  expectVersion(db, 'fair', fair.id, fair.version, expectedVersion, FAIR_FIELD_LABELS);
  return fair;
}

function bump(db: DB, fair: Fair): Fair {
  return db
    .update(fairs)
    .set({ version: fair.version + 1, updatedAt: new Date() })
    .where(eq(fairs.id, fair.id))
    .returning()
    .get();
}

export function updateFair(db: DB, ctx: AuditContext, input: FairInput & { id: number; version: number }): { version: number } {
  authorize(ctx.actor, 'edit', FAIR);
  return writeTransaction(db, () => {
    const before = lockFair(db, ctx, input.id, input.version);
    const problems = venueProblem(db, input.placeId, before.placeId);
    if (Object.keys(problems).length > 0) throw new Invalid(problems);
    const after = db
      .update(fairs)
      .set({ ...columnsOf(input), version: before.version + 1, updatedAt: new Date() })
      .where(eq(fairs.id, before.id))
      .returning()
      .get();
    keepPublishable(db, after);
    recordAudit(db, {
      actor: ctx.actor,
      action: 'update',
      entity: 'fair',
      entityId: after.id,
      entityVersion: after.version,
      summary: `修改${describe(after.title)}`,
      before: snapshot(before),
      after: snapshot(after),
      ip: ctx.ip,
    });
    reindexFair(db, after.id);
    return { version: after.version };
  });
}

function employerOf(db: DB, fairId: number, employerId: number) {
  const e = db.select().from(fairEmployers).where(eq(fairEmployers.id, employerId)).get();
  if (!e || e.fairId !== fairId) throw new NotFound('找不到这家参展单位，可能已被删除。请刷新页面。');
  return e;
}

export function saveEmployer(db: DB, ctx: AuditContext, input: EmployerInput): { version: number; employerId: number } {
  authorize(ctx.actor, 'edit', FAIR);
  return writeTransaction(db, () => {
    const fair = lockFair(db, ctx, input.fairId, input.fairVersion);
    const values = { name: input.name, industry: input.industry, intro: input.intro, booth: input.booth === '' ? null : input.booth };
    let before = null;
    let after;
    if (input.employerId !== null) {
      before = employerOf(db, fair.id, input.employerId);
      after = db.update(fairEmployers).set(values).where(eq(fairEmployers.id, before.id)).returning().get();
    } else {
      after = db.insert(fairEmployers).values({ ...values, fairId: fair.id }).returning().get();
    }
    const bumped = bump(db, fair);
    recordAudit(db, {
      actor: ctx.actor,
      action: before ? 'update' : 'create',
      entity: 'fair',
      entityId: fair.id,
      entityVersion: bumped.version,
      summary: `${before ? '修改' : '添加'}${describe(fair.title)}的参展单位「${after.name}」`,
      before: before ? { employer: snapshot(before) } : { employer: null },
      after: { employer: snapshot(after) },
      ip: ctx.ip,
    });
    reindexFair(db, fair.id);
    return { version: bumped.version, employerId: after.id };
  });
}

export function deleteEmployer(db: DB, ctx: AuditContext, input: { fairId: number; fairVersion: number; employerId: number }): { version: number } {
  authorize(ctx.actor, 'edit', FAIR);
  return writeTransaction(db, () => {
    const fair = lockFair(db, ctx, input.fairId, input.fairVersion);
    const e = employerOf(db, fair.id, input.employerId);
    const positions = db.select().from(fairPositions).where(eq(fairPositions.employerId, e.id)).orderBy(asc(fairPositions.id)).all();
    db.delete(fairEmployers).where(eq(fairEmployers.id, e.id)).run(); // positions go with it (cascade)
    const bumped = bump(db, fair);
    keepPublishable(db, bumped);
    recordAudit(db, {
      actor: ctx.actor,
      action: 'delete',
      entity: 'fair',
      entityId: fair.id,
      entityVersion: bumped.version,
      summary: `删除${describe(fair.title)}的参展单位「${e.name}」及其 ${positions.length} 个岗位`,
      before: { employer: { ...snapshot(e), positions: positions.map((p) => snapshot(p)) } },
      after: { employer: null },
      ip: ctx.ip,
    });
    reindexFair(db, fair.id);
    return { version: bumped.version };
  });
}

function positionOf(db: DB, fairId: number, positionId: number) {
  const p = db
    .select({ position: fairPositions, fairId: fairEmployers.fairId })
    .from(fairPositions)
    .innerJoin(fairEmployers, eq(fairEmployers.id, fairPositions.employerId))
    .where(eq(fairPositions.id, positionId))
    .get();
  if (!p || p.fairId !== fairId) throw new NotFound('找不到这个岗位，可能已被删除。请刷新页面。');
  return p.position;
}

export function savePosition(db: DB, ctx: AuditContext, input: PositionInput): { version: number; positionId: number } {
  authorize(ctx.actor, 'edit', FAIR);
  return writeTransaction(db, () => {
    const fair = lockFair(db, ctx, input.fairId, input.fairVersion);
    const employer = employerOf(db, fair.id, input.employerId);
    const before = input.positionId !== null ? positionOf(db, fair.id, input.positionId) : null;
    if (input.courseId !== null && input.courseId !== before?.courseId) {
      const c = db.select({ publication: courses.publication }).from(courses).where(eq(courses.id, input.courseId)).get();
      if (c?.publication !== 'published') throw new Invalid({ courseId: '请从已发布的课程中选择对应的培训课程' });
    }
    const values = {
      employerId: employer.id,
      title: input.title,
      headcount: input.headcount,
      payMin: input.payMin,
      payMax: input.payMax,
      payUnit: input.payUnit,
      requirements: input.requirements,
      courseId: input.courseId,
    };
    const after = before
      ? db.update(fairPositions).set(values).where(eq(fairPositions.id, before.id)).returning().get()
      : db.insert(fairPositions).values(values).returning().get();
    const bumped = bump(db, fair);
    recordAudit(db, {
      actor: ctx.actor,
      action: before ? 'update' : 'create',
      entity: 'fair',
      entityId: fair.id,
      entityVersion: bumped.version,
      summary: `${before ? '修改' : '添加'}${describe(fair.title)}中「${employer.name}」的岗位「${after.title}」`,
      before: { position: snapshot(before) },
      after: { position: snapshot(after) },
      ip: ctx.ip,
    });
    reindexFair(db, fair.id);
    return { version: bumped.version, positionId: after.id };
  });
}

export function deletePosition(db: DB, ctx: AuditContext, input: { fairId: number; fairVersion: number; positionId: number }): { version: number } {
  authorize(ctx.actor, 'edit', FAIR);
  return writeTransaction(db, () => {
    const fair = lockFair(db, ctx, input.fairId, input.fairVersion);
    const p = positionOf(db, fair.id, input.positionId);
    db.delete(fairPositions).where(eq(fairPositions.id, p.id)).run();
    const bumped = bump(db, fair);
    keepPublishable(db, bumped);
    recordAudit(db, {
      actor: ctx.actor,
      action: 'delete',
      entity: 'fair',
      entityId: fair.id,
      entityVersion: bumped.version,
      summary: `删除${describe(fair.title)}的岗位「${p.title}」`,
      before: { position: snapshot(p) },
      after: { position: null },
      ip: ctx.ip,
    });
    reindexFair(db, fair.id);
    return { version: bumped.version };
  });
}

/**
 * A new draft fair like `id`, at new dates: every field, employer and position copied (a
 * market's weekly schedule too). The source is not changed.
 */
export function cloneFair(db: DB, ctx: AuditContext, input: { id: number; title: string; startsAt: string; endsAt: string }): { id: number } {
  authorize(ctx.actor, 'create', FAIR);
  return writeTransaction(db, () => {
    const src = db.select().from(fairs).where(eq(fairs.id, input.id)).get();
    if (!src) throw new NotFound('找不到要复制的招聘会，可能已被删除。');
    authorize(ctx.actor, 'view', FAIR);
    const { id: _id, createdAt: _c, updatedAt: _u, version: _v, publication: _p, ...fields } = src;
    const copy = db
      .insert(fairs)
      .values({ ...fields, title: input.title, startsAt: input.startsAt, endsAt: input.endsAt, publication: 'draft', version: 1 })
      .returning()
      .get();
    const employers = db.select().from(fairEmployers).where(eq(fairEmployers.fairId, src.id)).orderBy(asc(fairEmployers.id)).all();
    let positionCount = 0;
    for (const e of employers) {
      const { id: oldId, fairId: _f, ...eFields } = e;
      const ne = db.insert(fairEmployers).values({ ...eFields, fairId: copy.id }).returning({ id: fairEmployers.id }).get();
      const positions = db.select().from(fairPositions).where(eq(fairPositions.employerId, oldId)).orderBy(asc(fairPositions.id)).all();
      for (const p of positions) {
        const { id: _pid, employerId: _eid, ...pFields } = p;
        db.insert(fairPositions).values({ ...pFields, employerId: ne.id }).run();
        positionCount += 1;
      }
    }
    recordAudit(db, {
      actor: ctx.actor,
      action: 'create',
      entity: 'fair',
      entityId: copy.id,
      entityVersion: copy.version,
      summary: `复制${describe(src.title)}为新草稿${describe(copy.title)}（${employers.length} 家单位、${positionCount} 个岗位）`,
      before: null,
      after: { ...snapshot(copy), copiedFrom: src.id },
      ip: ctx.ip,
    });
    reindexFair(db, copy.id);
    return { id: copy.id };
  });
}

export function transitionFair(db: DB, ctx: AuditContext, input: { id: number; version: number; move: Transition }) {
  return applyTransition(db, {
    entity: 'fair',
    id: input.id,
    move: input.move,
    expectedVersion: input.version,
    actor: ctx.actor,
    resourceOf: () => FAIR,
    checkPublishable: checkFairPublishable,
    reindex: reindexFair,
    describe: (row) => describe(row.title),
    ip: ctx.ip,
  });
}

// ---------------------------------------------------------------------------
// Gated writes (what the server actions run)
// ---------------------------------------------------------------------------

/**
 * No 培训机构 or 驿站 account may touch a fair at all, so the role is asked before the input is
 * read; the writes above authorise again on the row they load.
 */
const fairWrite = unownedWriter(FAIR);

export const fairWrites = {
  create: fairWrite('fairs.create', 'create', fairCreateSchema, createFair),
  update: fairWrite('fairs.update', 'edit', fairUpdateSchema, updateFair),
  // The move itself is authorised by applyTransition() on the loaded fair.
  transition: fairWrite('fairs.transition', 'view', fairTransitionSchema, (db, ctx, data) => ({ version: transitionFair(db, ctx, data).version })),
  saveEmployer: fairWrite('fairs.employer.save', 'edit', employerSchema, saveEmployer),
  deleteEmployer: fairWrite('fairs.employer.delete', 'edit', employerDeleteSchema, deleteEmployer),
  savePosition: fairWrite('fairs.position.save', 'edit', positionSchema, savePosition),
  deletePosition: fairWrite('fairs.position.delete', 'edit', positionDeleteSchema, deletePosition),
  clone: fairWrite('fairs.clone', 'create', fairCloneSchema, cloneFair),
};

