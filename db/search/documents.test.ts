import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { useSeededTestDb } from '../test-helpers';
import { courseRuns, courses, places } from '../schema';
import { matchingIds } from './index';
import { reindexCourse } from './documents';

const db = useSeededTestDb();

async function coursesMatching(q: string): Promise<number[]> {
  return (await matchingIds(db, 'course', q))!.ids();
}

test("a draft run's venue does not make its course findable until the run is published", async () => {
  const course = db.select({ id: courses.id }).from(courses).where(eq(courses.publication, 'published')).get()!;
  const run = db.select().from(courseRuns).where(eq(courseRuns.courseId, course.id)).get()!;
  const place = db
    .insert(places)
    .values({ name: '试验专用场馆甲乙', kind: 'classroom', address: '丰台区某路1号', lat: 39.85, lng: 116.3 })
    .returning({ id: places.id })
    .get();
  const { id: _id, ...copy } = run;
  const draft = db
    .insert(courseRuns)
    .values({ ...copy, label: '草稿班', theoryPlaceId: place.id, publication: 'draft' })
    .returning({ id: courseRuns.id })
    .get();

  reindexCourse(db, course.id);
  assert.deepEqual(await coursesMatching('试验专用场馆'), []);

  db.update(courseRuns).set({ publication: 'published' }).where(eq(courseRuns.id, draft.id)).run();
  reindexCourse(db, course.id);
  assert.deepEqual(await coursesMatching('试验专用场馆'), [course.id]);
  // the two-character path sees the same document
  assert.ok((await coursesMatching('甲乙')).includes(course.id));
});

test('a deleted course loses its search document', () => {
  const { n } = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM search_docs WHERE kind = 'course'`)!;
  const course = db.select({ id: courses.id }).from(courses).where(eq(courses.publication, 'draft')).get()!;
  db.delete(courses).where(eq(courses.id, course.id)).run();
  reindexCourse(db, course.id);
  const after = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM search_docs WHERE kind = 'course'`)!.n;
  assert.equal(after, n - 1);
});

async function stationsMatching(q: string): Promise<number[]> {
  return (await matchingIds(db, 'station', q))!.ids();
}

test('stations are found by the pinyin of the services they offer', async () => {
  const offering = db
    .all<{ id: number }>(
      sql`SELECT DISTINCT ss.station_id AS id FROM station_services ss JOIN services s ON s.id = ss.service_id WHERE s.name LIKE '异地就医%'`,
    )
    .map((r) => r.id)
    .sort((a, b) => a - b);
  assert.ok(offering.length > 0);
  for (const q of ['ydjy', 'yidijiuyi', '异地就医']) {
    const found = await stationsMatching(q);
    for (const id of offering) assert.ok(found.includes(id), `${q} finds station ${id}`);
  }
});

test('two Latin letters match initials, not pieces of syllables', async () => {
  const all = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM stations`)!.n;
  // every station name contains 医保 (yi bao): 'ao', a piece of "bao", must not match them all
  // ('ba' would: it is the initials of 备案, which every station offers)
  assert.ok((await stationsMatching('ao')).length < all);
  // 'yb' are the initials of 医保, which every station name has
  assert.equal((await stationsMatching('yb')).length, all);
});
