/**
 * Distances and walking times. Coordinates are WGS-84 degrees. No dependencies: result cards
 * in the browser use these too (geo.ts adds the map apps' coordinate systems on top).
 */

export type LatLng = { lat: number; lng: number };

const EARTH_RADIUS_M = 6_371_008.8;
/** Metres per degree of latitude on the same sphere distanceMetres uses. */
export const METRES_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_M;

/** Great-circle distance in metres (haversine). */
export function distanceMetres(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Walking pace used for estimates: 80 m a minute, the pace behind the "15 minutes ≈ 1.2 km"
 * of the 15分钟医保服务圈. Streets are not straight, so the estimate is a lower bound.
 */
export const WALK_METRES_PER_MINUTE = 80;
export const FIFTEEN_MINUTE_METRES = 15 * WALK_METRES_PER_MINUTE;

/** Estimated walking minutes for a straight-line distance (at least 1). */
export function walkingMinutes(metres: number): number {
  return Math.max(1, Math.round(metres / WALK_METRES_PER_MINUTE));
}

/** '850 米' / '2.3 公里' */
export function formatDistance(metres: number): string {
  const rounded = Math.round(metres / 10) * 10;
  if (rounded < 1000) return `${rounded} 米`;
  return `${(metres / 1000).toFixed(1)} 公里`;
}

/** A latitude/longitude box around a point, for an indexed pre-filter before exact distance. */
export function boundingBox(p: LatLng, metres: number): { minLat: number; maxLat: number; minLng: number; maxLng: number } {
  // A hair wider than the circle, so points right on the radius survive the pre-filter.
  const padded = metres * 1.001;
  const dLat = padded / METRES_PER_DEGREE;
  const dLng = padded / (METRES_PER_DEGREE * Math.cos((p.lat * Math.PI) / 180));
  return { minLat: p.lat - dLat, maxLat: p.lat + dLat, minLng: p.lng - dLng, maxLng: p.lng + dLng };
}
