/**
 * The course search and detail against the seeded sample data on a fixed day. Expected results
 * are worked out independently in JavaScript from the raw tables and the pure run rules, so
 * the SQL is checked against the rules, not against itself.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq as eqCol } from 'drizzle-orm';
import { TEST_TODAY, useSeededTestDb } from '@/db/test-helpers';
import {
  courseRuns,
  courses as coursesTable,
  fairEmployers,
  fairPositions,
  fairs,
  occupations,
  places,
  runCertificates,
  runTargetGroups,
  streets,
  targetGroups,
} from '@/db/schema';
import { runStatus, startWindowEnd, type RunStatus } from '@/db/domain/course-run';
import { distanceMetres } from '@/db/domain/geo';

const db = useSeededTestDb();
// Imported only after the seeded database is the shared connection (this file compiles to
// CommonJS, so the dynamic import waits in a hook rather than at the top level).
let q: typeof import('./courses');
before(async () => {
  q = await import('./courses');
});

const today = TEST_TODAY;
const NOW = new Date(`${today}T10:00:00+08:00`);

const search = (qs: string) => q.searchCourses(qs, { today });

/** Every course id the search returns, across all pages, in order. */
async function allIds(qs: string): Promise<number[]> {
  const first = (await search(qs));
  const ids = first.items.map((c) => c.id);
  for (let p = 2; p <= first.pageCount; p++) {
    ids.push(...(await search(`${qs}${qs ? '&' : ''}page=${p}`)).items.map((c) => c.id));
  }
  assert.equal(ids.length, first.total, `pages add up to the total for "${qs}"`);
  assert.equal(new Set(ids).size, ids.length, `no course repeats across pages for "${qs}"`);
  return ids;
}

// --- Independent model of the data --------------------------------------------------------
const allCourses = db.select().from(coursesTable).all();
const allRuns = db.select().from(courseRuns).all();
const allPlaces = new Map(db.select().from(places).all().map((p) => [p.id, p]));
const certKinds = new Map<number, Set<string>>();
for (const c of db.select().from(runCertificates).all()) {
  certKinds.set(c.runId, (certKinds.get(c.runId) ?? new Set()).add(c.kind));
}
const runGroups = new Map<number, Set<string>>();
for (const g of db.select().from(runTargetGroups).all()) {
  runGroups.set(g.runId, (runGroups.get(g.runId) ?? new Set()).add(g.groupCode));
}
const courseById = new Map(allCourses.map((c) => [c.id, c]));
type Run = (typeof allRuns)[number];
type Course = (typeof allCourses)[number];

const isDual = (r: Run) => (certKinds.get(r.id)?.has('skill') ?? false) && (certKinds.get(r.id)?.has('licence') ?? false);
const upcoming = (r: Run) => r.startDate > today;

/** Published courses with a published run passing `pred` (default status rule unless told). */
function expected(pred: (r: Run, c: Course) => boolean, opts: { statusRule?: (r: Run) => boolean } = {}): Set<number> {
  const statusRule = opts.statusRule ?? upcoming;
  const out = new Set<number>();
  for (const r of allRuns) {
    const c = courseById.get(r.courseId)!;
    if (c.publication !== 'published' || r.publication !== 'published') continue;
    if (statusRule(r) && pred(r, c)) out.add(c.id);
  }
  return out;
}

const sorted = (s: Iterable<number>) => [...s].sort((a, b) => a - b);
const assertSameSet = (actual: number[], exp: Set<number>, what: string) =>
  assert.deepEqual(sorted(actual), sorted(exp), what);

const occByName = (name: string) => db.select().from(occupations).all().find((o) => o.name === name);

// --------------------------------------------------------------------------------------------

describe('sample data the tests rely on', () => {
  it('has published and unpublished courses, runs in every status, 一培双证 and every cost type', async () => {
    assert.ok(allCourses.filter((c) => c.publication === 'published').length >= 20);
    assert.ok(allCourses.some((c) => c.publication !== 'published'), 'an unpublished course');
    const statuses = new Set(allRuns.filter((r) => r.publication === 'published').map((r) => runStatus(r, today)));
    for (const s of ['open', 'full', 'closed', 'running', 'ended'] as RunStatus[]) assert.ok(statuses.has(s), `a run ${s}`);
    assert.ok(allRuns.some(isDual));
    for (const t of ['free', 'subsidy', 'self']) assert.ok(allRuns.some((r) => r.costType === t), t);
  });
});

describe('searchCourses: default list', () => {
  it('shows published courses that still have a run to come, never unpublished ones', async () => {
    const ids = (await allIds(''));
    assertSameSet(ids, expected(() => true), 'default = courses with an upcoming published run');
    for (const id of ids) assert.equal(courseById.get(id)!.publication, 'published');
  });

  it('shows on each card a published matching run: the soonest one residents can join, else the soonest', async () => {
    const res = (await search(''));
    assert.ok(res.items.length > 0 && res.items.length <= q.COURSE_PAGE_SIZE);
    for (const card of res.items) {
      const run = allRuns.find((r) => r.id === card.run.id)!;
      assert.equal(run.courseId, card.id);
      assert.equal(run.publication, 'published');
      assert.ok(upcoming(run));
      const candidates = allRuns
        .filter((r) => r.courseId === card.id && r.publication === 'published' && upcoming(r))
        .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id - b.id));
      const soonest = candidates.find((r) => runStatus(r, today) === 'open') ?? candidates[0]!;
      assert.equal(card.run.startDate, soonest.startDate);
      assert.equal(card.run.status, runStatus(run, today));
      const matching = allRuns.filter((r) => r.courseId === card.id && r.publication === 'published' && upcoming(r));
      assert.equal(card.otherRuns, matching.length - 1);
    }
  });

  it('sorts by soonest start: courses residents can join first, each group soonest first', async () => {
    const cards = [];
    for (let p = 1; p <= (await search('')).pageCount; p++) cards.push(...(await search(p > 1 ? `page=${p}` : '')).items);
    const open = cards.filter((c) => c.run.status === 'open').map((c) => c.run.startDate);
    const rest = cards.filter((c) => c.run.status !== 'open').map((c) => c.run.startDate);
    assert.ok(open.length > 0 && rest.length > 0);
    assert.deepEqual(cards.map((c) => c.run.startDate), [...open, ...rest], 'joinable courses come first');
    assert.deepEqual(open, [...open].sort());
    assert.deepEqual(rest, [...rest].sort());
  });

  it('never shows an unpublished run, even when asking for every status', async () => {
    const unpublishedRuns = new Set(allRuns.filter((r) => r.publication !== 'published').map((r) => r.id));
    const all = 'status=open&status=full&status=closed&status=running&status=ended';
    const res = (await search(all));
    for (let p = 1; p <= res.pageCount; p++) {
      for (const card of (await search(`${all}&page=${p}`)).items) assert.ok(!unpublishedRuns.has(card.run.id));
    }
    const unpublishedCourses = allCourses.filter((c) => c.publication !== 'published').map((c) => c.id);
    for (const id of (await allIds(all))) assert.ok(!unpublishedCourses.includes(id));
  });
});

describe('searchCourses: each filter narrows correctly', () => {
  it('工种', async () => {
    const occ = occByName('电工')!;
    const ids = (await allIds(`occupation=${occ.id}`));
    assert.ok(ids.length > 0);
    assertSameSet(ids, expected((_r, c) => c.occupationId === occ.id), '电工 only');
  });

  it('等级 (one or several)', async () => {
    assertSameSet((await allIds('level=5')), expected((_r, c) => c.level === 5), 'level 5');
    assertSameSet((await allIds('level=5&level=4')), expected((_r, c) => c.level === 5 || c.level === 4), 'levels 5+4');
  });

  it('街镇 of the theory venue', async () => {
    const withRuns = [...new Set(allRuns.map((r) => allPlaces.get(r.theoryPlaceId)!.streetId))].filter((s) => s !== null);
    for (const streetId of withRuns.slice(0, 4)) {
      const ids = (await allIds(`street=${streetId}`));
      assertSameSet(ids, expected((r) => allPlaces.get(r.theoryPlaceId)!.streetId === streetId), `street ${streetId}`);
    }
  });

  it('费用 (免费/补贴/自费)', async () => {
    for (const cost of ['free', 'subsidy', 'self'] as const) {
      assertSameSet((await allIds(`cost=${cost}`)), expected((r) => r.costType === cost), cost);
    }
    assertSameSet((await allIds('cost=free&cost=subsidy')), expected((r) => r.costType !== 'self'), 'free+subsidy');
  });

  it('一培双证: a run with both a skill and a licence certificate', async () => {
    const ids = (await allIds('dual=1'));
    assert.ok(ids.length > 0);
    assertSameSet(ids, expected(isDual), 'dual');
    for (const card of (await search('dual=1')).items) assert.equal(card.run.dual, true);
  });

  it('适合人群', async () => {
    for (const g of db.select().from(targetGroups).all().slice(0, 4)) {
      assertSameSet((await allIds(`group=${g.code}`)), expected((r) => runGroups.get(r.id)?.has(g.code) ?? false), g.code);
    }
  });

  it('开课时间 windows', async () => {
    for (const w of ['2w', '1m', '3m'] as const) {
      const end = startWindowEnd(w, today)!;
      assertSameSet((await allIds(`start=${w}`)), expected((r) => r.startDate >= today && r.startDate <= end), w);
    }
  });

  it('班期状态, computed as the pure rules say', async () => {
    for (const s of ['open', 'full', 'closed', 'running', 'ended'] as RunStatus[]) {
      const ids = (await allIds(`status=${s}`));
      assertSameSet(ids, expected(() => true, { statusRule: (r) => runStatus(r, today) === s }), s);
      assert.ok(ids.length > 0, `some course has a run ${s}`);
    }
    assertSameSet(
      (await allIds('status=open&status=ended')),
      expected(() => true, { statusRule: (r) => ['open', 'ended'].includes(runStatus(r, today)) }),
      'open+ended',
    );
  });

  it('周末 / 晚上上课: a run that meets on a Saturday or Sunday, or starts at 18:00 or later', async () => {
    const weekend = (r: Run) => r.classDays.split(',').some((d) => d === '6' || d === '7');
    const evening = (r: Run) => r.dailyStart >= '18:00';
    const w = await allIds('when=weekend');
    const e = await allIds('when=evening');
    assert.ok(w.length > 0 && e.length > 0, 'the sample has weekend and evening classes');
    assertSameSet(w, expected(weekend), 'weekend');
    assertSameSet(e, expected(evening), 'evening');
    assertSameSet(await allIds('when=weekend&when=evening'), expected((r) => weekend(r) || evening(r)), 'either');
  });

  it('只看还有名额的: a run with seats left', async () => {
    const ids = await allIds('seats=1');
    assertSameSet(ids, expected((r) => r.seatsLeft > 0), 'seats=1');
    assert.ok(ids.length < (await allIds('')).length, 'some course has only full runs to come');
    // With another run filter, one run must have both (a full free run and an open paid one do not make it).
    assertSameSet(await allIds('seats=1&cost=free'), expected((r) => r.seatsLeft > 0 && r.costType === 'free'), 'seats=1&cost=free');
  });

  it('combines filters on the same run', async () => {
    const occ = occByName('电工')!;
    assertSameSet(
      (await allIds(`occupation=${occ.id}&cost=free&status=open`)),
      expected((r, c) => c.occupationId === occ.id && r.costType === 'free', { statusRule: (r) => runStatus(r, today) === 'open' }),
      '电工 + free + open',
    );
  });
});

describe('searchCourses: facet counts', () => {
  const check = async (base: string) => {
    const res = (await search(base));
    for (const [key, options] of Object.entries(res.facets)) {
      for (const o of options) {
        const sp = new URLSearchParams(base);
        if (key === 'start' && o.value === 'any') sp.delete('start');
        else {
          sp.delete(key);
          sp.append(key, o.value);
        }
        assert.equal((await search(sp.toString())).total, o.count, `facet ${key}=${o.value} on "${base}"`);
      }
    }
  };

  it('equal what filtering by that option returns', async () => (await check('')));
  it('equal what filtering returns with other filters applied', async () => (await check('cost=free&level=5')));
  it('equal what filtering returns with a keyword and a status', async () => (await check('q=电工&status=open&status=ended')));
});

describe('searchCourses: keywords', () => {
  it('finds 2-character words: 电工, 花艺, 叉车', async () => {
    for (const word of ['电工', '花艺', '叉车']) {
      const res = (await search(`q=${encodeURIComponent(word)}&status=open&status=full&status=closed&status=running&status=ended`));
      assert.ok(res.total > 0, word);
    }
    const ele = (await search('q=电工'));
    assert.ok(ele.items.some((c) => c.occupation === '电工'));
  });

  it('finds pinyin initials: yllh → 园林绿化', async () => {
    const res = (await search('q=yllh'));
    assert.ok(res.total > 0);
    assert.ok(res.items.every((c) => c.title.includes('园林绿化') || c.occupation.includes('园林绿化')));
  });

  it('finds longer words and providers', async () => {
    assert.ok((await search('q=园林绿化工')).total > 0);
    assert.ok((await search(`q=${encodeURIComponent('金匠人')}`)).total > 0);
  });

  it('finds nothing for nonsense and offers ways to widen', async () => {
    const res = (await search('q=zzzxq&cost=free'));
    assert.equal(res.total, 0);
    assert.equal(res.items.length, 0);
    const dropQ = res.widen.find((w) => w.kind === 'drop' && w.query === 'cost=free');
    assert.ok(dropQ, 'dropping the keyword is offered');
    assert.equal(dropQ.count, (await search('cost=free')).total);
    assert.ok(res.widen.some((w) => w.kind === 'ended'));
    // Each way to widen says what its own link gives.
    const none = await search(`q=zzzxq&level=5&level=4&cost=free&status=open&street=${db.select().from(streets).all()[0]!.id}`);
    assert.equal(none.total, 0);
    for (const w of [...res.widen, ...none.widen]) assert.equal(w.count, (await search(w.query)).total, w.query);
  });
});

describe('searchCourses: sorting and places', () => {
  it('orders by distance from a landmark and reports it', async () => {
    const landmark = db.select().from(places).all().find((p) => p.kind === 'landmark')!;
    const res = (await search(`sort=near&from=place-${landmark.id}`));
    assert.equal(res.order, 'near');
    assert.equal(res.origin?.name, landmark.name);
    // The old address reads as the same origin; the canonical query says it the one way.
    assert.equal(res.query, `sort=near&near=p${landmark.id}`);
    assert.deepEqual((await search(`sort=near&near=p${landmark.id}`)).items, res.items);
    assert.ok(res.chips.some((c) => c.key === 'near'));
    const ds = res.items.map((c) => c.run.distance!);
    for (const d of ds) assert.equal(typeof d, 'number');
    for (let i = 1; i < ds.length; i++) assert.ok(ds[i]! + 50 >= ds[i - 1]!, `non-decreasing distance ${ds.join(',')}`);
    // The first card is the closest upcoming run of all.
    const closest = Math.min(
      ...allRuns
        .filter((r) => r.publication === 'published' && courseById.get(r.courseId)!.publication === 'published' && upcoming(r))
        .map((r) => distanceMetres(landmark, allPlaces.get(r.theoryPlaceId)!)),
    );
    assert.ok(Math.abs(ds[0]! - closest) < 50);
  });

  it('orders by distance from a 街镇 centre', async () => {
    const st = db.select().from(streets).all()[0]!;
    const res = (await search(`sort=near&from=street-${st.id}`));
    assert.equal(res.origin?.name, st.name);
    assert.ok(res.items[0]!.run.distance !== null);
  });

  it('needs a place for 离我最近 and falls back to start order', async () => {
    const res = (await search('sort=near'));
    assert.equal(res.order, 'start');
    assert.equal(res.needsOrigin, true);
    assert.equal(res.notice, null);
  });

  it('orders by newest published', async () => {
    const res = (await search('sort=new'));
    const times = res.items.map((c) => courseById.get(c.id)!.publishedAt?.getTime() ?? 0);
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
  });
});

describe('searchCourses: pages, chips and bad input', () => {
  it('pages without overlap and clamps a page past the end', async () => {
    const first = (await search(''));
    assert.ok(first.pageCount >= 2, 'the sample fills more than one page');
    const second = (await search('page=2'));
    assert.equal(second.page, 2);
    assert.ok(second.items.every((c) => !first.items.some((f) => f.id === c.id)));
    const beyond = (await search('page=400'));
    assert.equal(beyond.page, first.pageCount);
    assert.equal(beyond.notice, null);
  });

  it('makes a chip for each active filter, removable one by one', async () => {
    const occ = occByName('电工')!;
    const res = (await search(`q=电工&occupation=${occ.id}&level=5&level=4&cost=free&dual=1&start=1m&status=open`));
    const keys = res.chips.map((c) => `${c.key}${c.value ? `=${c.value}` : ''}`);
    assert.deepEqual(keys, ['q', 'occupation', 'level=5', 'level=4', 'cost=free', 'dual', 'start', 'status=open']);
    assert.ok(res.chips.find((c) => c.key === 'occupation')!.name!.includes('电工'));
    assert.equal(res.notice, null);
  });

  it('falls back to defaults with a notice for unreadable parameters', async () => {
    const baseline = (await search(''));
    const long = 'x'.repeat(500);
    for (const bad of ['page=abc', 'level=99', 'street=999999', `q=${long}`, 'status=soon', 'cost=cheap', 'from=place-999999', 'from=nowhere', 'occupation=-3', 'group=nobody', 'start=tomorrow', 'sort=random', 'dual=maybe']) {
      const res = (await search(bad));
      assert.equal(res.notice !== null, true, `notice for ${bad}`);
      assert.equal(res.total, baseline.total, `default results for ${bad}`);
      assert.equal(res.query, '', `canonical query drops ${bad}`);
    }
  });

  it('copes with odd Unicode in the keyword', async () => {
    const all = (await search(''));
    for (const odd of ['%F0%9F%98%80%E7%94%B5', '%00%01', '%E2%80%AE%E7%94%B5%E5%B7%A5', '%EF%BC%85%EF%BC%A4', "'%22--%20OR%201=1"]) {
      const res = (await search(`q=${odd}`));
      // A page of what was counted, never an error, never everything.
      assert.equal(res.items.length, Math.min(res.total, q.COURSE_PAGE_SIZE), odd);
      // Control characters alone are no keyword: the default list. Anything else narrows it.
      if (odd === '%00%01') assert.equal(res.total, all.total);
      else assert.ok(res.total < all.total, `${odd} does not match every course`);
    }
  });

  it('keeps valid parts of a partly bad URL in the canonical query', async () => {
    const res = (await search('cost=free&level=99&page=abc'));
    assert.equal(res.query, 'cost=free');
    assert.ok(res.notice);
  });
});

describe('searchCourses: fresh after writes', () => {
  it('reflects a change to the data at once (the list cache is dropped on any write)', async () => {
    const before = (await search('status=full')).total;
    const open = allRuns.find(
      (r) => r.publication === 'published' && courseById.get(r.courseId)!.publication === 'published' && runStatus(r, today) === 'open'
      && !allRuns.some((x) => x.courseId === r.courseId && x.publication === 'published' && runStatus(x, today) === 'full'),
    )!;
    assert.ok(open, 'an open run of a course with no full run');
    db.update(courseRuns).set({ seatsLeft: 0 }).where(eqCol(courseRuns.id, open.id)).run();
    try {
      assert.equal((await search('status=full')).total, before + 1);
    } finally {
      db.update(courseRuns).set({ seatsLeft: open.seatsLeft }).where(eqCol(courseRuns.id, open.id)).run();
    }
    assert.equal((await search('status=full')).total, before);
  });
});

describe('getCourseDetail', () => {
  const published = allCourses.filter((c) => c.publication === 'published');
  const withDual = published.find((c) => allRuns.some((r) => r.courseId === c.id && isDual(r)))!;

  it('returns the sections and every published run, upcoming first then past', async () => {
    const d = (await q.getCourseDetail(withDual.id, NOW))!;
    assert.equal(d.title, withDual.title);
    assert.equal(d.sections.suitableFor, withDual.suitableFor);
    const expectedRuns = allRuns.filter((r) => r.courseId === withDual.id && r.publication === 'published');
    assert.deepEqual(sorted(d.runs.map((r) => r.id)), sorted(expectedRuns.map((r) => r.id)));
    const endedAt = d.runs.findIndex((r) => r.status === 'ended');
    if (endedAt >= 0) assert.ok(d.runs.slice(endedAt).every((r) => r.status === 'ended'));
    for (const r of d.runs) assert.equal(r.status, runStatus(expectedRuns.find((x) => x.id === r.id)!, today));
    assert.equal(d.dual, true);
    const dualRun = d.runs.find((r) => r.dual)!;
    assert.deepEqual(new Set(dualRun.certificates.map((c) => c.kind)), new Set(['skill', 'licence']));
    assert.ok(d.runs.every((r) => r.theory.name && r.contactPhone));
  });

  it('lists positions linked to the course at coming published fairs', async () => {
    const nowLocal = `${today}T10:00`;
    const linked = db
      .select({ courseId: fairPositions.courseId, fairId: fairs.id, pub: fairs.publication, status: fairs.status, endsAt: fairs.endsAt })
      .from(fairPositions)
      .innerJoin(fairEmployers, eqCol(fairEmployers.id, fairPositions.employerId))
      .innerJoin(fairs, eqCol(fairs.id, fairEmployers.fairId))
      .all()
      .filter((x) => x.courseId !== null && x.pub === 'published' && x.status !== 'cancelled' && x.endsAt >= nowLocal);
    assert.ok(linked.length > 0, 'the sample links positions to courses');
    const courseId = linked[0]!.courseId!;
    const d = (await q.getCourseDetail(courseId, NOW));
    if (courseById.get(courseId)!.publication !== 'published') {
      assert.equal(d, null);
      return;
    }
    assert.ok(d!.jobs.length > 0);
    const okFairs = new Set(linked.filter((x) => x.courseId === courseId).map((x) => x.fairId));
    for (const j of d!.jobs) assert.ok(okFairs.has(j.fairId));
  });

  it('returns null for unknown, unpublished and malformed ids', async () => {
    assert.equal((await q.getCourseDetail(999_999, NOW)), null);
    assert.equal((await q.getCourseDetail(-1, NOW)), null);
    assert.equal((await q.getCourseDetail(Number.NaN, NOW)), null);
    for (const c of allCourses.filter((c) => c.publication !== 'published')) {
      assert.equal((await q.getCourseDetail(c.id, NOW)), null);
      assert.equal((await q.getCourseTitle(c.id)), null);
    }
  });

  it('leaves unpublished runs out of a published course', async () => {
    const draftRun = allRuns.find((r) => r.publication !== 'published' && courseById.get(r.courseId)!.publication === 'published');
    if (!draftRun) return;
    const d = (await q.getCourseDetail(draftRun.courseId, NOW))!;
    assert.ok(!d.runs.some((r) => r.id === draftRun.id));
  });
});

describe('listCourseOrigins', () => {
  it('offers every 街镇 and the landmarks', async () => {
    const o = (await q.listCourseOrigins());
    assert.equal(o.streets.length, 26);
    assert.ok(o.landmarks.length > 0);
    assert.ok(o.streets.every((s) => /^s\d+$/.test(s.value)));
  });
});

describe('the run a card headlines', () => {
  it('is one residents can still join whenever the course has such a run', async () => {
    const all = (await q.searchCourses('page=1', { today: TEST_TODAY }));
    const pages = all.pageCount;
    let checked = 0;
    for (let page = 1; page <= pages; page++) {
      const result = (await q.searchCourses(`page=${page}`, { today: TEST_TODAY }));
      for (const card of result.items) {
        const runs = db
          .select()
          .from(courseRuns)
          .where(eqCol(courseRuns.courseId, card.id))
          .all()
          .filter((r) => r.publication === 'published' && r.startDate > TEST_TODAY);
        if (runs.some((r) => runStatus(r, TEST_TODAY) === 'open')) {
          assert.equal(card.run.status, 'open', `${card.title} headlines ${card.run.status}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 0, 'some course has an open run');
  });
});
