/**
 * Builds every list-search index at server start (instrumentation.ts), so no resident pays for
 * the first build. Each list over its own source adds one line here.
 */
import 'server-only';
import { getDb } from '@/db';
import { publicCourses } from './courses';

export async function warmListIndexes(): Promise<void> {
  const db = getDb();
  await publicCourses.warm(db);
}
