'use client';

import dynamic from 'next/dynamic';
import type { ReactNode } from 'react';
import type { MapEntry, MapOrigin } from './markers';
import { MapNoScript } from './map-noscript';
import { MapSyncProvider } from './map-sync';
import type { TileConfig } from './tiles';
import type { ListView } from './view';
import { ViewSwitch } from './view-switch';
import { mapStrings as t } from './strings';

/**
 * The map's code (and Leaflet, which it loads in turn) is fetched only in the map view, so the
 * list view's first load carries none of it.
 */
const ResultsMap = dynamic(() => import('./results-map').then((m) => m.ResultsMap), { ssr: false, loading: MapNoScript });

/**
 * A result list with its 列表 / 地图 switch. In the map view the map comes first (beside the
 * list on wide screens) and the list stays in full below it: the map only adds to it.
 * `tiles` is null in the list view (the page reads the tile settings only for the map).
 * `children` is the list, or what the page says when nothing matched.
 */
export function MapResults({
  path,
  qs,
  tiles,
  entries,
  what,
  origin = null,
  children,
}: {
  path: string;
  qs: string;
  tiles: TileConfig | null;
  entries: MapEntry[];
  /** What the map shows, for its label ('医保服务驿站'). */
  what: string;
  /** The near-me origin, marked on the map (none when the list is not sorted by distance). */
  origin?: MapOrigin | null;
  children: ReactNode;
}) {
  const view: ListView = tiles ? 'map' : 'list';
  // Nothing found: no empty map, just the switch and what the list says instead.
  const showMap = tiles !== null && entries.length > 0;
  return (
    <>
      <ViewSwitch path={path} qs={qs} view={view} />
      {showMap ? (
        <MapSyncProvider>
          <div className="map-layout-box">
            <div className="map-layout">
              <div className="map-layout__map mb-4">
                {entries.some((e) => e.at !== null) ? (
                  <ResultsMap entries={entries} tiles={tiles} what={what} origin={origin} />
                ) : (
                  <p className="rounded-lg border border-line bg-white px-4 py-3 text-base" data-testid="map-nothing">
                    {t.nothingOnMap}
                  </p>
                )}
              </div>
              <div className="min-w-0 space-y-4">{children}</div>
            </div>
          </div>
        </MapSyncProvider>
      ) : (
        children
      )}
    </>
  );
}

/** Keeps ?view=map in a no-JavaScript form submit (with JavaScript the search adds it itself). */
export function ViewField({ tiles }: { tiles: TileConfig | null }) {
  return tiles ? <input type="hidden" name="view" value="map" /> : null;
}
