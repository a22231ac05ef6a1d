import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { useSeededTestDb } from '../test-helpers';
import { changeStamp } from './content-stamp';

const db = useSeededTestDb();

/** Tables whose writes are not content: they must never empty the public caches. */
const NOT_CONTENT = new Set(['admin_sessions', 'audit_log', 'login_attempts', 'search_misses', 'users', 'content_version', 'search_docs', 'search_grams', 'change_log']);

test('every content table has the three triggers that bump content_version', () => {
  const tables = db
    .all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%'`)
    .map((t) => t.name)
    .filter((n) => !NOT_CONTENT.has(n) && !n.startsWith('__drizzle'));
  assert.ok(tables.length >= 20, `found ${tables.length} content tables`);
  const triggers = new Set(db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'trigger'`).map((t) => t.name));
  for (const t of tables) for (const op of ['insert', 'update', 'delete']) assert.ok(triggers.has(`${t}_${op}_bumps_content`), `${t} ${op}`);
});

test('a content write moves the stamp; sign-ins, the audit log and zero-result searches do not', () => {
  const client = db.$client;
  const start = changeStamp(client);
  client.exec(`INSERT INTO login_attempts (at, username, ip, outcome) VALUES (0, 'x', '192.0.2.1', 'bad-password')`);
  client.exec(`INSERT INTO search_misses (kind, terms, filters, day, last_at) VALUES ('courses', 'zzz', '', '2026-11-23', 0)`);
  client.exec(`INSERT INTO audit_log (at, actor, action, entity, summary) VALUES (0, 'test', 'update', 'course', 'x')`);
  client.exec(`UPDATE users SET id = id WHERE id = (SELECT min(id) FROM users)`);
  assert.equal(changeStamp(client), start);
  client.exec(`UPDATE courses SET summary = summary || '。' WHERE id = (SELECT min(id) FROM courses)`);
  const afterEdit = changeStamp(client);
  assert.notEqual(afterEdit, start);
  client.exec(`DELETE FROM station_exceptions WHERE id = (SELECT min(id) FROM station_exceptions)`);
  assert.notEqual(changeStamp(client), afterEdit);
});

test('the counter survives a wipe of every row (db:reset empties all tables before reseeding)', () => {
  const client = db.$client;
  client.exec('DELETE FROM content_version');
  const empty = changeStamp(client);
  client.exec(`UPDATE courses SET summary = summary || '。' WHERE id = (SELECT min(id) FROM courses)`);
  const once = changeStamp(client);
  assert.notEqual(once, empty);
  client.exec(`UPDATE courses SET summary = summary || '。' WHERE id = (SELECT min(id) FROM courses)`);
  assert.notEqual(changeStamp(client), once);
});
