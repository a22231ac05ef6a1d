/**
 * The content's change stamp: what the page cache (app/_server/page-cache.ts) compares before it
 * answers, so a page is rendered anew the moment content changes. (The list engine keys its
 * caches on its index version instead: db/search/engine.) Server code only.
 *
 * The change stamp is kept by the database itself, so no writer has to remember to invalidate:
 * - `content_version.n` is bumped by a trigger on every write to every content table (migration
 *   0006) — an admin's save, an import, a seed — and by nothing else: sign-ins, sessions, the audit
 *   log and zero-result searches leave the caches alone;
 * - `PRAGMA data_version` moves when ANOTHER connection commits (a CLI reset, a restore), which
 *   could rebuild the content and land on the same counter.
 */
import type Database from 'better-sqlite3';
import { sharedDatabase } from '../client';

/** The content's change stamp on `client` (the shared connection by default). */
export function changeStamp(client: Database.Database = sharedDatabase().$client): string {
  const dataVersion = client.pragma('data_version', { simple: true }) as number;
  const n = client.prepare('SELECT n FROM content_version WHERE id = 1').pluck().get() as number | undefined;
  return `${dataVersion}:${n ?? 0}`;
}
