import 'server-only';
/**
 * The 15分钟医保服务圈 view: loads 街镇 (with imported boundaries), the published operating
 * stations with their schedules and the district calendar, and runs db/domain/coverage.
 *
 * The result is kept in memory for the current minute of Beijing time: "open now" can only
 * change from one minute to the next, and stations change rarely, so an edit shows within a
 * minute at worst.
 */
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { stations, streetBoundaries, streets } from '@/db/schema';
import {
  computeCoverage,
  percent,
  worstFirst,
  type BoundaryGeometry,
  type CoverageResult,
  type CoverageStation,
  type CoverageStreet,
} from '@/db/domain/coverage';
import { addDays, beijingNow } from '@/db/domain/time';
import { loadCalendar, loadSchedules } from './station-schedules';

/** A boundary as stored; anything that is not a Polygon or MultiPolygon is ignored (the street stays approximate). */
function parseBoundary(json: string | null): BoundaryGeometry | null {
  if (!json) return null;
  try {
    const v: unknown = JSON.parse(json);
    if (typeof v !== 'object' || v === null) return null;
    const g = v as { type?: unknown; coordinates?: unknown };
    if ((g.type === 'Polygon' || g.type === 'MultiPolygon') && Array.isArray(g.coordinates)) return g as BoundaryGeometry;
    return null;
  } catch {
    return null;
  }
}

function loadStreets(): CoverageStreet[] {
  const rows = getDb()
    .select({ id: streets.id, name: streets.name, lat: streets.lat, lng: streets.lng, geojson: streetBoundaries.geojson })
    .from(streets)
    .leftJoin(streetBoundaries, eq(streetBoundaries.streetId, streets.id))
    .orderBy(asc(streets.sort), asc(streets.id))
    .all();
  return rows.map((r) => ({ id: r.id, name: r.name, centre: { lat: r.lat, lng: r.lng }, boundary: parseBoundary(r.geojson) }));
}

async function loadStations(today: string): Promise<CoverageStation[]> {
  const rows = getDb()
    .select({
      id: stations.id,
      streetId: stations.streetId,
      lat: stations.lat,
      lng: stations.lng,
      status: stations.status,
      openingDate: stations.openingDate,
      statusReason: stations.statusReason,
    })
    .from(stations)
    .where(and(eq(stations.publication, 'published'), eq(stations.status, 'operating')))
    .orderBy(asc(stations.id))
    .all();
  const schedules = await loadSchedules(rows, today, 'id');
  return rows.flatMap((r) => {
    const schedule = schedules.get(r.id);
    return schedule ? [{ id: r.id, streetId: r.streetId, point: { lat: r.lat, lng: r.lng }, schedule }] : [];
  });
}

/** The computation at an instant, straight from the database (no cache). Server code only. */
export async function computeCoverageAt(now: Date): Promise<CoverageResult> {
  const today = beijingNow(now).date;
  // A week back and 62 days ahead: the span the hours engine looks across.
  const [stationList, calendar] = await Promise.all([loadStations(today), loadCalendar(addDays(today, -7), addDays(today, 62))]);
  return computeCoverage(loadStreets(), stationList, calendar, now);
}

let cached: { key: string; result: CoverageResult } | null = null;

/**
 * The coverage for the current minute of Beijing time, computed at most once a minute.
 * Admin page (after its own permission check) and the public summary.
 */
export async function getCoverage(now: Date = new Date()): Promise<CoverageResult> {
  const b = beijingNow(now);
  const key = `${b.date} ${b.time}`;
  if (cached?.key === key) return cached.result;
  const result = await computeCoverageAt(now);
  cached = { key, result };
  return result;
}

/** What the public sentence needs: district shares and the least-covered 街镇. */
export type CoverageSummary = {
  all: number;
  saturday: number;
  sunday: number;
  /** Up to two 街镇 with the lowest share at all, with that share (whole percent). */
  least: { name: string; percent: number }[];
  approximate: boolean;
};

/** For the public stations page. Null when there is nothing to say (no streets or no points). */
export async function getCoverageSummary(now: Date = new Date()): Promise<CoverageSummary | null> {
  const r = await getCoverage(now);
  const { all, saturday, sunday } = r.district;
  if (all === null || saturday === null || sunday === null) return null;
  const least = worstFirst(r.streets)
    .filter((s) => s.shares.all !== null)
    .slice(0, 2)
    .map((s) => ({ name: s.name, percent: percent(s.shares.all!) }));
  return { all: percent(all), saturday: percent(saturday), sunday: percent(sunday), least, approximate: r.approximate };
}
