/**
 * Builds the resident lists' search indexes at server start (instrumentation.ts), so no resident
 * pays for the first build. Each list over its own source adds one line here; the admin lists
 * build theirs on first use (a signed-in editor, not a resident, waits for it once).
 */
import 'server-only';
import { getDb } from '@/db';
import { publicCourses } from './courses';
import { stationFinder } from './stations/list';
import { fairList } from './fairs/list';
import { jobList } from './jobs/list';
import { warmKeywordIndex } from '@/db/search';

export async function warmListIndexes(): Promise<void> {
  const db = getDb();
  await publicCourses.warm(db);
  await stationFinder.warm(db);
  await fairList.warm(db);
  await jobList.warm(db);
  await warmKeywordIndex(db);
}
