/**
 * For unit tests of server code: a fresh, seeded database file in the temp folder, made the
 * process-wide connection so query modules (which call getDb()) read it. Call before the first
 * query; each test file runs in its own process, so each gets its own database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type DB } from './client';
import { ftsPhrase, mayBeInitials, parseSearchQuery } from './domain/search-terms';
import { meaningOf } from './search/short-forms';
import type { SearchKind } from './enums';
import { seedSampleData } from './seed';

export const TEST_TODAY = '2026-11-23';

export function useSeededTestDb(today = TEST_TODAY): DB {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-test-'));
  const file = path.join(dir, 'test.sqlite');
  process.env.DATABASE_PATH = file;
  const db = openDatabase(file);
  seedSampleData(db, { today });
  (globalThis as unknown as { __portalDb?: DB }).__portalDb = db;
  process.on('exit', () => {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return db;
}

/**
 * The records of `kind` a keyword finds, by the plain SQL definition (every word's documents
 * through search_grams or the FTS5 table, joined to search_docs; each word read through the
 * short-form table): an oracle for tests, independent of the in-memory path the lists use
 * (db/search/keywords.ts). Null when `q` has no usable words.
 */
export function keywordOracle(db: DB, kind: SearchKind, q: string): number[] | null {
  const terms = parseSearchQuery(q);
  if (terms.length === 0) return null;
  const one = (w: string) => {
    const short = [...w].length <= 2;
    const viaGram = sql`d.id IN (SELECT doc_id FROM search_grams WHERE gram = ${w})`;
    const viaFts = sql`d.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ${`{body}: ${ftsPhrase(w)}`})`;
    if (short) return viaGram;
    return mayBeInitials(w) ? sql`(${viaFts} OR ${viaGram})` : viaFts;
  };
  const words = terms.map((t) => {
    const meaning = meaningOf(t.text, kind);
    return meaning.kind === 'any' ? sql`1 = 1` : sql`(${sql.join(meaning.words.map(one), sql` OR `)})`;
  });
  const query = sql`SELECT d.ref_id FROM search_docs d WHERE d.kind = ${kind} AND ${sql.join(words, sql` AND `)} ORDER BY d.ref_id`;
  return db.all<{ ref_id: number }>(query).map((r) => r.ref_id);
}
