/**
 * The 15分钟医保服务圈 as numbers: which share of each 街镇 lies within a 15-minute walk
 * (FIFTEEN_MINUTE_METRES in a straight line) of a station. Pure functions, no I/O.
 *
 * How it works
 * - A regular grid of points GRID_SPACING_METRES apart is laid over the district (a local
 *   flat projection around the district's middle latitude; at 40°N and a few dozen km the
 *   error is far below one grid step).
 * - Each point is given to one 街镇: the street whose imported boundary polygon contains it;
 *   failing that, the nearest centre among the streets WITHOUT a boundary, if that centre is
 *   at most APPROX_RADIUS_METRES away. Points further than that from every centre belong to
 *   nobody, which keeps the grid from spilling far outside Fengtai (the sample data has only
 *   centre points, no outlines). Such a result is approximate and says so.
 * - A point is covered by a set of stations when one of them is within FIFTEEN_MINUTE_METRES.
 *   Each station only looks at the grid cells in its bounding box (an index range, not a
 *   search), so one computation is stations × ~150 distance checks.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { FIFTEEN_MINUTE_METRES, METRES_PER_DEGREE, boundingBox, distanceMetres, type LatLng } from './geo';
import { isOpenAt, isOpenOn, type DistrictCalendar, type StationSchedule } from './hours';
import { addDays, beijingNow, startOfWeek } from './time';

/** Distance between neighbouring grid points. 250 m: ~4 points per 15-minute radius step, a few thousand points in all. */
export const GRID_SPACING_METRES = 250;

/**
 * Without a boundary, a point counts for the nearest 街镇 centre only within this distance.
 * 3 km is about the radius of a mid-sized Fengtai 街道 (a disc of 28 km²; the district's
 * 306 km² over 26 街镇 is 12 km² each, but the western towns are far larger). Wide enough
 * that the dense eastern streets tile without gaps, narrow enough that the grid stops a
 * few km past the outermost centres instead of running into 房山 or 大兴.
 */
export const APPROX_RADIUS_METRES = 3000;

export type Ring = number[][];
/** GeoJSON geometry of a 街镇 boundary (WGS-84, [lng, lat] positions). */
export type BoundaryGeometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

export type CoverageStreet = { id: number; name: string; centre: LatLng; boundary: BoundaryGeometry | null };

/** A regular grid: point (row, col) sits at origin + row·dLat, col·dLng. Row 0 is the south edge. */
export type Grid = {
  rows: number;
  cols: number;
  south: number;
  west: number;
  /** Degrees between rows and between columns. */
  dLat: number;
  dLng: number;
  spacingMetres: number;
};

/** Which street each grid point belongs to: an index into the streets array, or -1. */
export type Assignment = { grid: Grid; street: Int16Array; approximate: boolean[] };

/** The station sets the view compares. */
export const COVERAGE_SETS = ['all', 'now', 'saturday', 'sunday'] as const;
export type CoverageSet = (typeof COVERAGE_SETS)[number];

export type CoverageStation = { id: number; streetId: number | null; point: LatLng; schedule: StationSchedule };

type Box = { minLat: number; maxLat: number; minLng: number; maxLng: number };

function geometryBox(g: BoundaryGeometry): Box {
  const box = { minLat: Infinity, maxLat: -Infinity, minLng: Infinity, maxLng: -Infinity };
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polygons) {
    for (const ring of poly) {
      for (const [lng, lat] of ring) {
        if (lat === undefined || lng === undefined) continue;
        box.minLat = Math.min(box.minLat, lat);
        box.maxLat = Math.max(box.maxLat, lat);
        box.minLng = Math.min(box.minLng, lng);
        box.maxLng = Math.max(box.maxLng, lng);
      }
    }
  }
  return box;
}

function union(a: Box, b: Box): Box {
  return {
    minLat: Math.min(a.minLat, b.minLat),
    maxLat: Math.max(a.maxLat, b.maxLat),
    minLng: Math.min(a.minLng, b.minLng),
    maxLng: Math.max(a.maxLng, b.maxLng),
  };
}

/**
 * The grid over everything a point could be assigned to: every boundary's box and every
 * boundary-less centre's APPROX_RADIUS_METRES box.
 */
export function makeGrid(streets: readonly CoverageStreet[], spacingMetres = GRID_SPACING_METRES): Grid {
  let box: Box | null = null;
  for (const s of streets) {
    const b = s.boundary ? geometryBox(s.boundary) : boundingBox(s.centre, APPROX_RADIUS_METRES);
    box = box ? union(box, b) : b;
  }
  if (!box || !Number.isFinite(box.minLat)) {
    return { rows: 0, cols: 0, south: 0, west: 0, dLat: 1, dLng: 1, spacingMetres };
  }
  const midLat = (box.minLat + box.maxLat) / 2;
  const dLat = spacingMetres / METRES_PER_DEGREE;
  const dLng = spacingMetres / (METRES_PER_DEGREE * Math.cos((midLat * Math.PI) / 180));
  return {
    rows: Math.floor((box.maxLat - box.minLat) / dLat) + 1,
    cols: Math.floor((box.maxLng - box.minLng) / dLng) + 1,
    south: box.minLat,
    west: box.minLng,
    dLat,
    dLng,
    spacingMetres,
  };
}

/** The position of grid point number i (row-major). */
export function gridPoint(grid: Grid, i: number): LatLng {
  const row = Math.floor(i / grid.cols);
  const col = i % grid.cols;
  return { lat: grid.south + row * grid.dLat, lng: grid.west + col * grid.dLng };
}

/** Give every grid point to a street (by boundary, else approximately by nearest centre), or to none. */
export function assignGrid(streets: readonly CoverageStreet[], grid: Grid = makeGrid(streets)): Assignment {
  const n = grid.rows * grid.cols;
  const street = new Int16Array(n).fill(-1);
  const withBoundary = streets
    .map((s, index) => ({ index, boundary: s.boundary, box: s.boundary ? geometryBox(s.boundary) : null }))
    .filter((s): s is { index: number; boundary: BoundaryGeometry; box: Box } => s.boundary !== null && s.box !== null);
  const withoutBoundary = streets.map((s, index) => ({ index, s })).filter((x) => x.s.boundary === null);

  for (let i = 0; i < n; i++) {
    const p = gridPoint(grid, i);
    let found = -1;
    for (const b of withBoundary) {
      if (p.lat < b.box.minLat || p.lat > b.box.maxLat || p.lng < b.box.minLng || p.lng > b.box.maxLng) continue;
      if (booleanPointInPolygon([p.lng, p.lat], b.boundary)) {
        found = b.index;
        break;
      }
    }
    if (found < 0) {
      let best = APPROX_RADIUS_METRES;
      for (const { index, s } of withoutBoundary) {
        const d = distanceMetres(p, s.centre);
        if (d <= best) {
          best = d;
          found = index;
        }
      }
    }
    street[i] = found;
  }
  return { grid, street, approximate: streets.map((s) => s.boundary === null) };
}

/** 1 for every grid point within FIFTEEN_MINUTE_METRES of one of the points, else 0. */
export function coveredPoints(grid: Grid, stations: readonly LatLng[], radius = FIFTEEN_MINUTE_METRES): Uint8Array {
  const covered = new Uint8Array(grid.rows * grid.cols);
  for (const st of stations) {
    const box = boundingBox(st, radius);
    const r0 = Math.max(0, Math.ceil((box.minLat - grid.south) / grid.dLat));
    const r1 = Math.min(grid.rows - 1, Math.floor((box.maxLat - grid.south) / grid.dLat));
    const c0 = Math.max(0, Math.ceil((box.minLng - grid.west) / grid.dLng));
    const c1 = Math.min(grid.cols - 1, Math.floor((box.maxLng - grid.west) / grid.dLng));
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const i = r * grid.cols + c;
        if (covered[i]) continue;
        if (distanceMetres(st, { lat: grid.south + r * grid.dLat, lng: grid.west + c * grid.dLng }) <= radius) covered[i] = 1;
      }
    }
  }
  return covered;
}

export type Share = { covered: number; total: number; /** 0–1; null when the area has no points. */ share: number | null };

function share(covered: number, total: number): Share {
  return { covered, total, share: total > 0 ? covered / total : null };
}

/** Per street (same order as the assignment's streets) and district-wide, the covered share of points. */
export function shares(a: Assignment, covered: Uint8Array): { streets: Share[]; district: Share } {
  const n = a.approximate.length;
  const hit = new Array<number>(n).fill(0);
  const all = new Array<number>(n).fill(0);
  let dHit = 0;
  let dAll = 0;
  for (let i = 0; i < a.street.length; i++) {
    const s = a.street[i]!;
    if (s < 0) continue;
    all[s]!++;
    dAll++;
    if (covered[i]) {
      hit[s]!++;
      dHit++;
    }
  }
  return { streets: all.map((t, i) => share(hit[i]!, t)), district: share(dHit, dAll) };
}

/** The days the weekend sets look at: the coming Saturday and Sunday (today counts). */
export function comingWeekend(today: string): { saturday: string; sunday: string } {
  const monday = startOfWeek(today);
  const sunday = addDays(monday, 6);
  const saturday = addDays(monday, 5) >= today ? addDays(monday, 5) : addDays(monday, 12);
  return { saturday, sunday };
}

/**
 * Which stations are in which set. `stations` must already be the published, operating ones
 * (the 全部运营中 set); one with an opening date still ahead is left out of every set, as
 * the hours engine treats it as not open yet.
 * - now: open at `now` (Beijing time; exceptions, holidays and 调休 applied by the hours engine);
 * - saturday / sunday: open at some time on the coming Saturday / Sunday.
 */
export function stationSets(
  stations: readonly CoverageStation[],
  calendar: DistrictCalendar,
  now: Date,
): { sets: Record<CoverageSet, CoverageStation[]>; saturday: string; sunday: string; today: string } {
  const today = beijingNow(now).date;
  const { saturday, sunday } = comingWeekend(today);
  const all = stations.filter((s) => !(s.schedule.openingDate && s.schedule.openingDate > today) && s.schedule.status === 'operating');
  return {
    sets: {
      all,
      now: all.filter((s) => isOpenAt(s.schedule, calendar, now)),
      saturday: all.filter((s) => isOpenOn(s.schedule, calendar, saturday)),
      sunday: all.filter((s) => isOpenOn(s.schedule, calendar, sunday)),
    },
    saturday,
    sunday,
    today,
  };
}

export type StreetCoverage = {
  id: number;
  name: string;
  approximate: boolean;
  /** Grid points that belong to the street. */
  points: number;
  /** Stations of the 全部运营中 set whose record names this street. */
  stations: number;
  shares: Record<CoverageSet, number | null>;
};

export type CoverageResult = {
  grid: Grid;
  /** Per grid point: index into `streets` (in input order, not the sorted table), or -1. */
  pointStreet: Int16Array;
  /** Per set, per grid point: 1 when covered. */
  covered: Record<CoverageSet, Uint8Array>;
  /** Per set, the stations in it. */
  stationIds: Record<CoverageSet, number[]>;
  /** Where the stations of the 全部运营中 set are, for the map. */
  stations: { id: number; lat: number; lng: number }[];
  /** In input order; sort for display with worstFirst. */
  streets: StreetCoverage[];
  district: Record<CoverageSet, number | null>;
  /** True when at least one 街镇 has no imported boundary. */
  approximate: boolean;
  today: string;
  saturday: string;
  sunday: string;
  computedAt: Date;
};

/** The whole computation: grid, assignment, the four sets and their shares. */
export function computeCoverage(
  streets: readonly CoverageStreet[],
  stations: readonly CoverageStation[],
  calendar: DistrictCalendar,
  now: Date,
): CoverageResult {
  const assignment = assignGrid(streets);
  const { sets, saturday, sunday, today } = stationSets(stations, calendar, now);
  const covered = {} as Record<CoverageSet, Uint8Array>;
  const stationIds = {} as Record<CoverageSet, number[]>;
  const perSet = {} as Record<CoverageSet, ReturnType<typeof shares>>;
  for (const set of COVERAGE_SETS) {
    covered[set] = coveredPoints(assignment.grid, sets[set].map((s) => s.point));
    stationIds[set] = sets[set].map((s) => s.id);
    perSet[set] = shares(assignment, covered[set]);
  }
  const counts = new Map<number, number>();
  for (const s of sets.all) if (s.streetId !== null) counts.set(s.streetId, (counts.get(s.streetId) ?? 0) + 1);
  const pick = (f: (set: CoverageSet) => number | null) =>
    Object.fromEntries(COVERAGE_SETS.map((set) => [set, f(set)])) as Record<CoverageSet, number | null>;
  return {
    grid: assignment.grid,
    pointStreet: assignment.street,
    covered,
    stationIds,
    stations: sets.all.map((s) => ({ id: s.id, lat: s.point.lat, lng: s.point.lng })),
    streets: streets.map((s, i) => ({
      id: s.id,
      name: s.name,
      approximate: assignment.approximate[i]!,
      points: perSet.all.streets[i]!.total,
      stations: counts.get(s.id) ?? 0,
      shares: pick((set) => perSet[set].streets[i]!.share),
    })),
    district: pick((set) => perSet[set].district.share),
    approximate: assignment.approximate.some(Boolean),
    today,
    saturday,
    sunday,
    computedAt: now,
  };
}

/** Worst first: lowest share at all, then lowest at the weekend, now, then by name. No-point streets last. */
export function worstFirst(rows: readonly StreetCoverage[]): StreetCoverage[] {
  const v = (x: number | null) => (x === null ? 2 : x);
  const weekend = (r: StreetCoverage) => Math.min(v(r.shares.saturday), v(r.shares.sunday));
  return [...rows].sort(
    (a, b) =>
      v(a.shares.all) - v(b.shares.all) ||
      weekend(a) - weekend(b) ||
      v(a.shares.now) - v(b.shares.now) ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
}

/** How a share reads in the table: 'good' from 80 %, 'fair' from 50 %, else 'poor'; 'none' without points. */
export type CoverageLevel = 'good' | 'fair' | 'poor' | 'none';
export const GOOD_SHARE = 0.8;
export const FAIR_SHARE = 0.5;

export function coverageLevel(x: number | null): CoverageLevel {
  if (x === null) return 'none';
  if (x >= GOOD_SHARE) return 'good';
  if (x >= FAIR_SHARE) return 'fair';
  return 'poor';
}

/**
 * A share as a whole percentage, for people: 0.874 → 87. Rounded down, so a street with one
 * gap never reads 100.
 */
export function percent(x: number): number {
  return Math.floor(x * 100 + 1e-9);
}
