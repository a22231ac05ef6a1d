/**
 * The default subsidy rules reach a database that existed before the self-check (its
 * subsidy_rules table arrived empty with migration 0005) exactly once.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../client';
import { seedReferenceData } from './index';
import { DEFAULT_SUBSIDY_RULES, SUBSIDY_DEFAULTS_KEY } from './subsidy-rules';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'subsidy-defaults-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const ruleCount = (file: string) => {
  const db = openDatabase(file);
  try {
    return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM subsidy_rules`).n;
  } finally {
    db.$client.close();
  }
};

test('an older database gets the default rules when it is next opened, and only once', () => {
  const file = path.join(dir, 'older.sqlite');
  const db = openDatabase(file);
  seedReferenceData(db);
  // As a database from before the self-check: reference data, no rules, no marker.
  db.run(sql`DELETE FROM subsidy_rules`);
  db.run(sql`DELETE FROM site_meta WHERE key = ${SUBSIDY_DEFAULTS_KEY}`);
  db.$client.close();

  assert.equal(ruleCount(file), DEFAULT_SUBSIDY_RULES.length, 'offered at the next open');

  // A 管理员 then removes every rule on purpose: the next start must not bring them back.
  const again = openDatabase(file);
  again.run(sql`DELETE FROM subsidy_rules`);
  again.$client.close();
  assert.equal(ruleCount(file), 0);
});

test('a database without reference data is left alone (seeding adds the rules itself)', () => {
  const file = path.join(dir, 'empty.sqlite');
  assert.equal(ruleCount(file), 0);
  const db = openDatabase(file);
  assert.equal(db.get<{ n: number }>(sql`SELECT count(*) AS n FROM site_meta WHERE key = ${SUBSIDY_DEFAULTS_KEY}`).n, 0);
  seedReferenceData(db);
  assert.equal(db.get<{ n: number }>(sql`SELECT count(*) AS n FROM subsidy_rules`).n, DEFAULT_SUBSIDY_RULES.length);
  db.$client.close();
});
