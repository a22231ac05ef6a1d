/**
 * The default subsidy rules reach a database that existed before the self-check (its
 * subsidy_rules table arrived empty with migration 0005) exactly once — through the database
 * commands, never by opening a connection.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../client';
import { seedReferenceData } from './index';
import { DEFAULT_SUBSIDY_RULES, SUBSIDY_DEFAULTS_KEY } from './subsidy-rules';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'subsidy-defaults-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const count = (file: string, query: ReturnType<typeof sql>) => {
  const db = openDatabase(file);
  try {
    return db.get<{ n: number }>(query).n;
  } finally {
    db.$client.close();
  }
};
const ruleCount = (file: string) => count(file, sql`SELECT count(*) AS n FROM subsidy_rules`);
const marked = (file: string) => count(file, sql`SELECT count(*) AS n FROM site_meta WHERE key = ${SUBSIDY_DEFAULTS_KEY}`) === 1;

/** `npm run db:<command>` on `file`, as an operator runs it. */
function dbCommand(command: string, file: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'db/cli/run.ts', command], {
    env: { PATH: process.env.PATH, DATABASE_PATH: file, SEED_TODAY: '2026-11-23' } as unknown as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** A database as it was before the self-check: reference data, no rules, no marker. */
function olderDatabase(name: string): string {
  const file = path.join(dir, name);
  const db = openDatabase(file);
  seedReferenceData(db);
  db.run(sql`DELETE FROM subsidy_rules`);
  db.run(sql`DELETE FROM site_meta WHERE key = ${SUBSIDY_DEFAULTS_KEY}`);
  db.$client.close();
  return file;
}

test('opening an older database changes nothing; npm run db:migrate gives it the default rules, and only once', () => {
  const file = olderDatabase('older.sqlite');
  assert.equal(ruleCount(file), 0, 'opening (as the server does at start) wrote no rules');
  assert.equal(marked(file), false);

  assert.match(dbCommand('migrate', file), new RegExp(`已补上 ${DEFAULT_SUBSIDY_RULES.length} 条默认补贴自测规则`));
  assert.equal(ruleCount(file), DEFAULT_SUBSIDY_RULES.length);
  assert.equal(marked(file), true);

  // A 管理员 then removes every rule on purpose: the next command must not bring them back.
  const db = openDatabase(file);
  db.run(sql`DELETE FROM subsidy_rules`);
  db.$client.close();
  assert.doesNotMatch(dbCommand('migrate', file), /已补上/);
  assert.equal(ruleCount(file), 0);
});

test('db:init and db:setup on an older database offer them too', () => {
  for (const command of ['init', 'setup']) {
    const file = olderDatabase(`older-${command}.sqlite`);
    dbCommand(command, file);
    assert.equal(ruleCount(file), DEFAULT_SUBSIDY_RULES.length, command);
  }
});

test('a fresh database gets its rules from the seed, and is marked so a later command adds none', () => {
  for (const command of ['init', 'setup', 'reset']) {
    const file = path.join(dir, `fresh-${command}.sqlite`);
    assert.doesNotMatch(dbCommand(command, file), /已补上/, 'the seed wrote them, not the offer');
    assert.equal(ruleCount(file), DEFAULT_SUBSIDY_RULES.length, command);
    assert.equal(marked(file), true, command);
  }
});

test('a database without reference data is left alone by opening (seeding adds the rules itself)', () => {
  const file = path.join(dir, 'empty.sqlite');
  assert.equal(ruleCount(file), 0);
  assert.equal(marked(file), false);
  const db = openDatabase(file);
  seedReferenceData(db);
  assert.equal(db.get<{ n: number }>(sql`SELECT count(*) AS n FROM subsidy_rules`).n, DEFAULT_SUBSIDY_RULES.length);
  db.$client.close();
});
