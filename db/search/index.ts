/**
 * The search index: one document per course, station and fair, kept in step by the code that
 * writes those records (seed now, admin mutations later). Server code and tools only.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DB } from '../client';
import { searchDocs, searchGrams, type SearchKind } from '../schema';
import { buildSearchDocument, ftsPhrase, parseSearchQuery, type SearchFields } from '../domain/search-terms';

export type { SearchFields };

/** Writes (or rewrites) the search document for one record. Call inside the writing transaction. */
export function indexDocument(db: DB, kind: SearchKind, refId: number, fields: SearchFields): void {
  const { body, grams } = buildSearchDocument(fields);
  const existing = db
    .select({ id: searchDocs.id })
    .from(searchDocs)
    .where(and(eq(searchDocs.kind, kind), eq(searchDocs.refId, refId)))
    .get();
  let docId: number;
  if (existing) {
    db.update(searchDocs).set({ body }).where(eq(searchDocs.id, existing.id)).run();
    db.delete(searchGrams).where(eq(searchGrams.docId, existing.id)).run();
    docId = existing.id;
  } else {
    docId = db.insert(searchDocs).values({ kind, refId, body }).returning({ id: searchDocs.id }).get().id;
  }
  const insert = db.$client.prepare('INSERT OR IGNORE INTO search_grams (gram, doc_id) VALUES (?, ?)');
  for (const g of grams) insert.run(g, docId);
}

/** Removes a record's search document. */
export function removeDocument(db: DB, kind: SearchKind, refId: number): void {
  db.delete(searchDocs).where(and(eq(searchDocs.kind, kind), eq(searchDocs.refId, refId))).run();
}

/**
 * A subquery of the ids (of `kind`) whose documents contain every word of `q`, for use as
 * `id IN (…)`; null when `q` has no usable words (then do not filter at all).
 */
export function matchingIdsSql(kind: SearchKind, q: string | undefined | null): SQL | null {
  if (!q) return null;
  const terms = parseSearchQuery(q);
  if (terms.length === 0) return null;
  const conditions = terms.map((t) =>
    t.path === 'fts'
      ? sql`d.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ${ftsPhrase(t.text)})`
      : sql`d.id IN (SELECT doc_id FROM search_grams WHERE gram = ${t.text})`,
  );
  // `+d.kind`: the kind matches a third of all documents, so SQLite must not walk the kind index
  // and test each document against the words; the words' own index lists (a gram, a MATCH) drive
  // and each hit is one rowid look-up (query-plans.test.ts holds this).
  return sql`SELECT d.ref_id FROM search_docs d WHERE +d.kind = ${kind} AND ${sql.join(conditions, sql` AND `)}`;
}
