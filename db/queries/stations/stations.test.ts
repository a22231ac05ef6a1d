/**
 * The station finder and station page on the seeded sample data (TEST_TODAY = Monday
 * 2026-11-23). Every instant is written with its +08:00 offset, so the answers do not depend
 * on the zone the tests run in.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { WEEKDAY_NAMES, addDays, monthDay, weekdayOf } from '@/db/domain/time';
import { TEST_TODAY, useSeededTestDb } from '@/db/test-helpers';
import type * as StationQueries from './index';
import type { StationListItem, StationSearchResult } from './index';

const db = useSeededTestDb();

let q: typeof StationQueries;
before(async () => {
  q = await import('./index');
});

/** A Beijing wall-clock time as the instant it denotes. */
function bj(local: string): Date {
  return new Date(`${local}:00+08:00`);
}

const TODAY = TEST_TODAY; // a Monday
const MON_10 = bj(`${TODAY}T10:00`);

/** The seed's upcoming closure of one station (a bank: open every day, so it always bites). */
function futureClosure() {
  const row = sqlAll<{ station_id: number; start_date: string; end_date: string; reason: string }>(
    'SELECT station_id, start_date, end_date, reason FROM station_exceptions WHERE closed = 1 AND start_date > ? ORDER BY start_date',
    TODAY,
  )[0];
  assert.ok(row, 'the seed has an upcoming closure');
  return row;
}

function search(qs: string, now = MON_10): Promise<StationSearchResult> {
  return q.searchStations(qs, now);
}

/** Every matching item, across all pages. */
async function all(qs: string, now = MON_10): Promise<StationListItem[]> {
  const first = await search(qs, now);
  const items = [...first.items];
  for (let p = 2; p <= first.pageCount; p++) {
    const sp = new URLSearchParams(qs);
    sp.set('page', String(p));
    items.push(...(await search(sp.toString(), now)).items);
  }
  assert.equal(items.length, first.total);
  return items;
}

function sqlAll<T>(query: string, ...params: unknown[]): T[] {
  return db.$client.prepare(query).all(...params) as T[];
}

function stationId(name: string): number {
  const row = sqlAll<{ id: number }>('SELECT id FROM stations WHERE name = ?', name)[0];
  assert.ok(row, `no station ${name}`);
  return row.id;
}

function serviceId(name: string): number {
  const row = sqlAll<{ id: number }>('SELECT id FROM services WHERE name = ?', name)[0];
  assert.ok(row, `no service ${name}`);
  return row.id;
}

const PUBLISHED = () => sqlAll<{ n: number }>("SELECT count(*) AS n FROM stations WHERE publication = 'published'")[0]!.n;

describe('station finder: defaults', () => {
  it('lists every published station, operating ones first, then the planned ones', async () => {
    const items = await all('');
    assert.equal(items.length, PUBLISHED());
    assert.equal(items.length, 52);
    const plannedFrom = items.findIndex((i) => i.planned);
    assert.equal(items.length - plannedFrom, 5, 'the five planned stations come last');
    assert.ok(items.slice(plannedFrom).every((i) => i.planned && i.status.label === '尚未启用'));
    assert.ok(items.slice(plannedFrom).every((i) => /^尚未启用，计划\d+月\d+日启用$/.test(i.status.text)));
  });

  it('without a location, sorts by 街镇 order and gives no distances', async () => {
    const r = await search('');
    const order = sqlAll<{ name: string }>('SELECT name FROM streets ORDER BY sort').map((s) => s.name);
    const operating = (await all('')).filter((i) => !i.planned);
    const positions = operating.map((i) => order.indexOf(i.streetName));
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b));
    assert.equal(r.origin, null);
    assert.equal(r.within15, null);
    assert.ok(r.items.every((i) => i.distance === null));
  });

  it('never shows an unpublished station, by list, keyword or page', async () => {
    const draft = sqlAll<{ id: number; name: string }>("SELECT id, name FROM stations WHERE publication <> 'published'");
    assert.ok(draft.length > 0, 'the seed has a draft station');
    const ids = new Set((await all('')).map((i) => i.id));
    for (const d of draft) {
      assert.ok(!ids.has(d.id));
      assert.equal((await search(`q=${encodeURIComponent('花乡支行')}`)).items.filter((i) => i.id === d.id).length, 0);
      assert.equal(await q.getStationDetail(d.id, MON_10), null);
    }
  });

  it('a renamed station takes its new place in the order on the very next search', async () => {
    const before = (await all('street=9')).filter((i) => !i.planned);
    assert.ok(before.length >= 2, 'the seed has two operating stations in 街镇 9');
    const last = before.at(-1)!;
    db.$client.prepare('UPDATE stations SET name = ? WHERE id = ?').run(`0${last.name}`, last.id);
    try {
      const after = await search('street=9');
      assert.equal(after.items[0]!.id, last.id);
      assert.equal(after.items[0]!.name, `0${last.name}`);
    } finally {
      db.$client.prepare('UPDATE stations SET name = ? WHERE id = ?').run(last.name, last.id);
    }
    assert.deepEqual((await all('street=9')).filter((i) => !i.planned).map((i) => i.id), before.map((i) => i.id));
  });

  it('pages hold 10 rows, do not overlap, and a page past the end shows the last page', async () => {
    const p1 = await search('');
    const p2 = await search('page=2');
    assert.equal(p1.pageSize, 10);
    assert.equal(p1.items.length, 10);
    assert.equal(p2.page, 2);
    assert.ok(p2.items.every((i) => !p1.items.some((j) => j.id === i.id)));
    const far = await search('page=99');
    assert.equal(far.page, p1.pageCount);
    assert.equal(far.notice, null);
    assert.equal(far.query, `page=${p1.pageCount}`);
  });
});

describe('station finder: filters and facet counts', () => {
  it('filters by 街镇, and each 街镇 count equals what choosing it returns', async () => {
    const base = await search('');
    for (const o of base.facets.street!) {
      const r = await search(`street=${o.value}`);
      assert.equal(r.total, o.count, `街镇 ${o.name}`);
      assert.ok(r.items.every((i) => i.streetName === o.name));
    }
    assert.ok(base.facets.street!.every((o) => o.count > 0), 'all 26 街镇 are covered');
    assert.equal(base.facets.street!.length, 26);
  });

  it('filters by host type, with matching counts', async () => {
    const base = await search('');
    for (const o of base.facets.host!) {
      const items = await all(`host=${o.value}`);
      assert.equal(items.length, o.count);
      assert.ok(items.every((i) => i.hostType === o.value));
    }
    assert.equal(base.facets.host!.find((o) => o.value === 'bank')!.count, 15, '12 operating banks and 3 planned');
  });

  it('filters by the service needed, says how it is offered, and counts match per option', async () => {
    const id = serviceId('异地就医备案');
    const items = await all(`service=${id}`);
    const offering = sqlAll<{ station_id: number }>(
      "SELECT ss.station_id FROM station_services ss JOIN stations s ON s.id = ss.station_id WHERE ss.service_id = ? AND s.publication = 'published'",
      id,
    ).map((r) => r.station_id);
    assert.deepEqual(new Set(items.map((i) => i.id)), new Set(offering));
    assert.ok(items.every((i) => i.service?.name === '异地就医备案' && ['counter', 'self', 'both'].includes(i.service.mode)));
    const base = await search('');
    for (const o of base.facets.service!) assert.equal((await search(`service=${o.value}`)).total, o.count, o.name);
  });

  it('groups the service catalogue by category for the select', async () => {
    const r = await search('');
    assert.ok(r.serviceGroups.length >= 5);
    const names = r.serviceGroups.flatMap((g) => g.options.map((o) => o.name));
    assert.ok(names.includes('异地就医备案'));
    assert.equal(names.length, r.facets.service!.length);
  });

  it('open evenings: only stations with a weekday session ending after 18:00', async () => {
    const items = await all('evening=1');
    assert.equal(items.length, (await search('')).facets.evening![0]!.count);
    assert.ok(items.length > 0);
    for (const i of items) {
      const late = sqlAll("SELECT 1 FROM station_hours WHERE station_id = ? AND scope = 'station' AND weekday <= 5 AND closes > '18:00'", i.id);
      assert.ok(late.length > 0, i.name);
      assert.equal(i.hostType, 'bank');
    }
  });

  it('evening and weekend filters and counts leave out stations not open yet', async () => {
    const planned = new Set((await all('')).filter((i) => i.planned).map((i) => i.id));
    assert.ok(planned.size > 0);
    const plannedWithHours = sqlAll<{ id: number }>(
      "SELECT DISTINCT station_id AS id FROM station_hours WHERE scope = 'station' AND (weekday >= 6 OR (weekday <= 5 AND closes > '18:00'))",
    ).filter((r) => planned.has(r.id));
    assert.ok(plannedWithHours.length > 0, 'the seed has planned stations with evening or weekend hours');
    for (const f of ['evening=1', 'weekend=1']) {
      const items = await all(f);
      assert.ok(items.every((i) => !i.planned && !planned.has(i.id)), f);
    }
    const base = await search('');
    assert.equal(base.facets.evening![0]!.count, (await all('evening=1')).length);
    assert.equal(base.facets.weekend![0]!.count, (await all('weekend=1')).length);
    // Once a planned station opens, it counts.
    const opening = sqlAll<{ id: number; opening_date: string }>(
      "SELECT s.id, s.opening_date FROM stations s WHERE s.status = 'planned' AND s.opening_date IS NOT NULL AND publication = 'published'" +
        " AND EXISTS (SELECT 1 FROM station_hours h WHERE h.station_id = s.id AND h.scope = 'station' AND h.weekday >= 6) ORDER BY s.opening_date",
    )[0];
    if (opening) {
      const later = bj(`${addDays(opening.opening_date, 1)}T10:00`);
      assert.ok((await all('weekend=1', later)).some((i) => i.id === opening.id));
    }
  });

  it('open weekends: only stations with a Saturday or Sunday session', async () => {
    const items = await all('weekend=1');
    assert.equal(items.length, (await search('')).facets.weekend![0]!.count);
    for (const i of items) {
      assert.ok(sqlAll("SELECT 1 FROM station_hours WHERE station_id = ? AND scope = 'station' AND weekday >= 6", i.id).length > 0);
    }
    assert.ok(!items.some((i) => i.hostType === 'street_centre'));
  });

  it('every facet count equals the total of adding that option, with other filters on', async () => {
    const host = 'bank';
    const base = await search(`host=${host}&weekend=1`);
    for (const o of base.facets.street!) assert.equal((await search(`host=${host}&weekend=1&street=${o.value}`)).total, o.count);
    for (const o of base.facets.service!) assert.equal((await search(`host=${host}&weekend=1&service=${o.value}`)).total, o.count);
    assert.equal((await search(`host=${host}&weekend=1&evening=1`)).total, base.facets.evening![0]!.count);
    assert.equal((await search(`host=${host}&weekend=1&open=1`)).total, base.facets.open![0]!.count);
  });

  it('makes a removable chip for every active filter', async () => {
    const r = await search(`q=银行&street=9&host=bank&service=${serviceId('异地就医备案')}&open=1&evening=1&weekend=1&near=s9`);
    assert.deepEqual(
      r.chips.map((c) => c.key),
      ['q', 'street', 'host', 'service', 'open', 'evening', 'weekend', 'near'],
    );
    assert.ok(r.chips.some((c) => c.key === 'open'));
    assert.ok(r.chips.some((c) => c.key === 'service' && c.name === '异地就医备案'));
  });
});

describe('station finder: open now (Beijing time, calendar, exceptions)', () => {
  /** The open-now filter must agree with the status each row shows. */
  async function agrees(now: Date, extra = '') {
    const everyone = await all(extra, now);
    const open = new Set((await all(`open=1${extra ? `&${extra}` : ''}`, now)).map((i) => i.id));
    for (const i of everyone) assert.equal(open.has(i.id), i.status.open, `${i.name}: ${i.status.text}`);
    return { everyone, open };
  }

  it('Monday 10:00: every operating station is open, planned ones are not', async () => {
    const { everyone, open } = await agrees(MON_10);
    assert.equal(open.size, 47);
    assert.ok(everyone.filter((i) => i.planned).every((i) => !open.has(i.id)));
    assert.ok((await all('open=1')).every((i) => i.status.label === '营业中' && i.status.text.startsWith('营业中，')));
  });

  it('Monday 12:30: street centres are on their lunch break, banks are open', async () => {
    const now = bj('2026-11-23T12:30');
    const { everyone, open } = await agrees(now);
    const centre = everyone.find((i) => i.hostType === 'street_centre')!;
    assert.equal(centre.status.text, '午休中，13:30 开门');
    assert.ok(!open.has(centre.id));
    assert.ok(everyone.filter((i) => i.hostType === 'bank' && !i.planned).every((i) => open.has(i.id)));
  });

  it('a temporary closure: the station is closed on the days of its exception, with the reason', async () => {
    const closure = futureClosure();
    const at = bj(`${closure.start_date}T10:00`);
    const { everyone, open } = await agrees(at);
    assert.ok(!open.has(closure.station_id));
    const row = everyone.find((i) => i.id === closure.station_id)!;
    assert.equal(row.status.label, '今日休息');
    // The status line names the closure briefly (the first clause); the full reason is on the station page.
    const short = closure.reason.split(/[，。]/)[0]!;
    assert.ok(short.length <= 12 && short.length < closure.reason.length);
    assert.ok(row.status.text.startsWith(`今日休息（${short}），`), row.status.text);
    // The same weekday a week later, without the exception, it is open.
    assert.ok((await agrees(bj(`${addDays(closure.start_date, 7)}T10:00`))).open.has(closure.station_id));
  });

  it('an exception with shorter hours: open in its sessions only', async () => {
    const partial = sqlAll<{ station_id: number; start_date: string; sessions: string }>(
      'SELECT station_id, start_date, sessions FROM station_exceptions WHERE closed = 0 AND start_date > ? ORDER BY start_date',
      TODAY,
    )[0]!;
    assert.deepEqual(JSON.parse(partial.sessions), [{ opens: '09:00', closes: '12:00' }], 'seed precondition');
    assert.ok((await agrees(bj(`${partial.start_date}T10:00`))).open.has(partial.station_id));
    assert.ok(!(await agrees(bj(`${partial.start_date}T14:00`))).open.has(partial.station_id));
    assert.ok((await agrees(bj(`${addDays(partial.start_date, 7)}T14:00`))).open.has(partial.station_id));
  });

  it('Sunday: only stations with weekend hours are open', async () => {
    const { open } = await agrees(bj('2026-11-29T10:00'));
    assert.equal(open.size, 12, 'the 12 operating bank branches');
  });

  it('a statutory holiday closes every station (元旦 2027-01-01, a Friday)', async () => {
    const { everyone, open } = await agrees(bj('2027-01-01T10:00'));
    assert.equal(open.size, 0);
    const centre = everyone.find((i) => i.hostType === 'street_centre')!;
    assert.match(centre.status.text, /^今日休息（元旦），/);
    const empty = await search('open=1', bj('2027-01-01T10:00'));
    assert.equal(empty.total, 0);
    assert.equal(empty.items.length, 0);
  });

  it('at night nothing is open, and rows say when they open next', async () => {
    const { everyone, open } = await agrees(bj('2026-11-23T22:30'));
    assert.equal(open.size, 0);
    const operating = everyone.filter((i) => !i.planned);
    assert.ok(operating.every((i) => /^已下班，(明天|周[一二三四五六日]) \d+:\d\d 开门$/.test(i.status.text)));
    // A station closed tomorrow names the day it reopens instead.
    const closure = futureClosure();
    if (closure.start_date === addDays(TODAY, 1)) {
      const reopens = addDays(closure.end_date, 1);
      const row = operating.find((i) => i.id === closure.station_id)!;
      assert.match(row.status.text, new RegExp(`^已下班，${WEEKDAY_NAMES[weekdayOf(reopens)]} \\d+:\\d\\d 开门$`));
    }
  });

  it('a service done only at the counter needs the counter open, not just the branch', async () => {
    const id = serviceId('社保卡（医保卡）补换卡申请');
    const five = bj('2026-11-23T17:00');
    // The branch is open until 17:30 or 19:00; its insurance window closed at 16:30.
    const withoutService = await all('host=bank&open=1', five);
    assert.ok(withoutService.length > 0);
    const withService = await all(`host=bank&open=1&service=${id}`, five);
    assert.equal(withService.length, 0);
    const rows = (await all(`host=bank&service=${id}`, five)).filter((i) => !i.planned);
    assert.ok(rows.length > 0);
    for (const r of rows) {
      assert.equal(r.status.scope, 'counter');
      assert.equal(r.status.open, false);
      assert.equal(r.service?.mode, 'counter');
    }
    // Self-service is fine after the window closes.
    const self = serviceId('打印就医记录');
    const selfRows = await all(`host=bank&open=1&service=${self}`, five);
    assert.equal(selfRows.length, withoutService.length);
    // And the facet count for the counter-only service agrees with the filter.
    const facet = (await search('host=bank&open=1', five)).facets.service!.find((o) => o.value === String(id))!;
    assert.equal(facet.count, 0);
  });
});

describe('station finder: keyword search', () => {
  it('finds stations by a 2-character word (银行)', async () => {
    const items = await all(`q=${encodeURIComponent('银行')}`);
    assert.equal(items.length, 15);
    assert.ok(items.every((i) => i.hostType === 'bank'));
  });

  it('finds stations by a service they offer (异地就医)', async () => {
    const items = await all(`q=${encodeURIComponent('异地就医')}`);
    assert.ok(items.length > 30);
  });

  it('finds stations by pinyin initials (lgq → 卢沟桥) and full pinyin (fangzhuang → 方庄)', async () => {
    const lgq = await all('q=lgq');
    assert.ok(lgq.length >= 1);
    assert.ok(lgq.every((i) => i.name.includes('卢沟桥')));
    const fz = await all('q=fangzhuang');
    assert.ok(fz.length >= 2);
    assert.ok(fz.every((i) => i.name.includes('方庄')));
  });

  it('combines a keyword with filters, and counts facets within the keyword', async () => {
    const r = await search(`q=${encodeURIComponent('银行')}`);
    assert.equal(r.facets.host!.find((o) => o.value === 'bank')!.count, 15);
    assert.equal(r.facets.host!.find((o) => o.value === 'street_centre')!.count, 0);
  });

  it('with zero results, offers to drop each filter that would find something, with how many', async () => {
    const night = bj('2026-11-23T22:00');
    const r = await search(`q=${encodeURIComponent('银行')}&street=1&open=1`, night);
    assert.equal(r.total, 0);
    const open = r.widen.find((w) => w.key === 'open');
    assert.equal(open?.count, (await search(`q=${encodeURIComponent('银行')}&street=1`, night)).total);
    assert.ok(open!.count > 0);
    // Dropping the keyword or the 街镇 still finds nothing at night, so they are not offered.
    assert.deepEqual(r.widen.map((w) => w.key), ['open']);
    assert.equal((await search('street=1')).widen.length, 0, 'only computed when nothing matched');
  });

  it('says when "open now" was judged, in Beijing time', async () => {
    assert.equal((await search('', bj('2026-11-23T09:05'))).clock, '11月23日（周一）9:05');
  });

  it('a keyword nothing matches gives zero results, not an error', async () => {
    const r = await search(`q=${encodeURIComponent('火星基地')}`);
    assert.equal(r.total, 0);
    assert.equal(r.pageCount, 1);
  });
});

describe('station finder: near me', () => {
  it('sorts by distance from a picked 街镇, with walking minutes and the 15-minute badge', async () => {
    const fengtai = sqlAll<{ id: number }>("SELECT id FROM streets WHERE name = '丰台街道'")[0]!.id;
    const items = await all(`near=s${fengtai}`);
    const operating = items.filter((i) => !i.planned);
    assert.ok(items.every((i) => i.distance !== null));
    const metres = operating.map((i) => i.distance!.metres);
    for (let k = 1; k < metres.length; k++) assert.ok(metres[k]! >= metres[k - 1]! - 2, 'ascending distance');
    assert.ok(items.slice(operating.length).every((i) => i.planned), 'planned after operating');
    for (const i of items) assert.equal(i.distance!.within15, i.distance!.minutes <= 15);
    const r = await search(`near=s${fengtai}`);
    assert.equal(r.within15, operating.filter((i) => i.distance!.within15).length);
    assert.ok(r.within15! >= 1);
    // With where it is, for the map's origin marker: the 街镇's centre.
    assert.deepEqual(r.origin, { kind: 'near', name: '丰台街道', at: { lat: 39.855, lng: 116.285 } });
    assert.deepEqual(r.chips.at(-1), { key: 'near', name: '丰台街道' });
  });

  it('sorts by distance from a landmark', async () => {
    const place = sqlAll<{ id: number }>("SELECT id FROM places WHERE kind = 'landmark' AND name = '北京南站'")[0]!.id;
    const r = await search(`near=p${place}`);
    assert.equal(r.origin?.name, '北京南站');
    assert.ok(r.origins.places.some((p) => p.value === `p${place}`));
    assert.equal(r.origins.streets.length, 26);
  });

  it('sorts by distance from the device position, rounded in the canonical query', async () => {
    const r = await search('lat=39.85512345&lng=116.2853333');
    assert.deepEqual(r.origin?.kind, 'device');
    assert.equal(r.origin?.name, null);
    // The position the list is sorted from, as rounded in the query (what the map marks).
    assert.ok(Math.abs(r.origin!.at.lat - 39.8551) < 1e-4 && Math.abs(r.origin!.at.lng - 116.2853) < 1e-4, JSON.stringify(r.origin));
    assert.equal(r.query, 'lat=39.8551&lng=116.2853');
    assert.equal(r.chips[0]?.key, 'lat');
    assert.ok(r.items[0]!.distance!.metres < 2000);
  });

  it('a picked place wins over leftover coordinates; one coordinate alone is ignored', async () => {
    const r = await search('near=s1&lat=39.85&lng=116.28');
    assert.equal(r.origin?.name, '右安门街道');
    assert.equal(r.query, 'near=s1');
    const lone = await search('lng=116.28');
    assert.equal(lone.origin, null);
    assert.equal(lone.notice, null);
    assert.equal(lone.query, '');
  });
});

describe('station finder: bad input falls back with a notice', () => {
  const cases = [
    'page=abc',
    'page=0',
    'host=casino',
    'street=999999',
    'street=abc',
    'service=999999',
    'open=yes',
    'near=s999',
    'near=x1',
    'near=p1', // place 1 is a classroom, not a landmark
    'lat=10&lng=10',
  ];
  for (const qs of cases) {
    it(`${qs} → defaults and the notice`, async () => {
      const r = await search(qs);
      assert.equal(r.notice, 'invalid-params');
      assert.equal(r.total, 52);
      assert.equal(r.query, '');
      assert.equal(r.chips.length, 0);
    });
  }

  it('a 500-character keyword is cut, odd Unicode does not break the search', async () => {
    await assert.doesNotReject(() => search(`q=${encodeURIComponent('银'.repeat(500))}`));
    for (const odd of ['\u0000', '😀😀', '"*', "' OR 1=1 --", 'ＮＵＬＬ', '\u202e银行', 'a"b']) {
      const r = await search(`q=${encodeURIComponent(odd)}`);
      assert.equal(typeof r.total, 'number');
    }
  });

  it('keeps the readable parts of a half-bad URL', async () => {
    const r = await search('host=bank&page=abc&street=999999');
    assert.ok(r.notice);
    assert.equal(r.query, 'host=bank');
    assert.equal(r.total, 15);
  });
});

describe('station page', () => {
  it('shows this week with today marked, and the counter hours of a bank separately', async () => {
    const d = (await q.getStationDetail(stationId('北京银行丰台支行医保服务驿站'), MON_10))!;
    assert.ok(d);
    assert.equal(d.week.length, 7);
    assert.deepEqual(
      d.week.filter((w) => w.isToday).map((w) => w.date),
      ['2026-11-23'],
    );
    assert.equal(d.week[0]!.display, '9:00–19:00');
    assert.ok(d.counterWeek);
    assert.equal(d.counterWeek[0]!.display, '9:00–16:30');
    assert.equal(d.counterWeek[5]!.display, '休息');
    assert.equal(d.status.text, '营业中，19:00 结束');
    assert.equal(d.counterStatus?.text, '营业中，16:30 结束');
    assert.ok(d.facilities.includes('ai'));
    assert.match(d.navigationUrl, /^https:\/\/uri\.amap\.com\/navigation\?to=/);
    assert.match(d.navigationUrl, /mode=walk/);
  });

  it('a street centre has no separate counter table, and lists services by category with modes', async () => {
    const d = (await q.getStationDetail(stationId('丰台街道便民服务中心医保服务驿站'), MON_10))!;
    assert.equal(d.counterWeek, null);
    assert.equal(d.counterStatus, null);
    assert.ok(d.services.length >= 3);
    const items = d.services.flatMap((g) => g.items);
    assert.ok(items.every((s) => s.mode === 'counter'));
    assert.ok(d.onlineServices.length > 0);
    assert.ok(d.onlineServices.every((n) => items.some((s) => s.name === n && s.online)));
    assert.match(d.lastVerifiedText, /^\d{4}年\d{1,2}月\d{1,2}日$/);
  });

  it('lists upcoming closures and holidays within 30 days', async () => {
    const closure = futureClosure();
    const d = (await q.getStationDetail(closure.station_id, MON_10))!;
    assert.ok(
      d.changes.some((c) => c.closed && c.text === `${monthDay(closure.start_date)}–${monthDay(closure.end_date)} 休息（${closure.reason}）`),
      JSON.stringify(d.changes),
    );
    const partial = sqlAll<{ station_id: number; start_date: string; reason: string }>(
      'SELECT station_id, start_date, reason FROM station_exceptions WHERE closed = 0 AND start_date > ?',
      TODAY,
    )[0]!;
    const p = (await q.getStationDetail(partial.station_id, MON_10))!;
    assert.ok(p.changes.some((c) => c.text === `${monthDay(partial.start_date)} 9:00–12:00（${partial.reason}）`), JSON.stringify(p.changes));
    // Near the new year: 元旦 shows on a street centre's page.
    const dec = (await q.getStationDetail(stationId('丰台街道便民服务中心医保服务驿站'), bj('2026-12-20T10:00')))!;
    assert.ok(dec.changes.some((c) => c.text === '1月1日–1月3日 元旦休息'), JSON.stringify(dec.changes));
  });

  it('flags details not verified for over 90 days', async () => {
    const rows = sqlAll<{ id: number; last_verified_on: string }>("SELECT id, last_verified_on FROM stations WHERE publication = 'published'");
    let stale = 0;
    for (const r of rows) {
      const d = (await q.getStationDetail(r.id, MON_10))!;
      const old = r.last_verified_on < addDays(TODAY, -90);
      assert.equal(d.verifiedLongAgo, old, `${d.name} ${r.last_verified_on}`);
      if (old) stale++;
    }
    assert.ok(stale > 0, 'the seed has stations unchecked for a long time');
  });

  it('a past exception no longer shows', async () => {
    const d = (await q.getStationDetail(stationId('建设银行马家堡支行医保服务驿站'), MON_10))!;
    assert.deepEqual(d.changes, []);
    assert.equal(d.status.open, true);
  });

  it('a planned station says when it opens and is never open', async () => {
    const d = (await q.getStationDetail(stationId('华夏银行丰台支行医保服务驿站'), bj('2026-11-24T11:00')))!;
    assert.equal(d.planned, true);
    assert.equal(d.status.open, false);
    assert.match(d.status.text, /^尚未启用，计划\d+月\d+日启用$/);
    assert.ok(d.openingDate && d.openingDate > '2026-11-23');
  });

  it('a planned station gives the regular week it will keep', async () => {
    const id = stationId('石榴庄社区卫生服务中心医保服务驿站');
    const d = (await q.getStationDetail(id, MON_10))!;
    assert.equal(d.planned, true);
    assert.deepEqual(d.regularWeek.map((r) => r.weekdayName), ['周一', '周二', '周三', '周四', '周五', '周六', '周日']);
    const hours = sqlAll<{ weekday: number }>("SELECT weekday FROM station_hours WHERE station_id = ? AND scope = 'station'", id);
    for (const r of d.regularWeek) {
      assert.equal(r.display === '休息', !hours.some((h) => h.weekday === r.weekday), `${r.weekdayName} ${r.display}`);
      assert.notEqual(r.display, '尚未启用');
    }
  });

  it('a long closure reason: short in the week table, the full text once', async () => {
    const closure = futureClosure();
    const short = closure.reason.split(/[，。]/)[0]!;
    const d = (await q.getStationDetail(closure.station_id, MON_10))!;
    const closedRows = d.week.filter((r) => r.date >= closure.start_date && r.date <= closure.end_date);
    assert.ok(closedRows.length > 0);
    for (const r of closedRows) assert.equal(r.display, `休息（${short}）`);
    assert.ok(d.week.every((r) => !r.display.includes(closure.reason) && !(r.note ?? '').includes(closure.reason)));
    // The list of changes says it in full, so the week table adds no note.
    assert.equal(d.changes.filter((c) => c.text.includes(closure.reason)).length, 1);
    assert.deepEqual(d.weekNotes, []);
    // On the closure's last day the table starts with it and the list still says it in full;
    // the day after, both have moved past it.
    const last = (await q.getStationDetail(closure.station_id, bj(`${closure.end_date}T10:00`)))!;
    assert.equal(last.week[0]!.date, closure.end_date);
    assert.equal(last.week[0]!.display, `休息（${short}）`);
    assert.equal(last.changes.filter((c) => c.text.includes(closure.reason)).length, 1);
    assert.deepEqual(last.weekNotes, []);
    const after = (await q.getStationDetail(closure.station_id, bj(`${addDays(closure.end_date, 1)}T10:00`)))!;
    assert.ok(after.week.every((r) => r.date > closure.end_date));
    assert.ok(after.changes.every((c) => !c.text.includes(closure.reason)));
    assert.deepEqual(after.weekNotes, []);
  });

  it('returns null for unknown, zero and negative ids', async () => {
    assert.equal(await q.getStationDetail(999999, MON_10), null);
    assert.equal(await q.getStationDetail(0, MON_10), null);
    assert.equal(await q.getStationDetail(-1, MON_10), null);
    assert.equal(await q.getStationDetail(Number.NaN, MON_10), null);
  });
});
