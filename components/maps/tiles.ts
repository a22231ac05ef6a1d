/**
 * The tile settings' shape, for the map components. The settings themselves come from
 * MAP_TILE_URL, MAP_TILE_ATTRIBUTION and MAP_TILE_CRS, read at start in db/config.ts; the page
 * passes them to the client (the environment itself is never sent).
 */
export type { TileConfig, TileCrs } from '@/db/config';
