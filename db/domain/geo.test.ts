/**
 * Distances and map coordinates. The GCJ-02 / BD-09 checks compare the library against the
 * published formulas written out here, so a library swap cannot silently shift every pin.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  FIFTEEN_MINUTE_METRES,
  amapNavigationUrl,
  baiduNavigationUrl,
  boundingBox,
  distanceMetres,
  formatDistance,
  navigationLinks,
  tencentNavigationUrl,
  toBd09,
  toGcj02,
  walkingMinutes,
  type LatLng,
} from './geo';

const TIANANMEN: LatLng = { lat: 39.9087, lng: 116.3975 };
const BEIJING_WEST: LatLng = { lat: 39.8947, lng: 116.322 };
/** 丰台区政府, roughly. */
const FENGTAI: LatLng = { lat: 39.8585, lng: 116.2867 };

const R = 6_371_008.8;
const RAD = Math.PI / 180;

/** The point `metres` along a great circle from `p` on `bearing` degrees (spherical, radius R). */
function destination(p: LatLng, bearing: number, metres: number): LatLng {
  const d = metres / R;
  const b = bearing * RAD;
  const lat1 = p.lat * RAD;
  const lng1 = p.lng * RAD;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
  const lng2 = lng1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  return { lat: lat2 / RAD, lng: lng2 / RAD };
}

/** WGS-84 → GCJ-02, the widely published reference formula (Krasovsky 1940 ellipsoid). */
function referenceGcj02(p: LatLng): LatLng {
  const a = 6378245.0;
  const ee = 0.00669342162296594323;
  const x = p.lng - 105.0;
  const y = p.lat - 35.0;
  let dLat =
    -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x)) +
    ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0 +
    ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0 +
    ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  let dLng =
    300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x)) +
    ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0 +
    ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0 +
    ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  const radLat = p.lat * RAD;
  let magic = Math.sin(radLat);
  magic = 1 - ee * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((a * (1 - ee)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((a / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: p.lat + dLat, lng: p.lng + dLng };
}

/** GCJ-02 → BD-09, Baidu's published formula. */
function referenceBd09FromGcj(p: LatLng): LatLng {
  const xPi = (Math.PI * 3000.0) / 180.0;
  const z = Math.sqrt(p.lng * p.lng + p.lat * p.lat) + 0.00002 * Math.sin(p.lat * xPi);
  const theta = Math.atan2(p.lat, p.lng) + 0.000003 * Math.cos(p.lng * xPi);
  return { lat: z * Math.sin(theta) + 0.006, lng: z * Math.cos(theta) + 0.0065 };
}

function close(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} not within ${tolerance} of ${expected}`);
}

describe('distanceMetres', () => {
  it('measures 天安门 to 北京西站 as about 6.6 km', () => {
    const d = distanceMetres(TIANANMEN, BEIJING_WEST);
    close(d, 6600, 66, '天安门–北京西站');
  });

  it('is symmetric and zero for the same point', () => {
    assert.equal(distanceMetres(TIANANMEN, TIANANMEN), 0);
    close(distanceMetres(TIANANMEN, FENGTAI), distanceMetres(FENGTAI, TIANANMEN), 1e-6, 'symmetry');
  });

  it('agrees with a point placed a known distance away', () => {
    for (const bearing of [0, 45, 90, 180, 270]) {
      close(distanceMetres(FENGTAI, destination(FENGTAI, bearing, 1200)), 1200, 0.01, `bearing ${bearing}`);
    }
  });

  it('makes one degree of latitude about 111.2 km', () => {
    close(distanceMetres({ lat: 39, lng: 116 }, { lat: 40, lng: 116 }), 111_195, 1, 'one degree');
  });
});

describe('walkingMinutes', () => {
  it('walks 80 m a minute, at least one minute', () => {
    assert.equal(walkingMinutes(FIFTEEN_MINUTE_METRES), 15);
    assert.equal(walkingMinutes(1200), 15, 'the 15-minute circle is 1.2 km');
    assert.equal(walkingMinutes(1280), 16, 'a kilometre and a bit more is past it');
    assert.equal(walkingMinutes(800), 10);
    assert.equal(walkingMinutes(850), 11);
    assert.equal(walkingMinutes(30), 1);
    assert.equal(walkingMinutes(0), 1);
  });
});

describe('formatDistance', () => {
  it('uses 米 to the nearest 10 below a kilometre', () => {
    assert.equal(formatDistance(850), '850 米');
    assert.equal(formatDistance(846), '850 米');
    assert.equal(formatDistance(4), '0 米');
    assert.equal(formatDistance(994), '990 米');
  });

  it('uses 公里 with one decimal from a kilometre', () => {
    assert.equal(formatDistance(1000), '1.0 公里');
    assert.equal(formatDistance(2345), '2.3 公里');
    assert.equal(formatDistance(6626), '6.6 公里');
  });

  it('does not write 1000 米 just under a kilometre', () => {
    assert.equal(formatDistance(996), '1.0 公里');
  });
});

describe('boundingBox', () => {
  const radius = 1200;
  const box = boundingBox(FENGTAI, radius);
  const inBox = (p: LatLng) => p.lat >= box.minLat && p.lat <= box.maxLat && p.lng >= box.minLng && p.lng <= box.maxLng;

  it('is centred on the point', () => {
    close((box.minLat + box.maxLat) / 2, FENGTAI.lat, 1e-12, 'lat centre');
    close((box.minLng + box.maxLng) / 2, FENGTAI.lng, 1e-12, 'lng centre');
  });

  it('contains points just inside the radius in every direction', () => {
    for (let bearing = 0; bearing < 360; bearing += 15) {
      assert.ok(inBox(destination(FENGTAI, bearing, radius * 0.995)), `bearing ${bearing}`);
    }
  });

  it('is not much larger than the radius', () => {
    close(distanceMetres(FENGTAI, { lat: box.maxLat, lng: FENGTAI.lng }), radius, radius * 0.01, 'north edge');
    close(distanceMetres(FENGTAI, { lat: FENGTAI.lat, lng: box.maxLng }), radius, radius * 0.01, 'east edge');
    assert.equal(inBox(destination(FENGTAI, 0, radius * 1.02)), false);
    assert.equal(inBox(destination(FENGTAI, 90, radius * 1.02)), false);
  });

  it('contains points exactly at the radius', () => {
    for (let bearing = 0; bearing < 360; bearing += 15) {
      assert.ok(inBox(destination(FENGTAI, bearing, radius)), `bearing ${bearing}`);
    }
  });
});

describe('toGcj02', () => {
  it('matches the reference formula in Beijing', () => {
    for (const p of [TIANANMEN, BEIJING_WEST, FENGTAI]) {
      const got = toGcj02(p);
      const want = referenceGcj02(p);
      close(got.lat, want.lat, 1e-7, 'lat');
      close(got.lng, want.lng, 1e-7, 'lng');
    }
  });

  it('shifts Beijing points a few hundred metres north-east', () => {
    const g = toGcj02(TIANANMEN);
    assert.ok(g.lng > TIANANMEN.lng, 'GCJ-02 longitude is larger');
    assert.ok(g.lat > TIANANMEN.lat, 'GCJ-02 latitude is larger');
    const shift = distanceMetres(TIANANMEN, g);
    assert.ok(shift > 100 && shift < 700, `shift ${shift} m`);
    // Mostly east: about 530 m east, 120 m north at 天安门.
    close(g.lng, 116.40374, 0.00002, 'lng');
    close(g.lat, 39.9101, 0.00002, 'lat');
  });
});

describe('toBd09', () => {
  it('is GCJ-02 plus Baidu’s own offset', () => {
    for (const p of [TIANANMEN, BEIJING_WEST, FENGTAI]) {
      const got = toBd09(p);
      const want = referenceBd09FromGcj(referenceGcj02(p));
      close(got.lat, want.lat, 1e-6, 'lat');
      close(got.lng, want.lng, 1e-6, 'lng');
    }
  });

  it('moves further north-east than GCJ-02', () => {
    const g = toGcj02(TIANANMEN);
    const b = toBd09(TIANANMEN);
    assert.ok(b.lng > g.lng && b.lat > g.lat);
    const shift = distanceMetres(TIANANMEN, b);
    assert.ok(shift > 900 && shift < 1600, `shift ${shift} m`);
  });
});

describe('amapNavigationUrl', () => {
  it('walks to the GCJ-02 point with the name', () => {
    const url = new URL(amapNavigationUrl(TIANANMEN, '丰台医保驿站'));
    assert.equal(url.origin + url.pathname, 'https://uri.amap.com/navigation');
    const g = toGcj02(TIANANMEN);
    assert.equal(url.searchParams.get('to'), `${g.lng.toFixed(6)},${g.lat.toFixed(6)},丰台医保驿站`);
    assert.equal(url.searchParams.get('mode'), 'walk');
    assert.equal(url.searchParams.get('callnative'), '1');
  });
});

/**
 * Published reference pairs: the README and unit tests of the widely used `coordtransform`
 * npm package (github.com/wandergis/coordtransform, index.test.js) list, for the point
 * lng 116.404, lat 39.915:
 *   wgs84togcj02 → [116.41024449916938, 39.91640428150164]
 *   gcj02towgs84 → [116.39775550083061, 39.91359571849836]
 *   gcj02tobd09  → [116.41036949371029, 39.92133699351021]
 * The last two chain into a WGS-84 → BD-09 pair: the WGS-84 point whose GCJ-02 is
 * (116.404, 39.915) lies at BD-09 (116.41037, 39.92134). gcj02towgs84 is itself an
 * approximation good to about a metre, hence the few-metre tolerance there.
 */
const PUBLISHED = {
  wgs: { lat: 39.915, lng: 116.404 },
  wgsToGcj: { lat: 39.91640428150164, lng: 116.41024449916938 },
  wgsOfGcj: { lat: 39.91359571849836, lng: 116.39775550083061 },
  bdOfGcj: { lat: 39.92133699351021, lng: 116.41036949371029 },
};

describe('conversions against published reference points', () => {
  it('toGcj02 gives the published GCJ-02 point within a metre', () => {
    const g = toGcj02(PUBLISHED.wgs);
    assert.ok(distanceMetres(g, PUBLISHED.wgsToGcj) < 1, `off by ${distanceMetres(g, PUBLISHED.wgsToGcj)} m`);
  });

  it('toBd09 gives the published BD-09 point within a few metres', () => {
    const b = toBd09(PUBLISHED.wgsOfGcj);
    assert.ok(distanceMetres(b, PUBLISHED.bdOfGcj) < 3, `off by ${distanceMetres(b, PUBLISHED.bdOfGcj)} m`);
    // …and the published GCJ-02 of that point is what toGcj02 gives.
    assert.ok(distanceMetres(toGcj02(PUBLISHED.wgsOfGcj), PUBLISHED.wgs) < 3);
  });
});

/** 'lat,lng' → LatLng */
function pair(text: string, order: 'latlng' | 'lnglat'): LatLng {
  const [a, b] = text.split(',').map(Number) as [number, number];
  return order === 'latlng' ? { lat: a, lng: b } : { lat: b, lng: a };
}

describe('navigation links carry the coordinates each app expects', () => {
  const at = PUBLISHED.wgs;
  const name = '右安门医保驿站';

  it('百度: BD-09 latitude first, walking, with src and coord_type', () => {
    const url = new URL(baiduNavigationUrl(at, name));
    assert.equal(url.origin + url.pathname, 'https://api.map.baidu.com/direction');
    assert.equal(url.searchParams.get('mode'), 'walking');
    assert.equal(url.searchParams.get('coord_type'), 'bd09ll');
    assert.equal(url.searchParams.get('output'), 'html');
    assert.ok(url.searchParams.get('src'));
    const m = /^latlng:([\d.]+,[\d.]+)\|name:(.+)$/.exec(url.searchParams.get('destination') ?? '');
    assert.ok(m, 'destination is latlng:…|name:…');
    assert.equal(m[2], name);
    const p = pair(m[1]!, 'latlng');
    assert.ok(distanceMetres(p, toBd09(at)) < 0.2, 'BD-09 point');
    // Not the WGS-84 numbers, nor GCJ-02: 百度 would put the pin about a kilometre off.
    assert.ok(distanceMetres(p, at) > 900);
    assert.ok(distanceMetres(p, toGcj02(at)) > 500);
  });

  it('腾讯: GCJ-02 latitude first, walking, with a referer', () => {
    const url = new URL(tencentNavigationUrl(at, name));
    assert.equal(url.origin + url.pathname, 'https://apis.map.qq.com/uri/v1/routeplan');
    assert.equal(url.searchParams.get('type'), 'walk');
    assert.equal(url.searchParams.get('to'), name);
    assert.ok(url.searchParams.get('referer'));
    const p = pair(url.searchParams.get('tocoord') ?? '', 'latlng');
    assert.ok(distanceMetres(p, PUBLISHED.wgsToGcj) < 1, 'the published GCJ-02 point');
    assert.ok(distanceMetres(p, at) > 400, 'not the WGS-84 point');
  });

  it('高德: GCJ-02 longitude first', () => {
    const url = new URL(amapNavigationUrl(at, name));
    const p = pair((url.searchParams.get('to') ?? '').split(',').slice(0, 2).join(','), 'lnglat');
    assert.ok(distanceMetres(p, PUBLISHED.wgsToGcj) < 1);
  });

  it('a name with | & or # cannot break out of its parameter', () => {
    const odd = '驿站|A&b=1#x';
    assert.equal(new URL(tencentNavigationUrl(at, odd)).searchParams.get('to'), odd);
    assert.ok((new URL(baiduNavigationUrl(at, odd)).searchParams.get('destination') ?? '').endsWith(`name:${odd}`));
    assert.equal(new URL(baiduNavigationUrl(at, odd)).searchParams.get('mode'), 'walking');
  });

  it('navigationLinks lists 高德, 百度, 腾讯 in that order', () => {
    assert.deepEqual(
      navigationLinks(at, name).map((l) => l.app),
      ['amap', 'baidu', 'tencent'],
    );
  });
});
