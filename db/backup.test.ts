import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from './client';
import { seedSampleData } from './seed';
import { TEST_TODAY } from './test-helpers';
import { backupDatabase, inspectDatabase, restoreDatabase, RestoreRefused, rowCounts } from './backup';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-backup-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const live = path.join(dir, 'live.sqlite');
const db = openDatabase(live);
seedSampleData(db, { today: TEST_TODAY });

test('backup while another connection writes: the copy is sound, self-contained and counts what it holds', async () => {
  const writer = new Database(live);
  writer.pragma('busy_timeout = 5000');
  let writes = 0;
  const timer = setInterval(() => {
    writer.prepare(`UPDATE stations SET directions = ?, version = version + 1 WHERE id = 1`).run(`soak ${writes}`);
    writes += 1;
  }, 1);
  const out = path.join(dir, 'b1.sqlite');
  const r = await backupDatabase(live, out);
  clearInterval(timer);
  writer.close();
  assert.equal(r.ok, true, r.problems.join('; '));
  assert.equal(r.integrity, 'ok');
  assert.ok((r.counts.courses ?? 0) > 0 && (r.counts.stations ?? 0) > 0);
  assert.equal(fs.existsSync(`${out}-wal`), false, 'no -wal beside the backup');
  const copy = new Database(out, { readonly: true });
  assert.deepEqual(rowCounts(copy), r.counts);
  copy.close();
  await assert.rejects(backupDatabase(live, out), /不会覆盖/);
});

test('restore swaps the file in, keeps the old one, and leaves no stale WAL', async () => {
  const out = path.join(dir, 'b2.sqlite');
  const r = await backupDatabase(live, out);
  const target = path.join(dir, 'target.sqlite');
  const t = new Database(target);
  t.pragma('journal_mode = WAL');
  t.exec('CREATE TABLE junk (x); INSERT INTO junk VALUES (1)');
  t.close();
  fs.writeFileSync(`${target}-wal`, 'stale');
  const res = restoreDatabase(out, target);
  assert.equal(res.previous, `${target}.before-restore`);
  assert.equal(fs.existsSync(`${target}-wal`), false);
  const after = inspectDatabase(target);
  assert.equal(after.ok, true, after.problems.join('; '));
  assert.deepEqual(after.counts, r.counts);
  const kept = new Database(res.previous!, { readonly: true });
  assert.equal(kept.prepare('SELECT count(*) FROM junk').pluck().get(), 1);
  kept.close();
});

test('restore refuses a file that is not a portal database and changes nothing', () => {
  const target = path.join(dir, 'untouched.sqlite');
  fs.writeFileSync(target, 'original');
  const junk = path.join(dir, 'junk.sqlite');
  fs.writeFileSync(junk, 'not a database at all');
  assert.throws(() => restoreDatabase(junk, target), RestoreRefused);
  const other = path.join(dir, 'other.sqlite');
  const o = new Database(other);
  o.exec('CREATE TABLE notes (x)');
  o.close();
  assert.throws(() => restoreDatabase(other, target), (e: unknown) => e instanceof RestoreRefused && /缺少门户的数据表/.test(e.message));
  assert.throws(() => restoreDatabase(path.join(dir, 'missing.sqlite'), target), /找不到文件/);
  assert.equal(fs.readFileSync(target, 'utf8'), 'original');
});

test('restore refuses a backup made by a newer program (unknown migration)', async () => {
  const out = path.join(dir, 'newer.sqlite');
  await backupDatabase(live, out);
  const b = new Database(out);
  b.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 9_999_999_999_999);
  b.close();
  assert.throws(() => restoreDatabase(out, path.join(dir, 't3.sqlite')), /更新版本/);
});
