'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import { markerKeyOf, type MapEntry } from './markers';
import { useMapSync } from './map-sync';
import { mapStrings as t } from './strings';

/**
 * One result in the list. In the map view it carries the marker's number, lights up when its
 * marker is picked (and scrolls into view when the pick came from the map), picks its marker
 * on hover and focus, and offers «在地图上看». Elsewhere it is a plain <li>.
 */
export function MapListItem({ entry, noPlace, children }: { entry: MapEntry; noPlace?: string; children: ReactNode }) {
  const sync = useMapSync();
  const ref = useRef<HTMLLIElement>(null);
  const key = markerKeyOf(entry);
  const active = sync !== null && key !== null && sync.picked?.key === key;
  const first = active && sync?.picked?.from === 'marker';

  useEffect(() => {
    // Only the first item of a group scrolls; the others just light up.
    if (!first || !ref.current) return;
    const li = ref.current;
    const group = li.parentElement?.querySelector(`[data-map-key="${CSS.escape(key ?? '')}"]`);
    if (group !== li) return;
    const still = document.documentElement.dataset.mode === 'elder' || window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    li.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
  }, [first, key, sync?.picked?.seq]);

  if (!sync) return <li>{children}</li>;

  return (
    <li
      ref={ref}
      id={`map-item-${entry.n}`}
      data-map-key={key ?? undefined}
      data-map-active={active ? 'true' : undefined}
      className="map-list-item scroll-mt-4 rounded-xl"
      onPointerEnter={(e) => key && e.pointerType === 'mouse' && sync.pick(key, 'hover')}
      onFocus={() => key && sync.pick(key, 'focus')}
    >
      <div className="mb-1 flex flex-wrap items-center justify-between gap-2">
        <span className="map-pin map-pin--static" aria-label={t.numberLabel(entry.n)} role="img">
          {entry.n}
        </span>
        {key === null ? (
          <span className="text-base text-muted">{noPlace ?? t.noMarker}</span>
        ) : (
          sync.ready && (
            <button
              type="button"
              className="inline-flex min-h-12 items-center rounded-lg px-3 text-lg font-medium text-brand underline hover:bg-brand-soft"
              onClick={() => sync.pick(key, 'button')}
            >
              {t.showOnMap}
              <span className="sr-only">{t.showOnMapWhich(entry.name)}</span>
            </button>
          )
        )}
      </div>
      {children}
    </li>
  );
}
