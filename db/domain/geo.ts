/**
 * Distances and walking times. Coordinates are WGS-84 degrees.
 */
import gcoord from 'gcoord';

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

/** WGS-84 → GCJ-02 (高德, 腾讯). */
export function toGcj02(p: LatLng): LatLng {
  const [lng, lat] = gcoord.transform([p.lng, p.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
  return { lat, lng };
}

/** WGS-84 → BD-09 (百度). */
export function toBd09(p: LatLng): LatLng {
  const [lng, lat] = gcoord.transform([p.lng, p.lat], gcoord.WGS84, gcoord.BD09) as [number, number];
  return { lat, lng };
}

/** Who is asking, as 百度 (`src`) and 腾讯 (`referer`) want it named in their URI APIs. */
export const NAVIGATION_SOURCE = 'fengtai-portal';

/** A link that opens walking navigation to the place in 高德地图 (app if installed, else web). */
export function amapNavigationUrl(p: LatLng, name: string): string {
  const g = toGcj02(p);
  const to = `${g.lng.toFixed(6)},${g.lat.toFixed(6)},${name}`;
  return `https://uri.amap.com/navigation?to=${encodeURIComponent(to)}&mode=walk&callnative=1`;
}

/**
 * A link that opens walking directions to the place in 百度地图 (URI API `direction`): the
 * destination in BD-09 (coord_type bd09ll), from the resident's own position.
 */
export function baiduNavigationUrl(p: LatLng, name: string): string {
  const b = toBd09(p);
  const sp = new URLSearchParams({
    destination: `latlng:${b.lat.toFixed(6)},${b.lng.toFixed(6)}|name:${name}`,
    mode: 'walking',
    coord_type: 'bd09ll',
    region: '北京',
    output: 'html',
    src: NAVIGATION_SOURCE,
  });
  return `https://api.map.baidu.com/direction?${sp.toString()}`;
}

/**
 * A link that opens walking directions to the place in 腾讯地图 (URI API `routeplan`): the
 * destination in GCJ-02 (`tocoord` is latitude first), from the resident's own position.
 */
export function tencentNavigationUrl(p: LatLng, name: string): string {
  const g = toGcj02(p);
  const sp = new URLSearchParams({
    type: 'walk',
    to: name,
    tocoord: `${g.lat.toFixed(6)},${g.lng.toFixed(6)}`,
    referer: NAVIGATION_SOURCE,
  });
  return `https://apis.map.qq.com/uri/v1/routeplan?${sp.toString()}`;
}

export type NavigationLink = { app: 'amap' | 'baidu' | 'tencent'; url: string };

/** The three map apps residents in Beijing use, each with its own coordinate system. */
export function navigationLinks(p: LatLng, name: string): NavigationLink[] {
  return [
    { app: 'amap', url: amapNavigationUrl(p, name) },
    { app: 'baidu', url: baiduNavigationUrl(p, name) },
    { app: 'tencent', url: tencentNavigationUrl(p, name) },
  ];
}
