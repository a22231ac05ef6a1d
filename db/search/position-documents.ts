/**
 * The search documents of job positions (kind 'position'), one per position: what /jobs finds
 * by keyword — the position's title and its employer's name (pinyin initials too), its
 * requirements and the employer's industry. Kept apart from the fair documents (documents.ts)
 * so each kind says its own words. Written by the seed (reindexAll) and by every admin change
 * to a fair's employers and positions, in the same transaction.
 */
import { and, eq, notExists, sql, type SQL } from 'drizzle-orm';
import type { DB } from '../client';
import { fairEmployers, fairPositions, searchDocs } from '../schema';
import { indexDocument, removeDocument } from './index';

/** Rewrites the documents of every position at one fair, and drops those of positions that are gone. */
export function reindexFairPositions(db: DB, fairId: number): void {
  indexPositions(db, eq(fairEmployers.fairId, fairId));
  dropOrphanPositionDocuments(db);
}

/** Rewrites the document of one position (or removes it if the position is gone). */
export function reindexPosition(db: DB, positionId: number): void {
  if (!db.select({ id: fairPositions.id }).from(fairPositions).where(eq(fairPositions.id, positionId)).get()) return removeDocument(db, 'position', positionId);
  indexPositions(db, eq(fairPositions.id, positionId));
}

function indexPositions(db: DB, where: SQL | undefined): void {
  const rows = db
    .select({ id: fairPositions.id, title: fairPositions.title, requirements: fairPositions.requirements, employer: fairEmployers.name, industry: fairEmployers.industry })
    .from(fairPositions)
    .innerJoin(fairEmployers, eq(fairEmployers.id, fairPositions.employerId))
    .where(where)
    .all();
  for (const p of rows) indexDocument(db, 'position', p.id, { names: [p.title, p.employer], text: [p.requirements, p.industry] });
}

/**
 * Removes the documents of deleted positions (a removed employer takes its positions with it, so
 * the writer cannot always name them). One anti-join over the kind's (kind, ref_id) index.
 */
function dropOrphanPositionDocuments(db: DB): void {
  db.delete(searchDocs)
    .where(and(eq(searchDocs.kind, 'position'), notExists(db.select({ one: sql`1` }).from(fairPositions).where(eq(fairPositions.id, searchDocs.refId)))))
    .run();
}

/** Every position's document (the seed, a rebuild). */
export function reindexAllPositions(db: DB): void {
  indexPositions(db, undefined);
  dropOrphanPositionDocuments(db);
}
