/**
 * Writes 街镇 boundaries from a GeoJSON file into street_boundaries: all of them in one
 * transaction, or nothing when any feature has a problem. Used by the command line
 * (`npm run boundaries:import`), not by a web page; no 'server-only' for that reason.
 */
import type { DB } from '../client';
import { streetBoundaries, streets as streetTable } from '../schema';
import { parseBoundaryFile } from '../validation/boundaries';

export type BoundaryImport = { ok: true; written: string[] } | { ok: false; errors: string[] };

export function importBoundaries(db: DB, text: string, source: string): BoundaryImport {
  const streets = db.select({ id: streetTable.id, name: streetTable.name }).from(streetTable).all();
  const parsed = parseBoundaryFile(
    text,
    streets.map((s) => s.name),
  );
  if (!parsed.ok) return parsed;
  const idOf = new Map(streets.map((s) => [s.name, s.id]));
  db.transaction((tx) => {
    for (const b of parsed.boundaries) {
      const json = JSON.stringify(b.geometry);
      tx.insert(streetBoundaries)
        .values({ streetId: idOf.get(b.name)!, geojson: json, source })
        .onConflictDoUpdate({ target: streetBoundaries.streetId, set: { geojson: json, source, updatedAt: new Date() } })
        .run();
    }
  });
  return { ok: true, written: parsed.boundaries.map((b) => b.name) };
}
