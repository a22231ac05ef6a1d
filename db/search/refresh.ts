/**
 * Keeps stored search documents in the shape the code writes. When what a document holds changes
 * (fairs' descriptions, employers' and positions' text; initials moved from the FTS body to the
 * gram table), SEARCH_DOCUMENTS_VERSION goes up and the next database command (db/cli/run.ts)
 * rewrites every document once. The sample seed writes documents of the current shape and marks
 * them. Server code and tools only.
 */
import { eq } from 'drizzle-orm';
import type { DB } from '../client';
import { siteMeta } from '../schema';
import { reindexAll } from './documents';

/**
 * Raise when buildSearchDocument or a reindex* function stores something new.
 * 2: fairs' text, word-start initials. 3: positions' documents (the job list, /jobs).
 */
export const SEARCH_DOCUMENTS_VERSION = '3';
/** The site_meta key holding the version the stored documents were written with. */
export const SEARCH_DOCUMENTS_KEY = 'search_documents';

/** Records that the stored documents are of the current shape (call after reindexAll). */
export function markSearchDocumentsCurrent(db: DB): void {
  db.insert(siteMeta)
    .values({ key: SEARCH_DOCUMENTS_KEY, value: SEARCH_DOCUMENTS_VERSION })
    .onConflictDoUpdate({ target: siteMeta.key, set: { value: SEARCH_DOCUMENTS_VERSION } })
    .run();
}

/** Rewrites every search document when they were written by an older version; true when it did. */
export function refreshSearchDocuments(db: DB): boolean {
  return db.$client.transaction(() => {
    const row = db.select({ value: siteMeta.value }).from(siteMeta).where(eq(siteMeta.key, SEARCH_DOCUMENTS_KEY)).get();
    if (row?.value === SEARCH_DOCUMENTS_VERSION) return false;
    reindexAll(db);
    markSearchDocumentsCurrent(db);
    return true;
  })();
}
