/**
 * The job list against a brute-force reading of the sample data: positions at published, not
 * cancelled fairs that are not past (db/domain/fair-dates.ts isPast, on each fair's text
 * fields), found by keyword through the plain SQL oracle, by pay, 街镇, date, distance and fair.
 * The seed is laid out around today (the list's index loads fairs not ended by the real day).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { keywordOracle, useSeededTestDb } from '@/db/test-helpers';
import { beijingNow } from '@/db/domain/time';
import { clipWindow, dateWindow, isPast, matchesWindow } from '@/db/domain/fair-dates';
import { courses, fairEmployers, fairPositions, fairs, places, streets } from '@/db/schema';
import { distanceMetres } from '@/db/domain/geo';

const today = beijingNow().date;
const db = useSeededTestDb(today);
const NOW = new Date(`${today}T12:00:00+08:00`);

let jobs: typeof import('./list');
before(async () => {
  jobs = await import('./list');
});

function positions() {
  return db
    .select({
      id: fairPositions.id,
      title: fairPositions.title,
      payMin: fairPositions.payMin,
      payMax: fairPositions.payMax,
      payUnit: fairPositions.payUnit,
      requirements: fairPositions.requirements,
      employer: fairEmployers.name,
      fairId: fairs.id,
      publication: fairs.publication,
      status: fairs.status,
      startsAt: fairs.startsAt,
      endsAt: fairs.endsAt,
      recurrence: fairs.recurrence,
      street: places.streetId,
    })
    .from(fairPositions)
    .innerJoin(fairEmployers, eq(fairEmployers.id, fairPositions.employerId))
    .innerJoin(fairs, eq(fairs.id, fairEmployers.fairId))
    .leftJoin(places, eq(places.id, fairs.placeId))
    .all();
}

/** What residents may find: published, not cancelled, not past. */
function listed() {
  return positions().filter((p) => p.publication === 'published' && p.status !== 'cancelled' && !isPast(p, NOW));
}

/** Every page of a search, items together. */
async function all(qs: string) {
  const first = await jobs.searchJobs(qs, NOW);
  const items = [...first.items];
  for (let page = 2; page <= first.pageCount; page++) {
    const sp = new URLSearchParams(qs);
    sp.set('page', String(page));
    items.push(...(await jobs.searchJobs(sp.toString(), NOW)).items);
  }
  return { ...first, items };
}

const ids = (items: { id: number }[]) => items.map((i) => i.id).sort((a, b) => a - b);

describe('job list', () => {
  it('lists every position at upcoming published fairs, and none at past, cancelled or draft ones', async () => {
    const want = listed();
    assert.ok(want.length >= 30, `${want.length} positions in the sample`);
    const past = positions().filter((p) => isPast(p, NOW) || p.status === 'cancelled' || p.publication !== 'published');
    assert.ok(past.length > 0, 'the sample has positions that must not show');
    const got = await all('');
    assert.equal(got.total, want.length);
    assert.deepEqual(ids(got.items), want.map((p) => p.id).sort((a, b) => a - b));
    for (const p of past) assert.ok(!got.items.some((i) => i.id === p.id), `position ${p.id} is not listed`);
  });

  it('orders by when one can next go to the fair', async () => {
    const { items } = await all('');
    const keys = items.map((i) => i.fair.nextSession?.date ?? i.fair.date);
    // A one-off fair under way counts from today; the dates never go back.
    const days = keys.map((d) => (d < today ? today : d));
    assert.deepEqual(days, [...days].sort());
  });

  it('finds by employer name and by requirements, as the keyword oracle does', async () => {
    for (const q of ['花乡花木', '退役军人', '叉车', 'bay']) {
      const docs = new Set(keywordOracle(db, 'position', q));
      const want = listed().filter((p) => docs.has(p.id));
      assert.ok(want.length > 0, q);
      const got = await all(`q=${encodeURIComponent(q)}`);
      assert.deepEqual(ids(got.items), want.map((p) => p.id).sort((a, b) => a - b), q);
    }
    const byEmployer = await all('q=花乡花木');
    assert.ok(byEmployer.items.every((i) => i.employer.name.includes('花乡花木')));
    const byRequirement = await all('q=退役军人');
    assert.ok(byRequirement.items.every((i) => i.requirements.includes('退役军人')));
    assert.ok(byRequirement.items.some((i) => !i.title.includes('退役军人') && !i.employer.name.includes('退役军人')));
  });

  it('pay bands: 面议 has no figure, 8000 起 is promised, 零工 is paid by the day or hour; counts agree', async () => {
    const none = await all('pay=negotiable');
    assert.ok(none.total > 0);
    assert.ok(none.items.every((i) => i.payMin === null && i.payMax === null));
    const high = await all('pay=m8000');
    assert.ok(high.total > 0);
    assert.ok(high.items.every((i) => i.payUnit === 'month' && (i.payMin ?? 0) >= 8000));
    assert.equal(high.total, listed().filter((p) => p.payUnit === 'month' && (p.payMin ?? p.payMax ?? 0) >= 8000).length);
    const gig = await all('pay=gig');
    assert.ok(gig.total > 0 && gig.items.every((i) => i.payUnit !== 'month'));
    const facets = (await jobs.searchJobs('', NOW)).facets.pay!;
    for (const o of facets) assert.equal(o.count, (await jobs.searchJobs(`pay=${o.value}`, NOW)).total, o.value);
    // Nested bands: 8000 起 within 5000 起.
    assert.ok(facets.find((o) => o.value === 'm5000')!.count >= facets.find((o) => o.value === 'm8000')!.count);
  });

  it('街镇 of the venue, with counts per 街镇 that agree with choosing one', async () => {
    const facets = (await jobs.searchJobs('q=员', NOW)).facets.street!;
    const used = facets.filter((o) => o.count > 0);
    assert.ok(used.length >= 2);
    for (const o of used) {
      const got = await all(`q=员&street=${o.value}`);
      assert.equal(got.total, o.count, o.name);
      assert.ok(got.items.every((i) => i.fair.venue?.street === o.name), o.name);
    }
    const chips = (await jobs.searchJobs(`street=${used[0]!.value}`, NOW)).chips;
    assert.deepEqual(chips, [{ key: 'street', value: used[0]!.value, name: used[0]!.name }]);
  });

  it('date shortcuts as on the fair list, counted on positions', async () => {
    const r = await jobs.searchJobs('', NOW);
    for (const o of r.facets.date!) {
      const got = await all(`date=${o.value}`);
      assert.equal(got.total, o.count, o.value);
      const range = clipWindow(dateWindow(o.value as Parameters<typeof dateWindow>[0], today), today, 'upcoming');
      const want = listed().filter((p) => matchesWindow(p, range, NOW, 'upcoming'));
      assert.equal(got.total, want.length, o.value);
    }
  });

  it('near me: nearest venue first, the distance on each card, and a distance limit with counts', async () => {
    const street = db.select({ id: streets.id, lat: streets.lat, lng: streets.lng }).from(streets).where(eq(streets.name, '卢沟桥街道')).get()!;
    const near = await all(`near=s${street.id}`);
    assert.equal(near.total, listed().length, 'an origin orders, it does not narrow');
    assert.equal(near.origin?.value, `s${street.id}`);
    const measured = near.items.filter((i) => i.distance !== null).map((i) => i.distance!);
    assert.deepEqual(measured, [...measured].sort((a, b) => a - b));
    assert.ok(near.items.slice(measured.length).every((i) => i.distance === null), 'online fairs last');
    const within = await all(`near=s${street.id}&dist=5`);
    assert.ok(within.total > 0 && within.total < near.total);
    for (const i of within.items) assert.ok(distanceMetres(street, i.fair.venue!.at!) <= 5000 + 1, `${i.distance}`);
    const counts = (await jobs.searchJobs(`near=s${street.id}`, NOW)).facets.dist!;
    assert.equal(counts.find((o) => o.value === '5')!.count, within.total);
    // Without a place, a distance is dropped (the no-JavaScript form always sends it).
    const lone = await jobs.searchJobs('dist=5', NOW);
    assert.equal(lone.total, listed().length);
    assert.equal(lone.notice, null);
    assert.ok(!lone.query.includes('dist'));
  });

  it("one fair's positions, named on its chip; an unknown fair is reported", async () => {
    const fairId = listed()[0]!.fairId;
    const got = await all(`fair=${fairId}`);
    assert.equal(got.total, listed().filter((p) => p.fairId === fairId).length);
    assert.ok(got.items.every((i) => i.fair.id === fairId));
    const title = db.select({ t: fairs.title }).from(fairs).where(eq(fairs.id, fairId)).get()!.t;
    assert.deepEqual(got.chips, [{ key: 'fair', value: String(fairId), name: title }]);
    const unknown = await jobs.searchJobs('fair=999999', NOW);
    assert.equal(unknown.notice, 'invalid-params');
    assert.equal(unknown.total, listed().length);
  });

  it("a fair's save reloads that fair's positions only: added, edited and deleted are seen, no rebuild", async () => {
    const fairId = listed()[0]!.fairId;
    const employerId = db.select({ id: fairEmployers.id }).from(fairEmployers).where(eq(fairEmployers.fairId, fairId)).get()!.id;
    await jobs.searchJobs('', NOW);
    const builds = jobs.jobList.index.stats.builds;
    const added = db.insert(fairPositions).values({ employerId, title: '单元测试新增岗位', headcount: 1, payMin: 9000, payMax: 9500, payUnit: 'month', requirements: '会说手语' }).returning().get();
    const found = await jobs.searchJobs(`fair=${fairId}&pay=m8000`, NOW);
    assert.ok(found.items.some((i) => i.id === added.id), 'the new position is listed with its pay band');
    db.update(fairPositions).set({ payMin: null, payMax: null }).where(eq(fairPositions.id, added.id)).run();
    assert.ok(!(await all(`fair=${fairId}&pay=m8000`)).items.some((i) => i.id === added.id), 'an edited pay leaves the band');
    db.delete(fairPositions).where(eq(fairPositions.id, added.id)).run();
    const after = await all(`fair=${fairId}`);
    assert.ok(!after.items.some((i) => i.id === added.id), 'a deleted position leaves the list');
    assert.equal(after.total, listed().filter((p) => p.fairId === fairId).length);
    assert.equal(jobs.jobList.index.stats.builds, builds, 'applied to the one fair, never rebuilt');
  });

  it("a fair's rename names its chip anew, and a withdrawn fair is unknown, with no rebuild", async () => {
    const fairId = listed()[0]!.fairId;
    const before = db.select({ t: fairs.title }).from(fairs).where(eq(fairs.id, fairId)).get()!.t;
    await jobs.searchJobs(`fair=${fairId}`, NOW);
    const builds = jobs.jobList.index.stats.builds;
    db.update(fairs).set({ title: `${before}（改名）` }).where(eq(fairs.id, fairId)).run();
    assert.deepEqual((await jobs.searchJobs(`fair=${fairId}`, NOW)).chips, [{ key: 'fair', value: String(fairId), name: `${before}（改名）` }]);
    db.update(fairs).set({ publication: 'draft' }).where(eq(fairs.id, fairId)).run();
    const gone = await jobs.searchJobs(`fair=${fairId}`, NOW);
    assert.equal(gone.notice, 'invalid-params', 'a fair no longer listed is not known');
    db.update(fairs).set({ title: before, publication: 'published' }).where(eq(fairs.id, fairId)).run();
    assert.equal((await jobs.searchJobs(`fair=${fairId}`, NOW)).chips[0]!.name, before);
    assert.equal(jobs.jobList.index.stats.builds, builds, 'the names updated in place, never rebuilt');
  });

  it("a course's rename shows on the job cards that link it, the counts kept", async () => {
    const { items } = await all('');
    const card = items.find((i) => i.course !== null)!;
    const first = await jobs.searchJobs('', NOW);
    db.update(courses).set({ title: `${card.course!.title}（新）` }).where(eq(courses.id, card.course!.id)).run();
    const renamed = (await all('')).items.find((i) => i.id === card.id)!;
    assert.equal(renamed.course!.title, `${card.course!.title}（新）`);
    assert.deepEqual((await jobs.searchJobs('', NOW)).facets, first.facets);
    db.update(courses).set({ title: card.course!.title }).where(eq(courses.id, card.course!.id)).run();
  });

  it('cards carry the linked course (published only) and 面议 pay as no figure', async () => {
    const { items } = await all('');
    const linked = items.filter((i) => i.course !== null);
    assert.ok(linked.length > 0);
    assert.ok(items.some((i) => i.course === null));
    assert.ok(items.some((i) => i.payMin === null && i.payMax === null));
  });
});
