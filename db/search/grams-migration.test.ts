/**
 * The migration that gives search_grams its documents' kind (search_grams_by_kind) keeps an
 * existing database's grams: a database migrated up to just before it, holding documents and
 * grams in the old shape, finds the same grams afterwards, each filed under its document's kind.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';

const MIGRATIONS = path.resolve('db/migrations');
const TAG = /_search_grams_by_kind$/;

type Journal = { entries: { idx: number; tag: string }[] } & Record<string, unknown>;

/** A copy of the migrations folder that stops just before the kind migration. */
function migrationsBefore(dir: string): string {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as Journal;
  const at = journal.entries.findIndex((e) => TAG.test(e.tag));
  assert.ok(at > 0, 'the migration is in the journal');
  const entries = journal.entries.slice(0, at);
  const out = path.join(dir, 'migrations');
  fs.mkdirSync(path.join(out, 'meta'), { recursive: true });
  for (const e of entries) fs.copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(out, `${e.tag}.sql`));
  fs.writeFileSync(path.join(out, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  return out;
}

test('an existing database keeps its grams, each under its document kind, in a WITHOUT ROWID table', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-grams-'));
  const sqlite = new Database(path.join(dir, 'old.sqlite'));
  try {
    sqlite.pragma('foreign_keys = ON');
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: migrationsBefore(dir) });
    const doc = sqlite.prepare('INSERT INTO search_docs (id, kind, ref_id, body) VALUES (?, ?, ?, ?)');
    const gram = sqlite.prepare('INSERT INTO search_grams (gram, doc_id) VALUES (?, ?)');
    const docs = [
      [1, 'course', 10, '电工培训'],
      [2, 'fair', 10, '电工招聘'],
      [3, 'station', 7, '医保工作站'],
      [4, 'position', 3, '电工'],
    ] as const;
    for (const d of docs) doc.run(...d);
    const grams: [string, number][] = [];
    for (const [id, , , body] of docs) {
      const chars = [...body];
      for (let i = 0; i < chars.length; i++) {
        grams.push([chars[i]!, id]);
        if (i + 1 < chars.length) grams.push([chars[i]! + chars[i + 1]!, id]);
      }
    }
    const unique = [...new Map(grams.map((g) => [g.join('|'), g])).values()];
    for (const g of unique) gram.run(...g);

    migrate(db, { migrationsFolder: MIGRATIONS });

    const rows = sqlite.prepare('SELECT kind, gram, doc_id AS docId FROM search_grams ORDER BY doc_id, gram').all() as { kind: string; gram: string; docId: number }[];
    const kindOf = new Map<number, string>(docs.map(([id, kind]) => [id, kind]));
    const want = unique.map(([g, id]) => ({ kind: kindOf.get(id)!, gram: g, docId: id })).sort((a, b) => a.docId - b.docId || (a.gram < b.gram ? -1 : a.gram > b.gram ? 1 : 0));
    assert.deepEqual(rows, want);
    const ddl = sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_grams'").pluck().get() as string;
    assert.match(ddl, /PRIMARY KEY\s*\(`kind`,\s*`gram`,\s*`doc_id`\)/);
    assert.match(ddl, /WITHOUT ROWID\s*$/);
    assert.equal(sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'search_grams_doc_idx'").pluck().get(), 1);
    // The documents' cascade still removes their grams.
    sqlite.prepare('DELETE FROM search_docs WHERE id = 2').run();
    assert.equal(sqlite.prepare('SELECT count(*) FROM search_grams WHERE doc_id = 2').pluck().get(), 0);
    assert.deepEqual(sqlite.prepare("SELECT group_concat(doc_id) FROM search_grams WHERE kind = 'course' AND gram = '电工'").pluck().get(), '1');
    assert.deepEqual(sqlite.pragma('foreign_key_check'), []);
  } finally {
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
