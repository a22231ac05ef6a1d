import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { openDatabase, type DB } from '../client';
import { SEARCH_KINDS, type SearchKind } from '../enums';
import { keywordOracle, useSeededTestDb } from '../test-helpers';
import { indexDocument, keywordPredicate, matchingIds, removeDocument, warmKeywordIndex } from './index';
import { parseIdList } from './keywords';
import { reindexCourse, reindexFair, reindexStation } from './documents';
import { reindexPosition } from './position-documents';

const REINDEX = { course: reindexCourse, station: reindexStation, fair: reindexFair, position: reindexPosition };

const db = useSeededTestDb();

const QUERIES = ['电', '工', '医', '会', '电工', '护理', '银行', '招聘', 'dg', 'yb', '育婴员', '异地就医', '招聘会', '园林绿化工', 'diangong', 'ydjy', 'yllhg', '丰台 招聘', '电工 中级', '异地就医 银行', '医保站', '医保站 卢沟桥', '异地备案', '培训 电工', '社保', '手语', '外卖', 'zzzz', '无此词语甲乙', 'station', 'course', 'fair'];

test('finds exactly what the plain SQL definition finds, for every kind and kind of word', async () => {
  await warmKeywordIndex(db);
  let nonEmpty = 0;
  for (const kind of SEARCH_KINDS) {
    for (const q of QUERIES) {
      const want = keywordOracle(db, kind, q)!;
      const got = await matchingIds(db, kind, q);
      assert.ok(got, `${kind} ${q}`);
      assert.deepEqual(got.ids(), want, `${kind} ${q}`);
      assert.equal(got.size, want.length, `${kind} ${q}: size`);
      if (want.length > 0) nonEmpty++;
    }
  }
  // The queries exercise real matches, not only empty sets.
  assert.ok(nonEmpty >= 30, `${nonEmpty} non-empty`);
});

test('no usable words: no filter at all', async () => {
  for (const q of ['', '   ', '，。！', null, undefined]) {
    assert.equal(await matchingIds(db, 'course', q), null, String(q));
    assert.equal(await keywordPredicate(db, 'course', q), null, String(q));
  }
});

test("the predicate tests a row's group", async () => {
  const want = keywordOracle(db, 'station', '银行')!;
  assert.ok(want.length > 0);
  const pass = (await keywordPredicate(db, 'station', '银行'))!;
  assert.equal(pass({ group: want[0]! }), true);
  const maxId = db.get<{ n: number }>(sql`SELECT max(id) AS n FROM stations`)!.n;
  assert.equal(pass({ group: maxId + 1000 }), false);
  const other = db.all<{ id: number }>(sql`SELECT id FROM stations`).map((r) => r.id).find((id) => !want.includes(id))!;
  assert.equal(pass({ group: other }), false);
});

test('a saved document is found on the very next query, and a removed one is gone', async () => {
  await matchingIds(db, 'fair', '招聘');
  const ref = db.get<{ n: number }>(sql`SELECT max(ref_id) + 100 AS n FROM search_docs WHERE kind = 'fair'`)!.n;
  db.transaction(() => indexDocument(db, 'fair', ref, { names: ['翡翠湾专场试招会'], text: ['蓝莓'] }));
  assert.deepEqual((await matchingIds(db, 'fair', '翡翠湾'))!.ids(), [ref]);
  assert.deepEqual((await matchingIds(db, 'fair', '蓝莓'))!.ids(), [ref]);
  assert.ok((await matchingIds(db, 'fair', '电工 试招'))!.size === 0, 'every word must match');
  // 招聘 names the kind (every fair is a 招聘会, db/search/short-forms.ts): only 试招 narrows.
  assert.deepEqual((await matchingIds(db, 'fair', '招聘 试招'))!.ids(), [ref]);
  assert.ok((await matchingIds(db, 'fair', 'fcw'))!.has(ref), 'pinyin initials of the name');
  // A rewrite (an admin save) changes the words, not the document: found by the new words only.
  indexDocument(db, 'fair', ref, { names: ['玛瑙湾专场'], text: [] });
  assert.deepEqual((await matchingIds(db, 'fair', '翡翠湾'))!.ids(), []);
  assert.deepEqual((await matchingIds(db, 'fair', '玛瑙'))!.ids(), [ref]);
  removeDocument(db, 'fair', ref);
  assert.deepEqual((await matchingIds(db, 'fair', '玛瑙'))!.ids(), []);
});

test("a removed document's id taken by another record's document maps to the new record", async () => {
  await matchingIds(db, 'course', '电工');
  // SQLite gives a new row the highest id + 1: remove the newest document, then add one of
  // another kind, which takes the very same id.
  const last = db.get<{ id: number; kind: SearchKind; ref: number }>(sql`SELECT id, kind, ref_id AS ref FROM search_docs ORDER BY id DESC LIMIT 1`)!;
  removeDocument(db, last.kind, last.ref);
  const kind = last.kind === 'station' ? 'course' : 'station';
  const ref = db.get<{ n: number }>(sql`SELECT max(ref_id) + 1 AS n FROM search_docs WHERE kind = ${kind}`)!.n;
  indexDocument(db, kind, ref, { names: ['珊瑚礁服务点'], text: [] });
  assert.equal(db.get<{ id: number }>(sql`SELECT id FROM search_docs WHERE kind = ${kind} AND ref_id = ${ref}`)!.id, last.id, 'the id was reused');
  assert.deepEqual((await matchingIds(db, kind, '珊瑚'))!.ids(), [ref]);
  assert.deepEqual((await matchingIds(db, kind, '珊瑚礁服务'))!.ids(), [ref]);
  assert.deepEqual((await matchingIds(db, last.kind, '珊瑚'))!.ids(), []);
  // The record's own document back, written from its tables (under a new id).
  removeDocument(db, kind, ref);
  REINDEX[last.kind](db, last.ref);
  assert.ok((await matchingIds(db, last.kind, '丰台'))!.has(last.ref) === keywordOracle(db, last.kind, '丰台')!.includes(last.ref));
});

test("another connection's save (another app node) is found on the next query", async () => {
  await matchingIds(db, 'station', '银行');
  const other = openDatabase(process.env.DATABASE_PATH!);
  try {
    const ref = other.get<{ n: number }>(sql`SELECT max(ref_id) + 50 AS n FROM search_docs WHERE kind = 'station'`)!.n;
    indexDocument(other, 'station', ref, { names: ['琥珀湖医保点'], text: [] });
    assert.deepEqual((await matchingIds(db, 'station', '琥珀'))!.ids(), [ref]);
    removeDocument(other, 'station', ref);
    assert.deepEqual((await matchingIds(db, 'station', '琥珀'))!.ids(), []);
  } finally {
    other.$client.close();
  }
});

test('many documents added at once (a reseed) are all found', async () => {
  await matchingIds(db, 'course', '电工');
  const base = db.get<{ n: number }>(sql`SELECT max(ref_id) + 1 AS n FROM search_docs WHERE kind = 'course'`)!.n;
  const refs = Array.from({ length: 2_500 }, (_, i) => base + i);
  db.transaction(() => {
    for (const r of refs) indexDocument(db, 'course', r, { names: ['琉璃瓦修缮课'], text: [] });
  });
  assert.deepEqual((await matchingIds(db, 'course', '琉璃瓦'))!.ids(), refs);
  db.transaction(() => {
    for (const r of refs) removeDocument(db, 'course', r);
  });
  assert.deepEqual((await matchingIds(db, 'course', '琉璃瓦'))!.ids(), []);
});

test('id lists are read from group_concat text', () => {
  assert.deepEqual([...parseIdList(null)], []);
  assert.deepEqual([...parseIdList('')], []);
  assert.deepEqual([...parseIdList('7')], [7]);
  assert.deepEqual([...parseIdList('3,17,204,1000000')], [3, 17, 204, 1_000_000]);
});

type Read = { source: string; params: unknown[] };

/** Keeps every `get` of a statement on `table` that `other` prepares from now on, with its parameters. */
function recordReads(other: DB, table: string): Read[] {
  const ran: Read[] = [];
  const prepare = other.$client.prepare.bind(other.$client);
  other.$client.prepare = ((source: string) => {
    const stmt = prepare(source);
    if (!source.includes(table)) return stmt;
    const get = stmt.get.bind(stmt);
    stmt.get = ((...params: unknown[]) => {
      ran.push({ source, params });
      return get(...params);
    }) as typeof stmt.get;
    return stmt;
  }) as typeof other.$client.prepare;
  return ran;
}

/** The kinds of the documents whose ids are in `ids`. */
function kindsOf(ids: Int32Array): string[] {
  return db.all<{ kind: string }>(sql`SELECT DISTINCT kind FROM search_docs WHERE id IN (SELECT value FROM json_each(${JSON.stringify([...ids])})) ORDER BY kind`).map((r) => r.kind);
}

test("a course search's gram look-up reads courses' grams only: one key range of (kind, gram)", async () => {
  // The seed's 电工 is in courses' and in other kinds' documents, so reading every kind would show.
  const byKind = db.all<{ kind: SearchKind; n: number }>(
    sql`SELECT d.kind AS kind, count(*) AS n FROM search_grams g JOIN search_docs d ON d.id = g.doc_id WHERE g.gram = '电工' GROUP BY d.kind`,
  );
  const courseDocs = byKind.find((r) => r.kind === 'course')?.n ?? 0;
  assert.ok(courseDocs > 0 && byKind.some((r) => r.kind !== 'course' && r.n > 0), JSON.stringify(byKind));
  // Every gram row carries its document's kind (the key's first column).
  assert.equal(db.get<{ n: number }>(sql`SELECT count(*) AS n FROM search_grams g JOIN search_docs d ON d.id = g.doc_id WHERE g.kind <> d.kind`)!.n, 0);

  // The statements a fresh connection runs for a course search of 电工, with their parameters.
  const other = openDatabase(process.env.DATABASE_PATH!);
  try {
    const ran = recordReads(other, 'search_grams');
    assert.deepEqual((await matchingIds(other, 'course', '电工'))!.ids(), keywordOracle(db, 'course', '电工'));
    assert.equal(ran.length, 1, JSON.stringify(ran));
    const [{ source, params }] = ran as [(typeof ran)[number]];
    // A seek on the whole key prefix: no row of another kind is visited.
    const plan = other.$client.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as { detail: string }[];
    assert.deepEqual(plan.map((p) => p.detail), ['SEARCH search_grams USING PRIMARY KEY (kind=? AND gram=?)']);
    // What it reads is exactly the courses' documents with that gram.
    const ids = parseIdList(other.$client.prepare(source).pluck().get(...params) as string | null);
    assert.equal(ids.length, courseDocs);
    assert.deepEqual(kindsOf(ids), ['course']);
  } finally {
    other.$client.close();
  }
  // A gram row filed under another kind is not read by a course search, even for a course's document.
  const doc = db.get<{ id: number; ref: number }>(sql`SELECT id, ref_id AS ref FROM search_docs WHERE kind = 'course' ORDER BY id LIMIT 1`)!;
  db.run(sql`INSERT INTO search_grams (kind, gram, doc_id) VALUES ('fair', '鲸鲨', ${doc.id})`);
  try {
    assert.deepEqual((await matchingIds(db, 'course', '鲸鲨'))!.ids(), []);
  } finally {
    db.run(sql`DELETE FROM search_grams WHERE gram = '鲸鲨'`);
  }
});

test('a 3+ character word names a small kind in the MATCH (courses read no other documents) and is matched in bodies only', async () => {
  const word = '育婴员';
  const everywhere = parseIdList(db.$client.prepare('SELECT group_concat(rowid) FROM search_fts WHERE search_fts MATCH ?').pluck().get(`{body}: "${word}"`) as string | null);
  assert.ok(kindsOf(everywhere).includes('course') && kindsOf(everywhere).length > 1, `${word} is in several kinds: ${kindsOf(everywhere)}`);
  const other = openDatabase(process.env.DATABASE_PATH!);
  try {
    const ran = recordReads(other, 'search_fts');
    assert.deepEqual((await matchingIds(other, 'course', word))!.ids(), keywordOracle(db, 'course', word));
    assert.equal(ran.length, 1, JSON.stringify(ran));
    const [{ source, params }] = ran as [Read];
    // Courses are 25 of the seed's 311 documents (under a tenth): their kind is in the MATCH.
    assert.equal(params[0], `{kind}: "course" AND {body}: ("${word}")`);
    const ids = parseIdList(other.$client.prepare(source).pluck().get(...params) as string | null);
    assert.ok(ids.length > 0 && ids.length < everywhere.length, `${ids.length} of ${everywhere.length}`);
    assert.deepEqual(kindsOf(ids), ['course']);
    // Positions are most of the documents: asking for their kind would cost more than it saves.
    ran.length = 0;
    assert.deepEqual((await matchingIds(other, 'position', word))!.ids(), keywordOracle(db, 'position', word));
    assert.deepEqual(ran.map((r) => r.params[0]), [`{body}: ("${word}")`]);
  } finally {
    other.$client.close();
  }
  // A kind's name typed as a word matches no document (it is in the kind column, not the body).
  for (const kind of SEARCH_KINDS) for (const q of ['station', 'position', 'course']) assert.equal((await matchingIds(db, kind, q))!.size, 0, `${kind} ${q}`);
});
