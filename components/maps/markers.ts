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
  /** What the pin shows: '3', '2、5', '1–7' (a run), cut to two parts with '…' ('1–3、6…'). */
  label: string;
  /** Every number it stands for, as read out ('1–3、6、9'). */
  numbers: string;
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
    else byKey.set(key, { key, at: e.at, label: '', numbers: '', entries: [e] });
  }
  const out = [...byKey.values()];
  for (const m of out) {
    const parts = numberParts(m.entries.map((e) => e.n));
    m.numbers = parts.join('、');
    m.label = parts.length > 2 ? `${parts.slice(0, 2).join('、')}…` : m.numbers;
  }
  return out;
}

/**
 * Numbers in order as parts a resident reads: three or more in a row as a range ('1–7'), the
 * rest one by one. Many positions at one fair venue would otherwise make a pin wider than the map.
 */
export function numberParts(ns: readonly number[]): string[] {
  const sorted = [...ns].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${sorted[i]}–${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts;
}

/** The entry numbers a marker stands for, by its key (for the list's highlighting). */
export function markerKeyOf(entry: MapEntry): string | null {
  return entry.at ? placeKey(entry.at) : null;
}

/** Items are numbered from 1 on every page, like the list the resident sees. */
export function numberEntries<T>(items: readonly T[], toEntry: (item: T) => Omit<MapEntry, 'n'>): MapEntry[] {
  return items.map((item, i) => ({ n: i + 1, ...toEntry(item) }));
}
