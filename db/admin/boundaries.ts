/**
 * Writes 街镇 boundaries from a GeoJSON file into street_boundaries: all of them in one
 * transaction, or nothing when any feature has a problem. Used by the command line
 * (`npm run boundaries:import`), not by a web page; no 'server-only' for that reason.
 */
import { sql } from 'drizzle-orm';
import type { DB } from '../client';
import { parseBoundaryFile } from '../validation/boundaries';

export type BoundaryImport = { ok: true; written: string[] } | { ok: false; errors: string[] };

export function importBoundaries(db: DB, text: string, source: string): BoundaryImport {
  const streets = db.all<{ id: number; name: string }>(sql`SELECT id, name FROM streets`);
  const parsed = parseBoundaryFile(
    text,
    streets.map((s) => s.name),
  );
  if (!parsed.ok) return parsed;
  const idOf = new Map(streets.map((s) => [s.name, s.id]));
  db.transaction((tx) => {
    for (const b of parsed.boundaries) {
      const json = JSON.stringify(b.geometry);
      tx.run(sql`INSERT INTO street_boundaries (street_id, geojson, source) VALUES (${idOf.get(b.name)!}, ${json}, ${source})
                 ON CONFLICT (street_id) DO UPDATE SET geojson = excluded.geojson, source = excluded.source,
                 updated_at = unixepoch('subsec') * 1000`);
    }
  });
  return { ok: true, written: parsed.boundaries.map((b) => b.name) };
}
