/**
 * The self-check's reads and default rules on a real seeded SQLite database.
 *   node --conditions=react-server --import tsx --test db/queries/subsidy.test.ts
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { TEST_TODAY, useSeededTestDb } from '../test-helpers';
import { openDatabase } from '../client';
import { seedReferenceData } from '../seed';
import { DEFAULT_SUBSIDY_RULES, ensureDefaultSubsidyRules } from '../seed/subsidy-rules';
import { evaluate } from '../domain/subsidy';
import { activeSubsidyRules, listSubsidyRules, occupationChoices, runFacts, upcomingRunsForCheck } from './subsidy';

const db = useSeededTestDb();
const now = new Date(`${TEST_TODAY}T10:00:00+08:00`);

describe('subsidy rules: defaults and reads', () => {
  it('the sample seed has the default rules, in order, and seeding them again changes nothing', async () => {
    const rules = await listSubsidyRules(db);
    assert.equal(rules.length, DEFAULT_SUBSIDY_RULES.length);
    assert.deepEqual(
      rules.map((r) => r.title),
      DEFAULT_SUBSIDY_RULES.map((r) => r.title),
    );
    assert.equal(ensureDefaultSubsidyRules(db), 0);
    assert.equal((await listSubsidyRules(db)).length, DEFAULT_SUBSIDY_RULES.length);
  });

  it('reference data alone (a real deployment) carries the default rules too', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-ref-'));
    const ref = openDatabase(path.join(dir, 'ref.sqlite'));
    try {
      const counts = seedReferenceData(ref);
      assert.equal(counts.subsidy_rules, DEFAULT_SUBSIDY_RULES.length);
    } finally {
      ref.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('only active rules are checked against', async () => {
    const first = (await listSubsidyRules(db))[0]!;
    db.run(sql`UPDATE subsidy_rules SET active = 0 WHERE id = ${first.id}`);
    try {
      assert.equal((await activeSubsidyRules(db)).length, DEFAULT_SUBSIDY_RULES.length - 1);
    } finally {
      db.run(sql`UPDATE subsidy_rules SET active = 1 WHERE id = ${first.id}`);
    }
  });

  it('reads run facts with target groups, occupation and level; unknown ids are skipped', async () => {
    const run = db.get<{ id: number; occupationId: number; level: number }>(
      sql`SELECT r.id, c.occupation_id AS occupationId, c.level FROM course_runs r JOIN courses c ON c.id = r.course_id
          WHERE EXISTS (SELECT 1 FROM run_target_groups g WHERE g.run_id = r.id) LIMIT 1`,
    )!;
    const facts = await runFacts([run.id, 999999, -1], db);
    assert.equal(facts.size, 1);
    const f = facts.get(run.id)!;
    assert.equal(f.occupationId, run.occupationId);
    assert.equal(f.level, run.level);
    assert.ok(f.groups.length > 0);
    assert.equal((await runFacts([], db)).size, 0);
  });

  it('lists upcoming published runs still taking sign-ups, soonest first', async () => {
    const runs = await upcomingRunsForCheck(30, now, db);
    assert.ok(runs.length > 0);
    for (const r of runs) assert.ok(r.deadline >= TEST_TODAY, `${r.runId} deadline ${r.deadline}`);
    const starts = runs.map((r) => r.startDate);
    assert.deepEqual(starts, [...starts].sort());
    const unpublished = db.all<{ id: number }>(sql`SELECT id FROM course_runs WHERE publication <> 'published'`).map((r) => r.id);
    assert.ok(runs.every((r) => !unpublished.includes(r.runId)));
  });

  it('offers every 工种 with its levels for the certificate question', async () => {
    const choices = await occupationChoices(db);
    assert.ok(choices.length > 0 && choices.every((o) => o.levels.length > 0));
  });

  it('the default rules: free run → free for a group it takes; retired at 65 → 需自费', async () => {
    const rules = await activeSubsidyRules(db);
    const free = db.get<{ id: number; code: string }>(
      sql`SELECT r.id, g.group_code AS code FROM course_runs r JOIN run_target_groups g ON g.run_id = r.id WHERE r.cost_type = 'free' LIMIT 1`,
    )!;
    const facts = (await runFacts([free.id], db)).get(free.id)!;
    const yes = evaluate(rules, { age: 40, residency: 'permit', work: free.code as never, cert: null }, facts);
    assert.equal(yes.outcome, 'free');
    assert.equal(yes.pay, 0);
    const no = evaluate(rules, { age: 65, residency: 'hukou', work: 'retired', cert: null }, facts);
    assert.equal(no.outcome, 'self');
  });

  it('the default rules: a 补贴班 gives an insured worker moving up a level the subsidy, not one who already holds it', async () => {
    const rules = await activeSubsidyRules(db);
    const run = db.get<{ id: number }>(sql`SELECT id FROM course_runs WHERE cost_type = 'subsidy' AND subsidy IS NOT NULL AND fee IS NOT NULL LIMIT 1`)!;
    const facts = (await runFacts([run.id], db)).get(run.id)!;
    const worker = { age: 35, residency: 'none' as const, work: 'employed' as const, cert: null };
    const r = evaluate(rules, worker, facts);
    assert.equal(r.outcome, 'subsidy');
    assert.equal(r.subsidy, facts.subsidy);
    assert.equal(r.pay, Math.max(0, facts.fee! - facts.subsidy!));
    const holder = evaluate(rules, { ...worker, cert: { occupationId: facts.occupationId, level: facts.level } }, facts);
    assert.equal(holder.outcome, 'self');
  });
});
