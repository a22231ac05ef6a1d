import 'server-only';
import { serverConfig } from '@/db/config';
import type { TileConfig } from './tiles';
import { viewOf } from './view';

/**
 * For a list page: the tile settings when the address asks for the map view (?view=map),
 * else null (the list view). The settings are read once at start (db/config.ts).
 */
export function listMapTiles(params: Record<string, string | string[] | undefined>): TileConfig | null {
  return viewOf(params) === 'map' ? serverConfig().tiles : null;
}

/** The same for a list's read action, from the query string it was given. */
export function actionMapTiles(qs: string): TileConfig | null {
  return listMapTiles(Object.fromEntries(new URLSearchParams(qs)));
}
