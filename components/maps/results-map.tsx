'use client';

import 'leaflet/dist/leaflet.css';
import './results-map.css';
import type * as Leaflet from 'leaflet';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LatLng } from '@/db/domain/geo';
import { groupMarkers, type MapEntry, type MapMarker } from './markers';
import { MapNoScript } from './map-noscript';
import { useMapSync } from './map-sync';
import { mapStrings as t } from './strings';
import type { TileConfig } from './tiles';

/** 丰台区政府, roughly: where an empty page's map looks. */
const FENGTAI: LatLng = { lat: 39.8585, lng: 116.2867 };

type Loaded = {
  L: typeof Leaflet;
  map: Leaflet.Map;
  layer: Leaflet.LayerGroup;
  /** Converts a stored WGS-84 point to the tiles' system. */
  project: (p: LatLng) => LatLng;
};

function popupContent(m: MapMarker): HTMLElement {
  const box = document.createElement('div');
  box.className = 'map-popup';
  for (const e of m.entries) {
    const item = document.createElement('div');
    item.className = 'map-popup__item';
    const title = document.createElement('p');
    title.className = 'map-popup__title';
    title.textContent = `${e.n}. ${e.name}`;
    item.append(title);
    if (e.line) {
      const line = document.createElement('p');
      line.textContent = e.line;
      item.append(line);
    }
    const link = document.createElement('a');
    link.href = e.href;
    link.textContent = t.popupDetails;
    link.setAttribute('aria-label', `${t.popupDetails}：${e.name}`);
    item.append(link);
    box.append(item);
  }
  return box;
}

/**
 * The map above (or, on wide screens, beside) the result list. Leaflet is loaded in the
 * browser only; the server and a browser without JavaScript get a short note instead, and
 * the list below carries everything. Tiles that fail (offline, blocked) leave the markers on
 * a plain background with a calm notice.
 */
export function ResultsMap({ entries, tiles, what }: { entries: MapEntry[]; tiles: TileConfig; what: string }) {
  const sync = useMapSync();
  const box = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [mounted, setMounted] = useState(false);
  const [failed, setFailed] = useState(false);
  const [tilesFailed, setTilesFailed] = useState(false);
  const markers = useMemo(() => groupMarkers(entries), [entries]);
  const byKey = useRef(new Map<string, Leaflet.Marker>());
  const opening = useRef(false);
  const setReady = sync?.setReady;
  const pick = sync?.pick;

  useEffect(() => setMounted(true), []);

  // Load Leaflet once the box exists; build the map and its tile layer.
  useEffect(() => {
    if (!mounted || !box.current) return;
    let cancelled = false;
    let map: Leaflet.Map | null = null;
    let resized: ResizeObserver | null = null;
    (async () => {
      try {
        const [{ default: L }, geo] = await Promise.all([import('leaflet'), import('@/db/domain/geo')]);
        if (cancelled || !box.current) return;
        // 长辈版 and reduced motion: no fading or zoom animation.
        const still = document.documentElement.dataset.mode === 'elder' || window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        map = L.map(box.current, {
          zoomControl: false,
          attributionControl: true,
          scrollWheelZoom: false,
          fadeAnimation: !still,
          zoomAnimation: !still,
          markerZoomAnimation: !still,
          zoomSnap: 0.5,
        });
        L.control.zoom({ zoomInTitle: t.zoomIn, zoomOutTitle: t.zoomOut }).addTo(map);
        map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
        if (tiles.url) {
          const layer = L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 18 });
          layer.once('tileerror', () => setTilesFailed(true));
          layer.addTo(map);
        }
        const project = tiles.crs === 'gcj02' ? geo.toGcj02 : (p: LatLng) => p;
        map.setView(project(FENGTAI), 12);
        // Leaflet names its popup's close button in English.
        map.on('popupopen', (e) => e.popup.getElement()?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', t.closePopup));
        // The box changes size without a window resize (a notice above it, 长辈版, a sidebar).
        const m = map;
        resized = new ResizeObserver(() => m.invalidateSize({ pan: false }));
        resized.observe(box.current);
        setLoaded({ L, map, layer: L.layerGroup().addTo(map), project });
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      resized?.disconnect();
      map?.remove();
      setLoaded(null);
      setReady?.(false);
    };
  }, [mounted, tiles.url, tiles.attribution, tiles.crs, setReady]);

  // Markers follow the page of results (the live search replaces it in place).
  useEffect(() => {
    if (!loaded) return;
    const { L, map, layer, project } = loaded;
    layer.clearLayers();
    byKey.current.clear();
    const elder = document.documentElement.dataset.mode === 'elder';
    for (const m of markers) {
      const names = m.entries.map((e) => e.name).join('、');
      // Sized for its label, so the focus ring and the tap area are the pin itself.
      const h = elder ? 44 : 36;
      const w = h + (elder ? 18 : 14) * (m.label.length - 1);
      const marker = L.marker(project(m.at), {
        icon: L.divIcon({
          className: 'map-marker',
          html: `<span class="map-pin">${m.label}</span>`,
          iconSize: [w, h],
          iconAnchor: [w / 2, h / 2],
          popupAnchor: [0, -h / 2],
        }),
        keyboard: true,
        title: t.markerLabel(m.label, names),
        riseOnHover: true,
      });
      marker.bindPopup(popupContent(m), { maxWidth: 280, autoPanPadding: [16, 16] });
      // Click and Enter both open the popup; one opened for «在地图上看» is the list's own pick.
      marker.on('popupopen', () => {
        if (!opening.current) pick?.(m.key, 'marker');
      });
      marker.addTo(layer);
      const el = marker.getElement();
      if (el) {
        el.setAttribute('aria-label', t.markerLabel(m.label, names));
        el.dataset.mapKey = m.key;
      }
      byKey.current.set(m.key, marker);
    }
    if (markers.length > 0) {
      const bounds = L.latLngBounds(markers.map((m) => project(m.at)));
      // Clear of the zoom buttons at the top left.
      map.fitBounds(bounds, { paddingTopLeft: [60, 28], paddingBottomRight: [28, 28], maxZoom: 15, animate: false });
    }
    setReady?.(markers.length > 0);
  }, [loaded, markers, pick, setReady]);

  // A pick from the list lights its marker; «在地图上看» also pans there and opens the popup.
  const picked = sync?.picked;
  useEffect(() => {
    if (!loaded) return;
    for (const [key, marker] of byKey.current) {
      const el = marker.getElement();
      const on = picked?.key === key;
      el?.classList.toggle('is-active', on);
      marker.setZIndexOffset(on ? 1000 : 0);
    }
    if (!picked || picked.from !== 'button') return;
    const marker = byKey.current.get(picked.key);
    if (!marker) return;
    const still = document.documentElement.dataset.mode === 'elder' || window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    loaded.map.setView(marker.getLatLng(), Math.max(loaded.map.getZoom(), 15), { animate: !still });
    opening.current = true;
    marker.openPopup();
    opening.current = false;
    box.current?.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
  }, [loaded, picked]);

  if (!mounted) return <MapNoScript />;
  return (
    <div className="space-y-2" data-testid="results-map">
      {failed && (
        <p role="status" className="rounded-lg border-l-4 border-warn/40 bg-warn-soft px-4 py-2 text-base">
          {t.loadFailed}
        </p>
      )}
      {tilesFailed && !failed && (
        <p role="status" className="rounded-lg border-l-4 border-brand/40 bg-brand-soft px-4 py-2 text-base" data-testid="tiles-failed">
          {t.tilesFailed}
        </p>
      )}
      {!tiles.url && <p className="text-base text-muted">{t.tilesOff}</p>}
      <div ref={box} role="region" aria-label={t.mapLabel(what)} className="results-map" data-loaded={loaded ? 'true' : undefined} />
    </div>
  );
}
