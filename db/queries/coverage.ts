import 'server-only';
/**
 * The 15分钟医保服务圈 view: loads 街镇 (with imported boundaries), the published operating
 * stations with their schedules and the district calendar, and runs db/domain/coverage.
 *
 * The result is kept in memory for the current minute of Beijing time: "open now" can only
 * change from one minute to the next, and stations change rarely, so an edit shows within a
 * minute at worst.
 */
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import {
  computeCoverage,
  percent,
  worstFirst,
  type BoundaryGeometry,
  type CoverageResult,
  type CoverageStation,
  type CoverageStreet,
} from '@/db/domain/coverage';
import { beijingNow } from '@/db/domain/time';
import type { StationStatus } from '@/db/schema';
import { loadCalendar, loadSchedules } from './stations/schedules';

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
  const rows = getDb().all<{ id: number; name: string; lat: number; lng: number; geojson: string | null }>(
    sql`SELECT s.id, s.name, s.lat, s.lng, b.geojson FROM streets s
        LEFT JOIN street_boundaries b ON b.street_id = s.id ORDER BY s.sort, s.id`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, centre: { lat: r.lat, lng: r.lng }, boundary: parseBoundary(r.geojson) }));
}

function loadStations(today: string): CoverageStation[] {
  const rows = getDb().all<{
    id: number;
    street_id: number | null;
    lat: number;
    lng: number;
    status: StationStatus;
    opening_date: string | null;
    status_reason: string | null;
  }>(
    sql`SELECT id, street_id, lat, lng, status, opening_date, status_reason FROM stations
        WHERE publication = 'published' AND status = 'operating' ORDER BY id`,
  );
  const schedules = loadSchedules(
    rows.map((r) => ({ id: r.id, status: r.status, openingDate: r.opening_date, statusReason: r.status_reason })),
    today,
  );
  return rows.flatMap((r) => {
    const schedule = schedules.get(r.id);
    return schedule ? [{ id: r.id, streetId: r.street_id, point: { lat: r.lat, lng: r.lng }, schedule }] : [];
  });
}

/** The computation at an instant, straight from the database (no cache). Server code only. */
export function computeCoverageAt(now: Date): CoverageResult {
  const today = beijingNow(now).date;
  return computeCoverage(loadStreets(), loadStations(today), loadCalendar(today), now);
}

let cached: { key: string; result: CoverageResult } | null = null;

/**
 * The coverage for the current minute of Beijing time, computed at most once a minute.
 * Admin page (after its own permission check) and the public summary.
 */
export function getCoverage(now: Date = new Date()): CoverageResult {
  const b = beijingNow(now);
  const key = `${b.date} ${b.time}`;
  if (cached?.key === key) return cached.result;
  const result = computeCoverageAt(now);
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
export function getCoverageSummary(now: Date = new Date()): CoverageSummary | null {
  const r = getCoverage(now);
  const { all, saturday, sunday } = r.district;
  if (all === null || saturday === null || sunday === null) return null;
  const least = worstFirst(r.streets)
    .filter((s) => s.shares.all !== null)
    .slice(0, 2)
    .map((s) => ({ name: s.name, percent: percent(s.shares.all!) }));
  return { all: percent(all), saturday: percent(saturday), sunday: percent(sunday), least, approximate: r.approximate };
}
