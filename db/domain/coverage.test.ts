/**
 * The 15-minute circle: grid, assignment to 街镇, coverage shares and the station sets.
 * Instants carry an explicit +08:00 offset, so the answers are the same under every TZ.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  APPROX_RADIUS_METRES,
  GRID_SPACING_METRES,
  assignGrid,
  comingWeekend,
  coverageLevel,
  computeCoverage,
  coveredPoints,
  gridPoint,
  makeGrid,
  percent,
  shares,
  stationSets,
  worstFirst,
  type Assignment,
  type CoverageStation,
  type CoverageStreet,
  type StreetCoverage,
} from './coverage';
import { FIFTEEN_MINUTE_METRES, distanceMetres, type LatLng } from './geo';
import { makeCalendar, type StationSchedule, type WeeklySession } from './hours';

function bj(local: string): Date {
  return new Date(`${local}:00+08:00`);
}

const A: CoverageStreet = { id: 1, name: '甲街道', centre: { lat: 39.85, lng: 116.3 }, boundary: null };
const B: CoverageStreet = { id: 2, name: '乙街道', centre: { lat: 39.85, lng: 116.36 }, boundary: null };

/** A lat/lng square around a point, as a GeoJSON polygon ring (closed, [lng, lat]). */
function square(c: LatLng, halfDeg: number): CoverageStreet['boundary'] {
  const ring = [
    [c.lng - halfDeg, c.lat - halfDeg],
    [c.lng + halfDeg, c.lat - halfDeg],
    [c.lng + halfDeg, c.lat + halfDeg],
    [c.lng - halfDeg, c.lat + halfDeg],
    [c.lng - halfDeg, c.lat - halfDeg],
  ];
  return { type: 'Polygon', coordinates: [ring] };
}

describe('grid', () => {
  it('spaces neighbouring points GRID_SPACING_METRES apart, north–south and east–west', () => {
    const g = makeGrid([A, B]);
    assert.ok(g.rows > 10 && g.cols > 10);
    const p0 = gridPoint(g, 0);
    const east = gridPoint(g, 1);
    const north = gridPoint(g, g.cols);
    assert.ok(Math.abs(distanceMetres(p0, east) - GRID_SPACING_METRES) < 2, 'east neighbour');
    assert.ok(Math.abs(distanceMetres(p0, north) - GRID_SPACING_METRES) < 1, 'north neighbour');
  });

  it('reaches APPROX_RADIUS_METRES beyond the outermost centres and no further', () => {
    const g = makeGrid([A]);
    const corner = gridPoint(g, 0);
    const south = distanceMetres({ lat: corner.lat, lng: A.centre.lng }, A.centre);
    const west = distanceMetres({ lat: A.centre.lat, lng: corner.lng }, A.centre);
    assert.ok(Math.abs(south - APPROX_RADIUS_METRES) < 10, `south edge ${south}`);
    assert.ok(Math.abs(west - APPROX_RADIUS_METRES) < 10, `west edge ${west}`);
    // The last row and column stop within one step of the far edges.
    const far = gridPoint(g, g.rows * g.cols - 1);
    assert.ok(distanceMetres({ lat: far.lat, lng: A.centre.lng }, A.centre) > APPROX_RADIUS_METRES - GRID_SPACING_METRES);
  });

  it('is empty without streets', () => {
    const g = makeGrid([]);
    assert.equal(g.rows * g.cols, 0);
  });
});

describe('assigning points to 街镇', () => {
  it('without boundaries: the nearest centre, only within APPROX_RADIUS_METRES, marked approximate', () => {
    const a = assignGrid([A, B]);
    assert.deepEqual(a.approximate, [true, true]);
    let nearA = 0;
    for (let i = 0; i < a.street.length; i++) {
      const p = gridPoint(a.grid, i);
      const dA = distanceMetres(p, A.centre);
      const dB = distanceMetres(p, B.centre);
      const expected = Math.min(dA, dB) > APPROX_RADIUS_METRES ? -1 : dA <= dB ? 0 : 1;
      assert.equal(a.street[i], expected, `point ${i}`);
      if (expected === 0) nearA++;
    }
    // A disc of 3 km radius holds about π·12² ≈ 452 points at 250 m; B takes a sliver of it.
    assert.ok(nearA > 380 && nearA < 460, `A has ${nearA} points`);
    // The grid's corners lie outside every disc.
    assert.equal(a.street[0], -1);
  });

  it('with a boundary: points inside it belong to that street even when nearer another centre', () => {
    // B's boundary reaches west to 116.33, nearer A's centre (116.30) than its own at the edge.
    const withBoundary: CoverageStreet = { ...B, boundary: square({ lat: 39.85, lng: 116.36 }, 0.03) };
    const a = assignGrid([A, withBoundary]);
    assert.deepEqual(a.approximate, [true, false]);
    let checked = 0;
    for (let i = 0; i < a.street.length; i++) {
      const p = gridPoint(a.grid, i);
      const inside = Math.abs(p.lat - 39.85) < 0.0299 && Math.abs(p.lng - 116.36) < 0.0299;
      if (inside) {
        assert.equal(a.street[i], 1, `inside point ${i}`);
        checked++;
      } else if (Math.abs(p.lat - 39.85) > 0.0301 || Math.abs(p.lng - 116.36) > 0.0301) {
        // Outside the polygon: never B (a street with a boundary takes nothing else), A within 3 km.
        const expected = distanceMetres(p, A.centre) <= APPROX_RADIUS_METRES ? 0 : -1;
        assert.equal(a.street[i], expected, `outside point ${i}`);
      }
    }
    assert.ok(checked > 500, `checked ${checked} points inside the square`);
  });

  it('takes MultiPolygon boundaries and honours holes', () => {
    const outer = [
      [116.0, 39.0],
      [116.1, 39.0],
      [116.1, 39.1],
      [116.0, 39.1],
      [116.0, 39.0],
    ];
    const hole = [
      [116.04, 39.04],
      [116.06, 39.04],
      [116.06, 39.06],
      [116.04, 39.06],
      [116.04, 39.04],
    ];
    const s: CoverageStreet = {
      id: 9,
      name: '丙镇',
      centre: { lat: 39.05, lng: 116.05 },
      boundary: { type: 'MultiPolygon', coordinates: [[outer, hole]] },
    };
    const a = assignGrid([s]);
    for (let i = 0; i < a.street.length; i++) {
      const p = gridPoint(a.grid, i);
      const inHole = p.lat > 39.0405 && p.lat < 39.0595 && p.lng > 116.0405 && p.lng < 116.0595;
      if (inHole) assert.equal(a.street[i], -1, `hole point ${i}`);
    }
  });
});

describe('covered points and shares', () => {
  it('covers exactly the grid points within FIFTEEN_MINUTE_METRES of a station', () => {
    const g = makeGrid([A, B]);
    const stations = [A.centre, { lat: 39.86, lng: 116.33 }];
    const covered = coveredPoints(g, stations);
    let n = 0;
    for (let i = 0; i < covered.length; i++) {
      const p = gridPoint(g, i);
      const expected = stations.some((s) => distanceMetres(s, p) <= FIFTEEN_MINUTE_METRES) ? 1 : 0;
      assert.equal(covered[i], expected, `point ${i}`);
      n += expected;
    }
    assert.ok(n > 100);
  });

  it('counts shares per street and district-wide on a tiny hand-made grid', () => {
    const a: Assignment = {
      grid: { rows: 2, cols: 3, south: 0, west: 0, dLat: 1, dLng: 1, spacingMetres: 250 },
      street: Int16Array.from([0, 0, 1, 1, 1, -1]),
      approximate: [true, true, false],
    };
    const s = shares(a, Uint8Array.from([1, 0, 1, 1, 0, 1]));
    assert.deepEqual(s.streets[0], { covered: 1, total: 2, share: 0.5 });
    assert.deepEqual(s.streets[1], { covered: 2, total: 3, share: 2 / 3 });
    assert.deepEqual(s.streets[2], { covered: 0, total: 0, share: null });
    // The unassigned, covered point does not count.
    assert.deepEqual(s.district, { covered: 3, total: 5, share: 0.6 });
  });

  it('percent rounds down, so one gap never reads 100', () => {
    assert.equal(percent(0.999), 99);
    assert.equal(percent(0.29), 29);
    assert.equal(percent(1), 100);
    assert.equal(percent(0), 0);
  });
});

// ---------------------------------------------------------------------------
// The station sets
// ---------------------------------------------------------------------------

function week(weekdays: number[], opens: string, closes: string): WeeklySession[] {
  return weekdays.map((weekday) => ({ scope: 'station', weekday, opens, closes }));
}

function schedule(over: Partial<StationSchedule> = {}): StationSchedule {
  return { status: 'operating', openingDate: null, statusReason: null, hours: [], exceptions: [], ...over };
}

function station(id: number, s: StationSchedule, point: LatLng = A.centre): CoverageStation {
  return { id, streetId: 1, point, schedule: s };
}

/** 国庆节 2026: 10/1–10/7 off; Saturday 10/10 is worked with Monday's hours. */
const calendar = makeCalendar([
  ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({ date: `2026-10-0${d}`, kind: 'holiday' as const, name: '国庆节', asWeekday: null })),
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休', asWeekday: 1 },
]);

const weekdaysOnly = station(1, schedule({ hours: week([1, 2, 3, 4, 5], '09:00', '17:00') }));
const bank = station(2, schedule({ hours: week([1, 2, 3, 4, 5, 6, 7], '09:00', '20:00') }));
const bankClosedSunday = station(
  3,
  schedule({
    hours: week([1, 2, 3, 4, 5, 6, 7], '09:00', '20:00'),
    exceptions: [{ startDate: '2026-10-11', endDate: '2026-10-11', closed: true, sessions: [], reason: '系统升级' }],
  }),
);
const notYetOpen = station(4, schedule({ openingDate: '2026-10-20', hours: week([1, 2, 3, 4, 5, 6, 7], '08:00', '22:00') }));
const evening = station(
  5,
  schedule({
    hours: week([1, 2, 3, 4, 5], '09:00', '17:00'),
    exceptions: [{ startDate: '2026-10-08', endDate: '2026-10-08', closed: false, sessions: [{ opens: '18:00', closes: '21:00' }], reason: '夜间服务' }],
  }),
);
const everyone = [weekdaysOnly, bank, bankClosedSunday, notYetOpen, evening];
const ids = (xs: CoverageStation[]) => xs.map((s) => s.id);

describe('station sets', () => {
  it('the coming weekend: this week’s Saturday and Sunday; on a Sunday, today and next Saturday', () => {
    assert.deepEqual(comingWeekend('2026-10-08'), { saturday: '2026-10-10', sunday: '2026-10-11' });
    assert.deepEqual(comingWeekend('2026-10-10'), { saturday: '2026-10-10', sunday: '2026-10-11' });
    assert.deepEqual(comingWeekend('2026-10-11'), { saturday: '2026-10-17', sunday: '2026-10-11' });
    assert.deepEqual(comingWeekend('2026-10-12'), { saturday: '2026-10-17', sunday: '2026-10-18' });
  });

  it('all leaves out a station whose opening date is still ahead', () => {
    const r = stationSets(everyone, calendar, bj('2026-10-08T10:00'));
    assert.deepEqual(ids(r.sets.all), [1, 2, 3, 5]);
  });

  it('now follows the hours engine: a dated exception moves a station’s hours to the evening', () => {
    assert.deepEqual(ids(stationSets(everyone, calendar, bj('2026-10-08T10:00')).sets.now), [1, 2, 3]);
    assert.deepEqual(ids(stationSets(everyone, calendar, bj('2026-10-08T19:00')).sets.now), [2, 3, 5]);
    // A holiday: only the stations that open on holidays … none of these do.
    assert.deepEqual(ids(stationSets(everyone, calendar, bj('2026-10-05T10:00')).sets.now), []);
  });

  it('a 调休 Saturday counts with the weekday hours it borrows; an exception closes the Sunday', () => {
    const r = stationSets(everyone, calendar, bj('2026-10-08T10:00'));
    assert.equal(r.saturday, '2026-10-10');
    assert.equal(r.sunday, '2026-10-11');
    // 10/10 is a workday with Monday's hours, so the weekday-only stations open too.
    assert.deepEqual(ids(r.sets.saturday), [1, 2, 3, 5]);
    // Sunday: only the bank without the closure.
    assert.deepEqual(ids(r.sets.sunday), [2]);
  });

  it('the Beijing day decides, not the server’s: 23:30 on Friday in Beijing is still Friday', () => {
    const r = stationSets(everyone, calendar, bj('2026-10-09T23:30'));
    assert.equal(r.today, '2026-10-09');
    assert.equal(r.saturday, '2026-10-10');
  });
});

describe('computeCoverage', () => {
  it('gives each street its shares for the four sets and counts its stations', () => {
    const farFromB = { lat: 39.85, lng: 116.3 };
    const sats = [
      station(1, schedule({ hours: week([1, 2, 3, 4, 5], '09:00', '17:00') }), farFromB),
      { ...station(2, schedule({ hours: week([6, 7], '09:00', '12:00') }), B.centre), streetId: 2 },
    ];
    const r = computeCoverage([A, B], sats, makeCalendar([]), bj('2026-11-23T10:00'));
    const [a, b] = r.streets as [StreetCoverage, StreetCoverage];
    assert.equal(a.stations, 1);
    assert.equal(b.stations, 1);
    // One 1.2 km disc in a 3 km disc: about (1.2/3)² = 16% of the street.
    assert.ok(a.shares.all! > 0.13 && a.shares.all! < 0.2, `A all ${a.shares.all}`);
    // Monday 10:00: A's station is open, B's weekend-only station is not.
    assert.equal(a.shares.now, a.shares.all);
    assert.equal(b.shares.now, 0);
    assert.equal(a.shares.saturday, 0);
    assert.equal(b.shares.saturday, b.shares.all);
    assert.deepEqual(r.stationIds.now, [1]);
    assert.equal(r.approximate, true);
    assert.ok(r.district.all! > 0.13 && r.district.all! < 0.2);
  });

  it('worstFirst: lowest share first, weekend breaks ties, streets without points last', () => {
    const row = (id: number, all: number | null, weekend: number | null): StreetCoverage => ({
      id,
      name: `街${id}`,
      approximate: true,
      points: all === null ? 0 : 10,
      stations: 0,
      shares: { all, now: all, saturday: weekend, sunday: weekend },
    });
    const order = worstFirst([row(1, 0.9, 0.5), row(2, null, null), row(3, 0.4, 0.4), row(4, 0.9, 0.2)]).map((r) => r.id);
    assert.deepEqual(order, [3, 4, 1, 2]);
  });
});

describe('coverageLevel', () => {
  it('reads 80 % and up as good, 50 % and up as fair, less as poor, no points as none', () => {
    assert.equal(coverageLevel(0.8), 'good');
    assert.equal(coverageLevel(0.79), 'fair');
    assert.equal(coverageLevel(0.5), 'fair');
    assert.equal(coverageLevel(0.49), 'poor');
    assert.equal(coverageLevel(null), 'none');
  });
});
