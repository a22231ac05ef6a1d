/**
 * The HTTP part of the benchmark: which pages are loaded (real ids and filter values read
 * from the bench database), and a bounded autocannon run per page against one server.
 */
import autocannon from 'autocannon';
import Database from 'better-sqlite3';

/** What a browser's page load sends: the page cache (proxy.ts) answers page loads, not API-style fetches. */
const PAGE_LOAD = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
import { beijingLocal } from './floor-server';

export type BenchPath = { name: string; path: string; kind: 'plain' | 'filtered' | 'detail' };

export type HttpResult = {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
};

/** The pages to load, with published ids and common filter values from the database. */
export function pickPaths(file: string): BenchPath[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const { today, local } = beijingLocal();
    const one = <T>(sql: string, ...params: unknown[]): T => {
      const row = db.prepare(sql).get(...params) as T | undefined;
      if (row === undefined) throw new Error(`The bench database has no row for: ${sql.replace(/\s+/g, ' ')}`);
      return row;
    };
    // The most common occupation among courses with a free run still to start.
    const occ = one<{ occupation: number }>(
      `SELECT c.occupation_id AS occupation FROM course_runs r JOIN courses c ON c.id = r.course_id
       WHERE r.publication = 'published' AND c.publication = 'published' AND r.start_date > ? AND r.cost_type = 'free'
       GROUP BY c.occupation_id ORDER BY COUNT(*) DESC LIMIT 1`,
      today,
    );
    const street = one<{ street: number }>(
      `SELECT street_id AS street FROM stations WHERE publication = 'published' GROUP BY street_id ORDER BY COUNT(*) DESC LIMIT 1`,
    );
    const fairType = one<{ type: string }>(
      `SELECT type FROM fairs WHERE publication = 'published' AND ends_at >= ? GROUP BY type ORDER BY COUNT(*) DESC LIMIT 1`,
      local,
    );
    const course = one<{ id: number }>(
      `SELECT c.id FROM courses c JOIN course_runs r ON r.course_id = c.id
       WHERE c.publication = 'published' AND r.publication = 'published' AND r.start_date > ? ORDER BY r.start_date, c.id LIMIT 1`,
      today,
    );
    const station = one<{ id: number }>(`SELECT id FROM stations WHERE publication = 'published' ORDER BY id LIMIT 1`);
    const fair = one<{ id: number }>(
      `SELECT f.id FROM fairs f WHERE f.publication = 'published' AND f.ends_at >= ?
         AND EXISTS (SELECT 1 FROM fair_employers e WHERE e.fair_id = f.id) ORDER BY f.starts_at, f.id LIMIT 1`,
      local,
    );
    return [
      { name: 'home', path: '/', kind: 'plain' },
      { name: 'courses', path: '/courses', kind: 'plain' },
      { name: 'courses filtered', path: `/courses?occupation=${occ.occupation}&cost=free`, kind: 'filtered' },
      { name: 'stations', path: '/stations', kind: 'plain' },
      { name: 'stations filtered', path: `/stations?street=${street.street}`, kind: 'filtered' },
      { name: 'fairs', path: '/fairs', kind: 'plain' },
      { name: 'fairs filtered', path: `/fairs?type=${encodeURIComponent(fairType.type)}`, kind: 'filtered' },
      { name: 'course detail', path: `/courses/${course.id}`, kind: 'detail' },
      { name: 'station detail', path: `/stations/${station.id}`, kind: 'detail' },
      { name: 'fair detail', path: `/fairs/${fair.id}`, kind: 'detail' },
    ];
  } finally {
    db.close();
  }
}

/** A few plain requests first, so the run measures a warm server; each must answer 200. */
export async function warmUp(base: string, path: string, times = 5): Promise<void> {
  for (let i = 0; i < times; i++) {
    const res = await fetch(base + path, { redirect: 'manual', headers: PAGE_LOAD });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${base}${path} answered ${res.status} during warm-up`);
  }
}

export async function load(base: string, path: string, opts: { seconds: number; connections: number }): Promise<HttpResult> {
  const r = await autocannon({ url: base + path, connections: opts.connections, duration: opts.seconds, timeout: 10, headers: PAGE_LOAD });
  return {
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}
