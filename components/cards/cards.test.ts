/**
 * 办事卡 data and the Atom feeds (the course-run calendar file: run-ics.test.ts), against the seeded sample data
 * with the clock fixed at noon on TEST_TODAY (Monday 2026-11-23, Beijing).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { TEST_TODAY, useSeededTestDb } from '@/db/test-helpers';

const db = useSeededTestDb();
const NOW = new Date(`${TEST_TODAY}T12:00:00+08:00`);
const ORIGIN = 'https://fuwu.example.cn';

let cards: typeof import('./card-data');
let feeds: typeof import('./feeds');
let stations: typeof import('@/db/queries/stations');
let courses: typeof import('@/db/queries/courses');
let fairs: typeof import('@/db/queries/fairs/detail');
let feedQ: typeof import('@/db/queries/feeds');

before(async () => {
  cards = await import('./card-data');
  feeds = await import('./feeds');
  stations = await import('@/db/queries/stations');
  courses = await import('@/db/queries/courses');
  fairs = await import('@/db/queries/fairs/detail');
  feedQ = await import('@/db/queries/feeds');
});

function ids(query: string): number[] {
  return (db.$client.prepare(query).all() as { id: number }[]).map((r) => r.id);
}

/**
 * A small XML well-formedness check for tests: every tag closes in order, one root, attribute
 * values quoted, no bare '&'. Returns the element names in document order.
 */
function parseXml(xml: string): string[] {
  // Character data sections hold text, not markup.
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  assert.doesNotMatch(body, /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i, 'bare ampersand');
  const stack: string[] = [];
  const names: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g)) {
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
      continue;
    }
    if (stack.length === 0) roots++;
    names.push(name!);
    if (!selfClosing) stack.push(name!);
  }
  assert.equal(stack.length, 0, `unclosed: ${stack.join(',')}`);
  assert.equal(roots, 1);
  // Nothing tag-like was left unmatched (e.g. an unquoted attribute).
  assert.equal(body.replace(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g, '').includes('<'), false);
  return names;
}

it('the test XML check refuses broken markup', async () => {
  assert.throws(() => parseXml('<a><b></a></b>'));
  assert.throws(() => parseXml('<a>x & y</a>'));
  assert.throws(() => parseXml('<a><b></a>'));
  assert.throws(() => parseXml('<a x=1></a>'));
  assert.deepEqual(parseXml('<?xml version="1.0"?><a><![CDATA[<p>]]><b/></a>'), ['a', 'b']);
});

function entries(xml: string): string[] {
  return [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]!);
}

describe('card data', () => {
  it('a station card: address, the seven days from today, at most six services, phone, absolute URL', async () => {
    const id = ids(`SELECT id FROM stations WHERE publication = 'published' AND status = 'operating' ORDER BY id LIMIT 1`)[0]!;
    const s = (await stations.getStationDetail(id, NOW))!;
    const card = cards.stationCard(s, ORIGIN);
    assert.equal(card.url, `${ORIGIN}/stations/${id}`);
    assert.equal(card.title, s.name);
    assert.equal(card.phone, s.phone);
    assert.deepEqual(card.rows[0], { label: '地址', lines: [s.address] });
    const hours = card.rows.find((r) => r.label === '今天起7天开放时间')!;
    assert.equal(hours.lines.length, 7);
    assert.match(hours.lines[0]!, /^周一 11月23日（今天）/);
    assert.match(hours.lines[6]!, /^周日 11月29日　/);
    s.week.forEach((d, i) => assert.ok(hours.lines[i]!.includes(d.display)));
    const services = s.services.flatMap((g) => g.items.map((i) => i.name));
    const row = card.rows.find((r) => r.label === '主要服务');
    if (services.length) {
      assert.ok(row);
      for (const name of services.slice(0, cards.CARD_SERVICES_MAX)) assert.ok(row.lines[0]!.includes(name));
      if (services.length > cards.CARD_SERVICES_MAX) assert.ok(row.lines[0]!.endsWith(`等 ${services.length} 项`));
      else assert.ok(!row.lines[0]!.includes('等'));
    }
  });

  it('a station card printed from a search for one service puts that service and what to bring first', async () => {
    const id = ids(`SELECT id FROM stations WHERE publication = 'published' AND status = 'operating' ORDER BY id LIMIT 1`)[0]!;
    const s = (await stations.getStationDetail(id, NOW))!;
    const items = s.services.flatMap((g) => g.items);
    // The last service it offers: far down the catalogue, so "first" is a real move.
    const wanted = items.at(-1)!;
    assert.ok(items.length > cards.CARD_SERVICES_MAX, 'the station offers more services than the card shows');
    assert.ok(wanted.materials.length > 0, 'the sample catalogue says what to bring');
    const card = cards.stationCard(s, ORIGIN, wanted.id);
    assert.equal(card.rows[0]!.label, '要办的事');
    assert.equal(card.rows[0]!.lines[0], wanted.name);
    assert.equal(card.rows[0]!.lines[1], `办理需带：${wanted.materials.join('、')}`);
    if (wanted.online) assert.match(card.rows[0]!.lines[2]!, /^也可在手机上办/);
    else assert.equal(card.rows[0]!.lines.length, 2);
    assert.deepEqual(card.rows[1], { label: '地址', lines: [s.address] });
    const row = card.rows.find((r) => r.label === '主要服务')!;
    assert.ok(row.lines[0]!.startsWith(`${wanted.name}、`), row.lines[0]);
    assert.equal(row.lines[0]!.split(wanted.name).length - 1, 1, 'named once');
    assert.ok(row.lines[0]!.endsWith(`等 ${items.length} 项`));
    // The QR code and the way back keep the service, so the page opens on it too.
    assert.equal(card.url, `${ORIGIN}/stations/${id}?service=${wanted.id}`);
    assert.equal(card.backHref, `/stations/${id}?service=${wanted.id}`);
  });

  it('a station card ignores a searched service the station does not offer', async () => {
    const id = ids(`SELECT id FROM stations WHERE publication = 'published' AND status = 'operating' ORDER BY id LIMIT 1`)[0]!;
    const s = (await stations.getStationDetail(id, NOW))!;
    const offered = new Set(s.services.flatMap((g) => g.items.map((i) => i.id)));
    const other = ids(`SELECT id FROM services ORDER BY id`).find((x) => !offered.has(x));
    assert.ok(other, 'some service is not offered here');
    assert.deepEqual(cards.stationCard(s, ORIGIN, other), cards.stationCard(s, ORIGIN));
  });

  it('a station card says why a day in its seven days is closed', async () => {
    // The sample data closes a bank branch for two days from tomorrow, so some station has one.
    const details = await Promise.all(ids(`SELECT id FROM stations WHERE publication = 'published' ORDER BY id`).map((id) => stations.getStationDetail(id, NOW)));
    const withNote = details
      .map((s) => s!)
      .find((s) => s.week.some((d) => d.note && d.note !== d.display));
    assert.ok(withNote, 'the sample data closes a station from tomorrow');
    const lines = cards.stationCard(withNote, ORIGIN).rows.find((r) => r.label === '今天起7天开放时间')!.lines;
    const day = withNote.week.findIndex((d) => d.note && d.note !== d.display);
    const note = withNote.week[day]!.note!;
    assert.ok(lines[day]!.includes(`（${note}）`));
    // Said once: a cell that already names the reason ('休息（医保信息系统升级）') gets no second copy.
    assert.equal(lines[day]!.split(note).length - 1, 1, lines[day]);
  });

  it('a run card: dates, class time, deadline, cost, place and the run anchor on the course page', async () => {
    const [courseId] = ids(`SELECT c.id FROM courses c JOIN course_runs r ON r.course_id = c.id
      WHERE c.publication = 'published' AND r.publication = 'published' ORDER BY c.id LIMIT 1`);
    const c = (await courses.getCourseDetail(courseId!, NOW))!;
    const r = c.runs[0]!;
    const card = cards.runCard(c, r, ORIGIN);
    assert.equal(card.url, `${ORIGIN}/courses/${c.id}#run-${r.id}`);
    assert.deepEqual(
      card.rows.map((x) => x.label).slice(0, 5),
      ['日期', '上课时间', '报名截止', '费用', '理论上课地点'],
    );
    assert.ok(card.rows[4]!.lines[0]!.includes(r.theory.address));
    assert.ok(card.phone!.startsWith(r.contactPhone || c.provider.phone));
  });

  it('a fair card: when, where, employer and position counts; status when not as planned or over', async () => {
    for (const id of ids(`SELECT id FROM fairs WHERE publication = 'published' ORDER BY id`)) {
      const f = (await fairs.getFairDetail(id, NOW))!;
      const card = cards.fairCard(f, ORIGIN);
      assert.equal(card.url, `${ORIGIN}/fairs/${id}`);
      const employers = card.rows.find((r) => r.label === '参会单位')!;
      assert.ok(employers.lines[0]!.startsWith(`${f.employerCount} 家单位 · ${f.positionCount} 个岗位`));
      assert.equal(card.rows.some((r) => r.label === '状态'), f.status !== 'scheduled' || f.past);
      if (f.status === 'scheduled' && f.past) assert.deepEqual(card.rows.find((r) => r.label === '状态')!.lines, ['已结束']);
      const where = card.rows.find((r) => r.label === '地点')!;
      if (f.place) assert.ok(where.lines[0]!.includes(f.place.address));
      else assert.deepEqual(where.lines, ['线上招聘会']);
    }
  });
});

describe('share posters', () => {
  it('a course poster gives its open run\'s deadline and cost; an ended fair\'s poster says so', async () => {
    const poster = await import('@/components/share/poster-data');
    let courseChecked = 0;
    for (const id of ids(`SELECT id FROM courses WHERE publication = 'published' ORDER BY id`)) {
      const c = (await courses.getCourseDetail(id, NOW))!;
      const open = c.runs.find((r) => r.status === 'open');
      if (!open) continue;
      const rows = poster.coursePoster(c, ORIGIN).rows;
      assert.deepEqual(rows.find((r) => r.label === '报名截止')?.lines, [cards.runCard(c, open, ORIGIN).rows.find((r) => r.label === '报名截止')!.lines[0]]);
      assert.ok(rows.find((r) => r.label === '费用')!.lines[0]!.length > 0);
      courseChecked++;
    }
    assert.ok(courseChecked > 0);
    let fairChecked = 0;
    for (const id of ids(`SELECT id FROM fairs WHERE publication = 'published' AND status = 'scheduled' ORDER BY id`)) {
      const f = (await fairs.getFairDetail(id, NOW))!;
      const status = poster.fairPoster(f, ORIGIN).rows.find((r) => r.label === '状态');
      assert.deepEqual(status?.lines, f.past ? ['已结束'] : undefined, String(id));
      if (f.past) fairChecked++;
    }
    assert.ok(fairChecked > 0, 'the sample data has ended fairs');
  });
});

describe('feeds', () => {
  it('Beijing RFC 3339 dates', async () => {
    assert.equal(feeds.beijingRfc3339(Date.UTC(2026, 10, 23, 17, 30, 5)), '2026-11-24T01:30:05+08:00');
    assert.equal(
      feeds.withBeijingDates('<updated>2026-11-23T01:00:00.000Z</updated><published>x</published>'),
      '<updated>2026-11-23T09:00:00+08:00</updated><published>x</published>',
    );
  });

  it('courses: well-formed Atom, published courses only, newest first, absolute links, +08:00 dates', async () => {
    const items = await feedQ.listFeedCourses(null);
    const published = ids(`SELECT id FROM courses WHERE publication = 'published'`);
    assert.equal(items.length, Math.min(published.length, feedQ.FEED_SIZE));
    assert.ok(items.every((c) => published.includes(c.id)));
    for (let i = 1; i < items.length; i++) assert.ok(items[i - 1]!.publishedAt >= items[i]!.publishedAt);
    const xml = feeds.coursesFeed(items, { origin: ORIGIN, selfUrl: `${ORIGIN}/feeds/courses.xml`, now: NOW, occupation: null });
    const names = parseXml(xml);
    assert.equal(names[0], 'feed');
    const list = entries(xml);
    assert.equal(list.length, items.length);
    list.forEach((e, i) => assert.ok(e.includes(`<link href="${ORIGIN}/courses/${items[i]!.id}"`)));
    const stamps = [...xml.matchAll(/<(?:updated|published)>([^<]+)</g)].map((m) => m[1]!);
    assert.ok(stamps.length > items.length);
    for (const s of stamps) assert.match(s, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    assert.ok(xml.includes(`<link rel="self" href="${ORIGIN}/feeds/courses.xml"`));
  });

  it('courses of one occupation only; an unknown occupation has no name', async () => {
    const occ = ids(`SELECT occupation_id AS id FROM courses WHERE publication = 'published' LIMIT 1`)[0]!;
    const items = await feedQ.listFeedCourses(occ);
    const expected = ids(`SELECT id FROM courses WHERE publication = 'published' AND occupation_id = ${occ}`);
    assert.deepEqual(items.map((c) => c.id).sort((a, b) => a - b), expected.sort((a, b) => a - b));
    assert.equal(await feedQ.getOccupationName(999999), null);
    assert.ok(await feedQ.getOccupationName(occ));
  });

  it('fairs: well-formed Atom of published fairs not yet over, by type on request', async () => {
    const items = await feedQ.listFeedFairs(null, NOW);
    const expected = ids(`SELECT id FROM fairs WHERE publication = 'published' AND ends_at >= '${TEST_TODAY}T12:00'`);
    assert.deepEqual(items.map((f) => f.id).sort((a, b) => a - b), expected.sort((a, b) => a - b).slice(0, feedQ.FEED_SIZE));
    const xml = feeds.fairsFeed(items, { origin: ORIGIN, selfUrl: `${ORIGIN}/feeds/fairs.xml`, now: NOW, typeLabel: null });
    parseXml(xml);
    assert.equal(entries(xml).length, items.length);
    const cancelled = items.find((f) => f.status === 'cancelled');
    if (cancelled) assert.ok(xml.includes(`【取消】${cancelled.title}`));
    const type = items[0]!.type;
    const typed = await feedQ.listFeedFairs(type, NOW);
    assert.ok(typed.length > 0 && typed.every((f) => f.type === type));
  });

  it('an empty feed is still a well-formed feed', async () => {
    const xml = feeds.coursesFeed([], { origin: ORIGIN, selfUrl: `${ORIGIN}/feeds/courses.xml?occupation=1`, now: NOW, occupation: '电工' });
    parseXml(xml);
    assert.equal(entries(xml).length, 0);
    assert.ok(xml.includes('电工'));
  });
});
