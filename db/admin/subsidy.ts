/**
 * 补贴规则 in the admin console: create, update, delete, activate/deactivate and move up/down.
 * Each write is gated (./write.ts): the permission ({ kind: 'subsidy' }: 管理员 only) before the
 * input is read; then it checks the version the admin started from and writes the change with
 * its audit row in one transaction. Nothing else needs re-indexing: the public pages read the rules per request.
 */
import { asc, eq } from 'drizzle-orm';
import type { DB } from '../client';
import { subsidyRules, type SubsidyRule } from '../schema';
import type { Actor } from '../auth/permissions';
import {
  subsidyRuleActiveSchema,
  subsidyRuleCreateSchema,
  subsidyRuleMoveSchema,
  subsidyRuleRefSchema,
  subsidyRuleUpdateSchema,
  type SubsidyProblem,
} from '../validation/admin/subsidy';
import { recordAudit, snapshot } from './audit';
import { expectVersion } from './conflict';
import { NotFound } from './errors';
import { unownedWriter } from './write';

export type SubsidyContext = { actor: Actor; ip?: string };

const RESOURCE = { kind: 'subsidy' } as const;

/** 管理员 only (编辑 reads): the permission is asked before the input is read. */
const subsidyWrite = unownedWriter(RESOURCE);

function load(db: DB, id: number): SubsidyRule {
  const row = db.select().from(subsidyRules).where(eq(subsidyRules.id, id)).get();
  if (!row) throw new NotFound('ruleMissing' satisfies SubsidyProblem);
  return row;
}

function audit(db: DB, ctx: SubsidyContext, action: 'create' | 'update' | 'delete', summary: string, before: SubsidyRule | null, after: SubsidyRule | null) {
  const row = (after ?? before)!;
  recordAudit(db, {
    actor: ctx.actor,
    action,
    entity: 'subsidy_rule',
    entityId: row.id,
    entityVersion: row.version,
    summary,
    before: snapshot(before),
    after: snapshot(after),
    ip: ctx.ip,
  });
}

/** One rule for its edit page, or null. The caller has checked the actor may view rules. */
export async function loadSubsidyRule(db: DB, id: number): Promise<SubsidyRule | null> {
  return db.select().from(subsidyRules).where(eq(subsidyRules.id, id)).get() ?? null;
}

export const createSubsidyRule = subsidyWrite('subsidy.create', 'create', subsidyRuleCreateSchema, (db, ctx, data): { id: number; version: number } => {
  const last = db.select({ sort: subsidyRules.sort }).from(subsidyRules).orderBy(asc(subsidyRules.sort)).all().at(-1)?.sort ?? 0;
  const row = db
    .insert(subsidyRules)
    .values({ ...data, sort: last + 10, version: 1 })
    .returning()
    .get();
  audit(db, ctx, 'create', `新建补贴规则「${row.title}」`, null, row);
  return { id: row.id, version: row.version };
});

export const updateSubsidyRule = subsidyWrite('subsidy.update', 'edit', subsidyRuleUpdateSchema, (db, ctx, sent): { version: number } => {
  const before = load(db, sent.id);
  // From an older version: merged with the changes made since, field by field, or a conflict.
  const data = ctx.reconcile({ entity: 'subsidy_rule', id: before.id, currentVersion: before.version, current: before }, sent);
  const { id, version: _v, ...fields } = data;
  const after = db
    .update(subsidyRules)
    .set({ ...fields, version: before.version + 1, updatedAt: new Date() })
    .where(eq(subsidyRules.id, id))
    .returning()
    .get();
  audit(db, ctx, 'update', `修改补贴规则「${after.title}」`, before, after);
  return { version: after.version };
});

export const setSubsidyRuleActive = subsidyWrite('subsidy.active', 'edit', subsidyRuleActiveSchema, (db, ctx, data): { version: number; active: boolean } => {
  const before = load(db, data.id);
  expectVersion(db, 'subsidy_rule', before.id, before.version, data.version);
  const after = db
    .update(subsidyRules)
    .set({ active: data.active, version: before.version + 1, updatedAt: new Date() })
    .where(eq(subsidyRules.id, before.id))
    .returning()
    .get();
  audit(db, ctx, 'update', `${data.active ? '启用' : '停用'}补贴规则「${after.title}」`, before, after);
  return { version: after.version, active: after.active };
});

/**
 * Swaps the rule with its neighbour above or below (in check order). Both rows get new
 * versions and audit rows; at the top or bottom nothing changes. Sorts are renumbered 10, 20, …
 * first so equal sorts never make a move a no-op.
 */
export const moveSubsidyRule = subsidyWrite('subsidy.move', 'edit', subsidyRuleMoveSchema, (db, ctx, data): { moved: boolean } => {
  const target = load(db, data.id);
  expectVersion(db, 'subsidy_rule', target.id, target.version, data.version);
  const all = db.select().from(subsidyRules).orderBy(asc(subsidyRules.sort), asc(subsidyRules.id)).all();
  const i = all.findIndex((r) => r.id === target.id);
  const j = data.direction === 'up' ? i - 1 : i + 1;
  if (j < 0 || j >= all.length) return { moved: false };
  [all[i], all[j]] = [all[j]!, all[i]!];
  const now = new Date();
  all.forEach((row, k) => {
    const sort = (k + 1) * 10;
    if (row.sort === sort) return;
    const after = db
      .update(subsidyRules)
      .set({ sort, version: row.version + 1, updatedAt: now })
      .where(eq(subsidyRules.id, row.id))
      .returning()
      .get();
    audit(db, ctx, 'update', `调整补贴规则「${after.title}」的顺序（第 ${k + 1} 条）`, row, after);
  });
  return { moved: true };
});

export const deleteSubsidyRule = subsidyWrite('subsidy.delete', 'delete', subsidyRuleRefSchema, (db, ctx, data): { id: number } => {
  const before = load(db, data.id);
  expectVersion(db, 'subsidy_rule', before.id, before.version, data.version);
  db.delete(subsidyRules).where(eq(subsidyRules.id, before.id)).run();
  audit(db, ctx, 'delete', `删除补贴规则「${before.title}」`, before, null);
  return { id: before.id };
});
