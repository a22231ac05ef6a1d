/** The map view's pure parts: tile settings, the view switch, and grouping into markers. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupMarkers, markerKeyOf, numberEntries, type MapEntry } from './markers';
import { DEFAULT_TILE_URL, parseTileConfig } from './tiles';
import { viewHrefs, viewOf, withView } from './view';

describe('parseTileConfig', () => {
  it('defaults to the OpenStreetMap standard tiles in WGS-84', () => {
    const c = parseTileConfig({});
    assert.equal(c.url, DEFAULT_TILE_URL);
    assert.equal(c.crs, 'wgs84');
    assert.match(c.attribution, /OpenStreetMap/);
  });

  it('takes a configured template, attribution and GCJ-02', () => {
    const c = parseTileConfig({
      MAP_TILE_URL: 'https://webrd01.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}',
      MAP_TILE_ATTRIBUTION: '© 高德地图',
      MAP_TILE_CRS: 'GCJ02',
    });
    assert.equal(c.url, 'https://webrd01.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}');
    assert.equal(c.attribution, '© 高德地图');
    assert.equal(c.crs, 'gcj02');
  });

  it('turns tiles off with MAP_TILE_URL=off', () => {
    assert.equal(parseTileConfig({ MAP_TILE_URL: 'off' }).url, null);
    assert.equal(parseTileConfig({ MAP_TILE_URL: ' OFF ' }).url, null);
  });

  it('falls back to the default for an unusable template, and then ignores MAP_TILE_CRS', () => {
    for (const bad of ['javascript:alert(1)//{z}{x}{y}', 'https://example.org/tiles.png', 'ftp://x/{z}/{x}/{y}']) {
      const c = parseTileConfig({ MAP_TILE_URL: bad, MAP_TILE_CRS: 'gcj02' });
      assert.equal(c.url, DEFAULT_TILE_URL, bad);
      assert.equal(c.crs, 'wgs84', bad);
    }
  });

  it('reads an unknown MAP_TILE_CRS as WGS-84', () => {
    assert.equal(parseTileConfig({ MAP_TILE_URL: 'https://t/{z}/{x}/{y}.png', MAP_TILE_CRS: 'bd09' }).crs, 'wgs84');
  });
});

describe('view switch', () => {
  it('is the map only for view=map', () => {
    assert.equal(viewOf({ view: 'map' }), 'map');
    assert.equal(viewOf({ view: ['map', 'list'] }), 'map');
    assert.equal(viewOf({ view: 'MAP' }), 'list');
    assert.equal(viewOf({ view: 'satellite' }), 'list');
    assert.equal(viewOf({}), 'list');
  });

  it('keeps the filters and the page, adding or dropping only view', () => {
    assert.equal(withView('q=%E7%94%B5%E5%B7%A5&street=3&page=2', 'map'), 'q=%E7%94%B5%E5%B7%A5&street=3&page=2&view=map');
    assert.equal(withView('street=3&view=map&page=2', 'list'), 'street=3&page=2');
    assert.equal(withView('view=map&view=map', 'map'), 'view=map');
    assert.deepEqual(viewHrefs('/stations', 'open=1'), { list: '/stations?open=1', map: '/stations?open=1&view=map' });
    assert.deepEqual(viewHrefs('/stations', 'view=map'), { list: '/stations', map: '/stations?view=map' });
  });
});

describe('groupMarkers', () => {
  const a = { lat: 39.8585, lng: 116.2867 };
  const b = { lat: 39.87, lng: 116.3 };
  const entries: MapEntry[] = numberEntries(
    [
      { name: '一', at: a },
      { name: '二', at: b },
      { name: '三', at: null },
      { name: '四', at: { ...a } },
    ],
    (x) => ({ name: x.name, line: '', href: '/x', at: x.at }),
  );

  it('numbers entries from 1 in list order', () => {
    assert.deepEqual(entries.map((e) => e.n), [1, 2, 3, 4]);
  });

  it('puts items at the same place on one marker, skipping items without a place', () => {
    const markers = groupMarkers(entries);
    assert.equal(markers.length, 2);
    assert.equal(markers[0]!.label, '1、4');
    assert.deepEqual(markers[0]!.entries.map((e) => e.name), ['一', '四']);
    assert.equal(markers[1]!.label, '2');
    assert.equal(markerKeyOf(entries[3]!), markers[0]!.key);
    assert.equal(markerKeyOf(entries[2]!), null);
  });

  it('ignores coordinates that are not numbers', () => {
    assert.equal(groupMarkers([{ n: 1, name: 'x', line: '', href: '/', at: { lat: Number.NaN, lng: 116 } }]).length, 0);
  });
});
