/** The courses feed says when a course got a new or changed run: «有新班期时提醒我» without personal data. */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { useSeededTestDb } from '@/db/test-helpers';
import { courseRuns, courses } from '@/db/schema';

const db = useSeededTestDb();
let feeds: typeof import('./feeds');
before(async () => {
  feeds = await import('./feeds');
});

describe('listFeedCourses: a new run updates its course entry', () => {
  it('updated is the latest of the course and its published runs', async () => {
    const course = db.select().from(courses).where(eq(courses.publication, 'published')).get()!;
    const runs = db.select().from(courseRuns).where(eq(courseRuns.courseId, course.id)).all();
    const run = runs.find((r) => r.publication === 'published')!;
    const later = new Date(Math.max(course.updatedAt.getTime(), course.publishedAt?.getTime() ?? 0, ...runs.map((r) => r.updatedAt.getTime())) + 86_400_000);
    db.update(courseRuns).set({ updatedAt: later }).where(eq(courseRuns.id, run.id)).run();
    try {
      const entry = (await feeds.listFeedCourses(course.occupationId)).find((c) => c.id === course.id)!;
      assert.equal(entry.updatedAt.getTime(), later.getTime());
      // A draft run's change is not news to residents.
      db.update(courseRuns).set({ publication: 'draft' }).where(eq(courseRuns.id, run.id)).run();
      const again = (await feeds.listFeedCourses(course.occupationId)).find((c) => c.id === course.id)!;
      assert.ok(again.updatedAt.getTime() < later.getTime());
    } finally {
      db.update(courseRuns).set({ updatedAt: run.updatedAt, publication: run.publication }).where(eq(courseRuns.id, run.id)).run();
    }
  });
});
