/**
 * Every admin write to a fair — the fair, its employers and positions, clone and lifecycle —
 * each in one transaction with its audit row (before and after) and the fair's search document.
 * Employer and position edits bump the fair's version, so a stale copy of the fair page cannot
 * overwrite them unseen. Each authorises again here with the record it loaded; `fairWrites` are
 * what the server actions run. Synchronous inside: a better-sqlite3 transaction holds no await.
 */
import { asc, eq } from 'drizzle-orm';
import type { DB } from '../../client';
import { courses, fairEmployers, fairPositions, fairs, places, type Fair } from '../../schema';
import { authorize, type Actor, type Transition } from '../../auth/permissions';
import { reindexFair } from '../../search/documents';
import { reindexFairPositions } from '../../search/position-documents';
import {
  employerDeleteSchema,
  employerSchema,
  fairCloneSchema,
  fairCreateSchema,
  fairTransitionSchema,
  fairUpdateSchema,
  positionDeleteSchema,
  positionSchema,
  recurrenceOf,
  FAIR_FIELD_LABELS,
  type EmployerInput,
  type FairInput,
  type PositionInput,
} from '../../validation/admin/fair';
import { recordAudit, snapshot, type AuditInput } from '../audit';
import { expectVersion } from '../conflict';
import { Invalid, NotFound } from '../errors';
import { applyTransition } from '../lifecycle';
import { writeTransaction } from '../tx';
import { unownedWriter, type Reconcile } from '../write';
import { checkFairPublishable, keepPublishable } from './edit';

const FAIR: { kind: 'fair' } = { kind: 'fair' };

export type AuditContext = { actor: Actor; ip?: string };

function describe(title: unknown) {
  return `招聘会《${String(title)}》`;
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

/**
 * How every change to a fair's employers or positions ends: the fair's version goes up (a form
 * open elsewhere then sees the change), a removal checks the fair may stay published, the audit
 * row is written against the fair, and the search index learns of it. The new version.
 */
function recordFairPartChange(
  db: DB,
  ctx: AuditContext,
  fair: Fair,
  change: Pick<AuditInput, 'summary' | 'before' | 'after'> & { action: 'create' | 'update' | 'delete' },
): number {
  const bumped = bump(db, fair);
  if (change.action === 'delete') keepPublishable(db, bumped);
  recordAudit(db, {
    actor: ctx.actor,
    action: change.action,
    entity: 'fair',
    entityId: fair.id,
    entityVersion: bumped.version,
    summary: change.summary,
    before: change.before,
    after: change.after,
    ip: ctx.ip,
  });
  reindexFair(db, fair.id);
  reindexFairPositions(db, fair.id);
  return bumped.version;
}

/**
 * A fair's editable fields in the form's parsed shape, from the input, the row or an audit
 * snapshot: the stored recurrence read as its days and times, an empty link or note as ''.
 */
function fairFieldsOf(s: Record<string, unknown>): Record<string, unknown> {
  const keys = ['title', 'type', 'organiser', 'placeId', 'startsAt', 'endsAt', 'status', 'description', 'howToAttend', 'contactPhone'];
  const out: Record<string, unknown> = Object.fromEntries(keys.filter((k) => k in s).map((k) => [k, s[k] ?? null]));
  for (const k of ['onlineUrl', 'statusNote']) if (k in s) out[k] = s[k] ?? '';
  if ('recurrence' in s) {
    const r = s.recurrence as { weekdays?: number[]; opens?: string; closes?: string } | null;
    Object.assign(out, { weekdays: r?.weekdays ?? [], opens: r?.opens ?? '', closes: r?.closes ?? '' });
  } else for (const k of ['weekdays', 'opens', 'closes']) if (k in s) out[k] = s[k];
  return out;
}

export function updateFair(
  db: DB,
  ctx: AuditContext & { reconcile?: Reconcile },
  sent: FairInput & { id: number; version: number },
): { version: number } {
  authorize(ctx.actor, 'edit', FAIR);
  return writeTransaction(db, () => {
    // Through the action: a save from an older version merges with the changes made since, or
    // is a conflict (a direct call without the write path keeps the plain version check).
    const now = db.select().from(fairs).where(eq(fairs.id, sent.id)).get();
    const input = now && ctx.reconcile ? ctx.reconcile({ entity: 'fair', id: now.id, currentVersion: now.version, current: now, fields: fairFieldsOf, labels: FAIR_FIELD_LABELS }, sent) : sent;
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
    const version = recordFairPartChange(db, ctx, fair, {
      action: before ? 'update' : 'create',
      summary: `${before ? '修改' : '添加'}${describe(fair.title)}的参展单位「${after.name}」`,
      before: before ? { employer: snapshot(before) } : { employer: null },
      after: { employer: snapshot(after) },
    });
    return { version, employerId: after.id };
  });
}

export function deleteEmployer(db: DB, ctx: AuditContext, input: { fairId: number; fairVersion: number; employerId: number }): { version: number } {
  authorize(ctx.actor, 'edit', FAIR);
  return writeTransaction(db, () => {
    const fair = lockFair(db, ctx, input.fairId, input.fairVersion);
    const e = employerOf(db, fair.id, input.employerId);
    const positions = db.select().from(fairPositions).where(eq(fairPositions.employerId, e.id)).orderBy(asc(fairPositions.id)).all();
    db.delete(fairEmployers).where(eq(fairEmployers.id, e.id)).run(); // positions go with it (cascade)
    const version = recordFairPartChange(db, ctx, fair, {
      action: 'delete',
      summary: `删除${describe(fair.title)}的参展单位「${e.name}」及其 ${positions.length} 个岗位`,
      before: { employer: { ...snapshot(e), positions: positions.map((p) => snapshot(p)) } },
      after: { employer: null },
    });
    return { version };
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
    const version = recordFairPartChange(db, ctx, fair, {
      action: before ? 'update' : 'create',
      summary: `${before ? '修改' : '添加'}${describe(fair.title)}中「${employer.name}」的岗位「${after.title}」`,
      before: { position: snapshot(before) },
      after: { position: snapshot(after) },
    });
    return { version, positionId: after.id };
  });
}

export function deletePosition(db: DB, ctx: AuditContext, input: { fairId: number; fairVersion: number; positionId: number }): { version: number } {
  authorize(ctx.actor, 'edit', FAIR);
  return writeTransaction(db, () => {
    const fair = lockFair(db, ctx, input.fairId, input.fairVersion);
    const p = positionOf(db, fair.id, input.positionId);
    db.delete(fairPositions).where(eq(fairPositions.id, p.id)).run();
    const version = recordFairPartChange(db, ctx, fair, {
      action: 'delete',
      summary: `删除${describe(fair.title)}的岗位「${p.title}」`,
      before: { position: snapshot(p) },
      after: { position: null },
    });
    return { version };
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
    reindexFairPositions(db, copy.id);
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

