/**
 * Places on the map: distances and walking times (distance.ts, re-exported here) and links
 * that open navigation in the map apps residents use. Coordinates are WGS-84 degrees.
 */
import gcoord from 'gcoord';

export * from './distance';
import type { LatLng } from './distance';

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
