/**
 * Which background tiles the list maps draw, from the server's environment (read per request,
 * so a changed setting needs no rebuild). Pure: the page passes the result to the client.
 */

export type TileCrs = 'wgs84' | 'gcj02';

/** `url` null = no background tiles (markers on a plain background). */
export type TileConfig = { url: string | null; attribution: string; crs: TileCrs };

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_TILE_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> 贡献者';

type Env = Record<string, string | undefined>;

/**
 * MAP_TILE_URL (a {z}/{x}/{y} template on http(s), or 'off'), MAP_TILE_ATTRIBUTION, and
 * MAP_TILE_CRS ('wgs84' or 'gcj02': 高德 and 腾讯 tiles are drawn in GCJ-02, so markers must
 * be shifted the same way or they sit about 500 m off). Anything unreadable falls back to the
 * OpenStreetMap default rather than breaking the page.
 */
export function parseTileConfig(env: Env): TileConfig {
  const raw = env.MAP_TILE_URL?.trim() ?? '';
  const crsRaw = env.MAP_TILE_CRS?.trim().toLowerCase();
  const crs: TileCrs = crsRaw === 'gcj02' || crsRaw === 'gcj-02' ? 'gcj02' : 'wgs84';
  const attribution = env.MAP_TILE_ATTRIBUTION?.trim() ?? '';
  if (raw.toLowerCase() === 'off') return { url: null, attribution: '', crs };
  if (raw === '' || !isTileTemplate(raw)) {
    // The OpenStreetMap tiles are WGS-84 whatever MAP_TILE_CRS says.
    return { url: DEFAULT_TILE_URL, attribution: DEFAULT_TILE_ATTRIBUTION, crs: 'wgs84' };
  }
  return { url: raw, attribution, crs };
}

function isTileTemplate(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  return url.includes('{z}') && url.includes('{x}') && url.includes('{y}');
}

/** The tile settings of this server process, read now. Server-side only (the env is not sent). */
export function tileConfigFromEnv(): TileConfig {
  return parseTileConfig(process.env);
}
