/**
 * The box a resident's position must fall in to be used for "near me": Beijing and its edges,
 * with room to spare. Shared by the URL parser (server) and the location button (browser).
 */
export const AREA_BOUNDS = {
  lat: { min: 39.4, max: 40.5 },
  lng: { min: 115.4, max: 117.6 },
} as const;

/** True when both coordinates are numbers inside AREA_BOUNDS. */
export function insideArea(lat: number, lng: number): boolean {
  const { lat: la, lng: ln } = AREA_BOUNDS;
  return Number.isFinite(lat) && Number.isFinite(lng) && lat >= la.min && lat <= la.max && lng >= ln.min && lng <= ln.max;
}
