import 'server-only';
import { tileConfigFromEnv, type TileConfig } from './tiles';
import { viewOf } from './view';

/**
 * For a list page: the tile settings when the address asks for the map view (?view=map),
 * else null (the list view). Read from the environment on every request.
 */
export function listMapTiles(params: Record<string, string | string[] | undefined>): TileConfig | null {
  return viewOf(params) === 'map' ? tileConfigFromEnv() : null;
}
