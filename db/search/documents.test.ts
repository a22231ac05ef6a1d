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

async function fairsMatching(q: string): Promise<number[]> {
  return (await matchingIds(db, 'fair', q))!.ids();
}

test('fairs are found by what their pages say: description, employers and positions', async () => {
  const saying = (where: ReturnType<typeof sql>) => db.all<{ id: number }>(where).map((r) => r.id).sort((a, b) => a - b);
  // 手语 and 烹饪: only in a fair's description.
  for (const word of ['手语', '烹饪', '简历']) {
    const want = saying(sql`SELECT id FROM fairs WHERE description LIKE ${`%${word}%`}`);
    assert.ok(want.length > 0, `the seed has a fair saying ${word}`);
    const found = await fairsMatching(word);
    for (const id of want) assert.ok(found.includes(id), `${word} finds fair ${id}`);
  }
  // 外卖: in an employer's introduction (and a description); 大锅菜: only in a position's requirements.
  for (const [word, where] of [
    ['外卖', sql`SELECT DISTINCT fair_id AS id FROM fair_employers WHERE intro LIKE '%外卖%'`],
    ['大锅菜', sql`SELECT DISTINCT e.fair_id AS id FROM fair_positions p JOIN fair_employers e ON e.id = p.employer_id WHERE p.requirements LIKE '%大锅菜%'`],
  ] as const) {
    const want = saying(where);
    assert.ok(want.length > 0, `the seed has a fair whose employers say ${word}`);
    const found = await fairsMatching(word);
    for (const id of want) assert.ok(found.includes(id), `${word} finds fair ${id}`);
  }
  // And nothing the fair does not say.
  const none = saying(sql`SELECT f.id FROM fairs f WHERE f.description NOT LIKE '%手语%' AND f.title NOT LIKE '%手语%'
    AND NOT EXISTS (SELECT 1 FROM fair_employers e WHERE e.fair_id = f.id AND (e.intro LIKE '%手语%' OR e.name LIKE '%手语%'))
    AND NOT EXISTS (SELECT 1 FROM fair_positions p JOIN fair_employers e ON e.id = p.employer_id WHERE e.fair_id = f.id AND (p.requirements LIKE '%手语%' OR p.title LIKE '%手语%'))`);
  for (const id of await fairsMatching('手语')) assert.ok(!none.includes(id), `fair ${id} does not say 手语`);
});

test('dg finds no station through the middle of a service name, and initials of words still do', async () => {
  // 核对个人账户明细 (hdgrzhmx) is offered by stations; its 'dg' is 对|个, not a word.
  const offering = db.all<{ id: number }>(
    sql`SELECT DISTINCT ss.station_id AS id FROM station_services ss JOIN services s ON s.id = ss.service_id WHERE s.name = '核对个人账户明细'`,
  );
  assert.ok(offering.length > 10);
  const dg = await stationsMatching('dg');
  // What 'dg' still finds starts a word: 东高地 (the 街道), 丰台… no station by its services alone.
  const withDgWord = db
    .all<{ id: number }>(sql`SELECT s.id FROM stations s JOIN streets st ON st.id = s.street_id WHERE st.name LIKE '东高地%' OR s.name LIKE '%东高地%' OR s.host_name LIKE '%东高地%'`)
    .map((r) => r.id);
  assert.ok(dg.length < offering.length, `${dg.length} stations for dg`);
  for (const id of dg) assert.ok(withDgWord.includes(id), `station ${id} found by dg has a word starting dg`);
  // A station's own name by its initials: 卢沟桥 → lgq.
  const lgq = db.all<{ id: number }>(sql`SELECT id FROM stations WHERE name LIKE '%卢沟桥%'`).map((r) => r.id);
  assert.ok(lgq.length > 0);
  const found = await stationsMatching('lgq');
  for (const id of lgq) assert.ok(found.includes(id), `lgq finds station ${id}`);
});

test('a short form finds what residents mean: 医保站 and 驿站 every station, narrowed by the other words', async () => {
  const all = db.all<{ id: number }>(sql`SELECT id FROM stations`).map((r) => r.id).sort((a, b) => a - b);
  assert.deepEqual(await stationsMatching('医保站'), all);
  assert.deepEqual(await stationsMatching('驿站'), all);
  const lgq = db.all<{ id: number }>(sql`SELECT s.id FROM stations s JOIN streets st ON st.id = s.street_id WHERE st.name LIKE '卢沟桥%' OR s.name LIKE '%卢沟桥%' OR s.address LIKE '%卢沟桥%' OR s.host_name LIKE '%卢沟桥%'`).map((r) => r.id).sort((a, b) => a - b);
  assert.ok(lgq.length > 0 && lgq.length < all.length);
  assert.deepEqual(await stationsMatching('医保站 卢沟桥'), lgq);
  // In another kind the word is searched as written: no course is a 医保站.
  assert.deepEqual((await matchingIds(db, 'course', '医保站'))!.ids(), []);
});
