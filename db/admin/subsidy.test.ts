/**
 * 补贴规则 writers against the seeded sample data: 管理员 only, input checked, versions
 * compared, order moves, activate/deactivate, delete — each with its audit row.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { useSeededTestDb } from '@/db/test-helpers';
import { auditLog, subsidyRules, users } from '@/db/schema';
import { Forbidden, type Actor } from '@/db/auth/permissions';
import { subsidyRuleCreateSchema } from '@/db/validation/admin/subsidy';
import { Conflict, Invalid, NotFound } from './errors';
import { listSubsidyRules } from '@/db/queries/subsidy';

const db = useSeededTestDb();
type Mod = typeof import('./subsidy');
const admin: Actor = { id: 1, username: 'admin', displayName: '管理员', role: 'admin', providerId: null, stationId: null };
const editor: Actor = { id: 2, username: 'editor', displayName: '编辑', role: 'editor', providerId: null, stationId: null };
const kangxin: Actor = { id: 3, username: 'kangxin', displayName: '康馨', role: 'provider', providerId: 4, stationId: null };
let m: Mod;
before(async () => {
  for (const a of [admin, editor, kangxin]) {
    db.insert(users).values({ id: a.id, username: a.username, displayName: a.displayName, passwordHash: 'not-a-hash', role: a.role, providerId: a.providerId, stationId: a.stationId }).run();
  }
  m = await import('./subsidy');
});

const form = {
  title: '测试规则',
  outcome: 'free',
  explanation: '说明',
  runCostTypes: ['subsidy', 'free'],
  residency: 'hukou',
  minAge: '18',
  maxAge: '',
  workStatuses: 'retired',
  matchRunTargetGroup: false,
  requireLevelUp: 'on',
  active: true,
};
const audits = (id: number) => db.select().from(auditLog).where(and(eq(auditLog.entity, 'subsidy_rule'), eq(auditLog.entityId, id))).all();
const snapshotDb = () => JSON.stringify(db.all(sql`SELECT * FROM subsidy_rules ORDER BY id`));

describe('subsidy rules: schema', () => {
  it('normalises the lists to comma lists in a fixed order and reads empty ages as none', async () => {
    const r = subsidyRuleCreateSchema.parse(form);
    assert.equal(r.runCostTypes, 'free,subsidy');
    assert.equal(r.workStatuses, 'retired');
    assert.equal(r.minAge, 18);
    assert.equal(r.maxAge, null);
    assert.equal(r.requireLevelUp, true);
    assert.equal(r.matchRunTargetGroup, false);
  });

  it('refuses unknown values, a reversed age range and a missing title, each with its code (worded in components/subsidy/rule-words.test.ts)', async () => {
    const r = subsidyRuleCreateSchema.safeParse({ ...form, title: ' ', outcome: 'self', runCostTypes: ['gift'], workStatuses: 'boss', minAge: '60', maxAge: '16', residency: 'x' });
    assert.equal(r.success, false);
    const codes = Object.fromEntries(r.error!.issues.map((i) => [String(i.path[0]), i.message]));
    assert.deepEqual(codes, { title: 'required', outcome: 'outcome', runCostTypes: 'costTypes', workStatuses: 'workStatuses', residency: 'residency' });
    const ages = subsidyRuleCreateSchema.safeParse({ ...form, minAge: '60', maxAge: '16' });
    assert.equal(ages.error?.issues[0]?.path[0], 'maxAge');
  });
});

describe('subsidy rules: writers', () => {
  it('管理员 creates a rule at the end of the order, audited', async () => {
    const before = await listSubsidyRules(db);
    const r = m.createSubsidyRule(db, admin, form);
    const after = await listSubsidyRules(db);
    assert.equal(after.at(-1)!.id, r.id);
    assert.ok(after.at(-1)!.sort > before.at(-1)!.sort);
    assert.equal(audits(r.id)[0]?.action, 'create');
  });

  it('编辑 and 培训机构 are refused every write and nothing changes', async () => {
    const rule = (await listSubsidyRules(db))[0]!;
    const snap = snapshotDb();
    for (const actor of [editor, kangxin]) {
      assert.throws(() => m.createSubsidyRule(db, actor, form), Forbidden);
      assert.throws(() => m.updateSubsidyRule(db, actor, { ...form, id: rule.id, version: rule.version }), Forbidden);
      assert.throws(() => m.setSubsidyRuleActive(db, actor, { id: rule.id, version: rule.version, active: false }), Forbidden);
      assert.throws(() => m.moveSubsidyRule(db, actor, { id: rule.id, version: rule.version, direction: 'down' }), Forbidden);
      assert.throws(() => m.deleteSubsidyRule(db, actor, { id: rule.id, version: rule.version }), Forbidden);
    }
    assert.equal(snapshotDb(), snap);
  });

  it('updates with the version seen; a stale version is a conflict naming who changed it', async () => {
    const { id } = m.createSubsidyRule(db, admin, { ...form, title: '改名前' });
    const r1 = m.updateSubsidyRule(db, admin, { ...form, id, version: 1, title: '改名后', maxAge: '50' });
    assert.equal(r1.version, 2);
    const row = db.select().from(subsidyRules).where(eq(subsidyRules.id, id)).get()!;
    assert.equal(row.title, '改名后');
    assert.equal(row.maxAge, 50);
    const snap = snapshotDb();
    assert.throws(
      () => m.updateSubsidyRule(db, admin, { ...form, id, version: 1, title: '过期' }),
      (e: unknown) => e instanceof Conflict && e.info.changes[0]?.by === admin.displayName,
    );
    assert.equal(snapshotDb(), snap);
    assert.throws(() => m.updateSubsidyRule(db, admin, { ...form, id: 999999, version: 1 }), NotFound);
    assert.throws(() => m.updateSubsidyRule(db, admin, { ...form, id, version: 2, title: '' }), Invalid);
  });

  it('activates and deactivates', async () => {
    const { id } = m.createSubsidyRule(db, admin, form);
    const off = m.setSubsidyRuleActive(db, admin, { id, version: 1, active: false });
    assert.deepEqual(off, { version: 2, active: false });
    assert.equal(m.setSubsidyRuleActive(db, admin, { id, version: 2, active: 'true' }).active, true);
    assert.match(audits(id).at(-1)!.summary, /启用/);
  });

  it('moves a rule up and down by swapping with its neighbour; the ends do nothing', async () => {
    const order = async () => (await listSubsidyRules(db)).map((r) => r.id);
    const start = await order();
    const second = (await listSubsidyRules(db))[1]!;
    assert.deepEqual(m.moveSubsidyRule(db, admin, { id: second.id, version: second.version, direction: 'up' }), { moved: true });
    const moved = await order();
    assert.equal(moved[0], second.id);
    assert.equal(moved[1], start[0]);
    const top = (await listSubsidyRules(db))[0]!;
    assert.deepEqual(m.moveSubsidyRule(db, admin, { id: top.id, version: top.version, direction: 'up' }), { moved: false });
    assert.throws(() => m.moveSubsidyRule(db, admin, { id: top.id, version: top.version, direction: 'sideways' }), Invalid);
    const now = (await listSubsidyRules(db))[0]!;
    m.moveSubsidyRule(db, admin, { id: now.id, version: now.version, direction: 'down' });
    assert.deepEqual(await order(), start);
    const last = (await listSubsidyRules(db)).at(-1)!;
    assert.deepEqual(m.moveSubsidyRule(db, admin, { id: last.id, version: last.version, direction: 'down' }), { moved: false });
  });

  it('deletes with the version seen, audited', async () => {
    const { id } = m.createSubsidyRule(db, admin, form);
    assert.throws(() => m.deleteSubsidyRule(db, admin, { id, version: 7 }), Conflict);
    assert.deepEqual(m.deleteSubsidyRule(db, admin, { id, version: 1 }), { id });
    assert.equal(await m.loadSubsidyRule(db, id), null);
    assert.equal(audits(id).at(-1)!.action, 'delete');
    assert.throws(() => m.deleteSubsidyRule(db, admin, { id, version: 1 }), NotFound);
  });
});
