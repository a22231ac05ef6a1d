/**
 * What the results map draws, as DOM built with textContent (names come from the database):
 * the numbered pin, the cluster of pins too close to tell apart, the origin («起点») and the
 * popup. Browser only; Leaflet is passed in, so this module loads nothing itself.
 */
import type * as Leaflet from 'leaflet';
import type { MapMarker } from './markers';
import { mapStrings as t } from './strings';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The numbers a pin or a cluster stands for, as the tests and the list read them ('2 5'). */
function numbersAttr(e: HTMLElement, numbers: readonly number[]) {
  e.dataset.numbers = numbers.join(' ');
}

/** A pin's size in CSS pixels, for its label: [width, height]. */
export function pinSize(label: string, elder: boolean): [number, number] {
  const h = elder ? 44 : 36;
  return [h + (elder ? 18 : 14) * (label.length - 1), h];
}

/** A numbered pin sized for its label, so the focus ring and the tap area are the pin itself. */
export function pinIcon(L: typeof Leaflet, m: MapMarker, elder: boolean): Leaflet.DivIcon {
  const [w, h] = pinSize(m.label, elder);
  const pin = el('span', 'map-pin', m.label);
  numbersAttr(
    pin,
    m.entries.map((e) => e.n),
  );
  return L.divIcon({ className: 'map-marker', html: pin, iconSize: [w, h], iconAnchor: [w / 2, h / 2], popupAnchor: [0, -h / 2] });
}

/**
 * Pins too close to tell apart, as one round count of the results they hold; pressing it
 * (click or Enter) zooms in until they part. Its name says which numbers are inside.
 */
export function clusterIcon(L: typeof Leaflet, numbers: readonly number[], elder: boolean): Leaflet.DivIcon {
  const size = (elder ? 52 : 44) + (numbers.length >= 10 ? 8 : 0);
  const box = el('span', 'map-cluster__box');
  const count = el('span', 'map-cluster__count', String(numbers.length));
  count.setAttribute('aria-hidden', 'true');
  numbersAttr(count, numbers);
  box.append(count, el('span', 'sr-only', t.clusterLabel(numbers.length, numbers.join('、'))));
  return L.divIcon({ className: 'map-cluster', html: box, iconSize: [size, size], iconAnchor: [size / 2, size / 2] });
}

/** Where distances are measured from: a ring with its name beside it, unlike any result's pin. */
export function originIcon(L: typeof Leaflet, label: string): Leaflet.DivIcon {
  const box = el('span', 'map-origin__box');
  box.dataset.testid = 'map-origin';
  const dot = el('span', 'map-origin__dot');
  dot.setAttribute('aria-hidden', 'true');
  box.append(dot, el('span', 'map-origin__label', t.originLabel(label)));
  return L.divIcon({ className: 'map-origin', html: box, iconSize: [24, 24], iconAnchor: [12, 12] });
}

export function popupContent(m: MapMarker): HTMLElement {
  const box = el('div', 'map-popup');
  for (const e of m.entries) {
    const item = el('div', 'map-popup__item');
    item.append(el('p', 'map-popup__title', `${e.n}. ${e.name}`));
    if (e.line) item.append(el('p', '', e.line));
    const link = el('a', '', t.popupDetails);
    link.href = e.href;
    link.setAttribute('aria-label', `${t.popupDetails}：${e.name}`);
    item.append(link);
    box.append(item);
  }
  return box;
}
