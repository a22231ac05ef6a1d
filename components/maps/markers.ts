/** From list items to numbered markers. Pure; shared by the map and the list. */
import type { LatLng } from '@/db/domain/geo';

/** One item of the current result page, numbered as the list shows it (1-based). */
export type MapEntry = {
  n: number;
  name: string;
  /** One short line under the name in the popup (address, venue …). */
  line: string;
  href: string;
  /** WGS-84; null = nothing to place (an online fair). */
  at: LatLng | null;
};

/** Where a near-me list measures from (a 街镇 centre, a place, the device), marked on the map. */
export type MapOrigin = { at: LatLng; label: string };

export type MapMarker = {
  /** Stable within a page: the place, rounded to about 10 cm. */
  key: string;
  at: LatLng;
  /** '3' or '2、5' when several items share the place. */
  label: string;
  entries: MapEntry[];
};

export function placeKey(at: LatLng): string {
  return `${at.lat.toFixed(6)},${at.lng.toFixed(6)}`;
}

/**
 * One marker per place: items at the same spot (two course runs in one classroom building)
 * share a marker that lists them all, instead of pins stacked invisibly on each other.
 * Markers keep the order of their first item.
 */
export function groupMarkers(entries: readonly MapEntry[]): MapMarker[] {
  const byKey = new Map<string, MapMarker>();
  for (const e of entries) {
    if (!e.at || !Number.isFinite(e.at.lat) || !Number.isFinite(e.at.lng)) continue;
    const key = placeKey(e.at);
    const m = byKey.get(key);
    if (m) m.entries.push(e);
    else byKey.set(key, { key, at: e.at, label: '', entries: [e] });
  }
  const out = [...byKey.values()];
  for (const m of out) m.label = m.entries.map((e) => e.n).join('、');
  return out;
}

/** The entry numbers a marker stands for, by its key (for the list's highlighting). */
export function markerKeyOf(entry: MapEntry): string | null {
  return entry.at ? placeKey(entry.at) : null;
}

/** Items are numbered from 1 on every page, like the list the resident sees. */
export function numberEntries<T>(items: readonly T[], toEntry: (item: T) => Omit<MapEntry, 'n'>): MapEntry[] {
  return items.map((item, i) => ({ n: i + 1, ...toEntry(item) }));
}
