/**
 * The search index: one document per course, station and fair, kept in step by the code that
 * writes those records (the seed, admin writers). Finding records by keyword: ./keywords.ts.
 * Server code and tools only.
 */
import { and, eq } from 'drizzle-orm';
import type { DB } from '../client';
import { searchDocs, searchGrams, type SearchKind } from '../schema';
import { buildSearchDocument, type SearchFields } from '../domain/search-terms';

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
  const insert = db.$client.prepare('INSERT OR IGNORE INTO search_grams (kind, gram, doc_id) VALUES (?, ?, ?)');
  for (const g of grams) insert.run(kind, g, docId);
}

/** Removes a record's search document. */
export function removeDocument(db: DB, kind: SearchKind, refId: number): void {
  db.delete(searchDocs).where(and(eq(searchDocs.kind, kind), eq(searchDocs.refId, refId))).run();
}

export { keywordPredicate, matchingIds, warmKeywordIndex, type MatchedIds } from './keywords';
