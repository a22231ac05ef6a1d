/** The map view's pure parts: the view switch and grouping into markers (tile settings: db/config.test.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupMarkers, markerKeyOf, numberEntries, numberParts, type MapEntry } from './markers';
import { viewHrefs, viewOf, withView } from './view';

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
    assert.equal(markers[0]!.numbers, '1、4');
    assert.equal(markerKeyOf(entries[3]!), markers[0]!.key);
    assert.equal(markerKeyOf(entries[2]!), null);
  });

  it('says three or more numbers in a row as a range, and cuts the pin after two parts', () => {
    const at = { lat: 39.86, lng: 116.28 };
    const many = numberEntries([1, 2, 3, 4, 5, 6, 7], () => ({ name: 'x', line: '', href: '/', at }));
    assert.equal(groupMarkers(many)[0]!.label, '1–7');
    assert.deepEqual(numberParts([9, 1, 2, 3, 6, 7]), ['1–3', '6', '7', '9']);
    const spread = [1, 2, 3, 6, 7, 9].map((n) => ({ n, name: 'x', line: '', href: '/', at }));
    const m = groupMarkers(spread)[0]!;
    assert.equal(m.label, '1–3、6…');
    assert.equal(m.numbers, '1–3、6、7、9');
  });

  it('ignores coordinates that are not numbers', () => {
    assert.equal(groupMarkers([{ n: 1, name: 'x', line: '', href: '/', at: { lat: Number.NaN, lng: 116 } }]).length, 0);
  });
});
