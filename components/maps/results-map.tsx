'use client';

import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import './results-map.css';
import type * as Leaflet from 'leaflet';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LatLng } from '@/db/domain/geo';
import { clusterIcon, originIcon, pinIcon, pinSize, popupContent } from './map-icons';
import { groupMarkers, type MapEntry, type MapMarker, type MapOrigin } from './markers';
import { MapNoScript } from './map-noscript';
import { useMapSync } from './map-sync';
import { mapStrings as t } from './strings';
import type { TileConfig } from './tiles';

/** 丰台区政府, roughly: where an empty page's map looks. */
const FENGTAI: LatLng = { lat: 39.8585, lng: 116.2867 };

type Loaded = {
  L: typeof Leaflet;
  map: Leaflet.Map;
  /** The results' pins, those too close to tell apart gathered into a count (leaflet.markercluster). */
  layer: Leaflet.MarkerClusterGroup;
  /** The origin's ring, outside the clusters: it is not a result. */
  originLayer: Leaflet.LayerGroup;
  /** Converts a stored WGS-84 point to the tiles' system. */
  project: (p: LatLng) => LatLng;
};

/** 长辈版 and reduced motion: no fading, zooming or cluster animation. */
function stillMotion(): boolean {
  return document.documentElement.dataset.mode === 'elder' || window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * The map above (or, where the results column is wide enough, beside) the result list. Leaflet
 * is loaded in the browser only; the server and a browser without JavaScript get a short note
 * instead, and the list below carries everything. Without tiles (none configured, or failing:
 * offline, blocked) the markers sit on a plain background with a calm notice. Pins that would
 * cover each other are gathered into a count; the near-me origin has its own marker.
 */
export function ResultsMap({ entries, tiles, what, origin = null }: { entries: MapEntry[]; tiles: TileConfig; what: string; origin?: MapOrigin | null }) {
  const sync = useMapSync();
  const box = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [mounted, setMounted] = useState(false);
  const [failed, setFailed] = useState(false);
  const [tilesFailed, setTilesFailed] = useState(false);
  const markers = useMemo(() => groupMarkers(entries), [entries]);
  const byKey = useRef(new Map<string, Leaflet.Marker>());
  /** What each pin stands for, for the clusters' counts. */
  const info = useRef(new Map<Leaflet.Marker, MapMarker>());
  const originLat = origin?.at.lat ?? null;
  const originLng = origin?.at.lng ?? null;
  const originName = origin?.label ?? null;
  /** The picked marker's key, for pins (re)drawn after the pick (zooming, panning, clusters parting). */
  const pickedRef = useRef<string | null>(null);
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
        // The cluster plugin is a UMD script that extends the global L: Leaflet must be there first.
        (window as unknown as { L: typeof Leaflet }).L = L;
        await import('leaflet.markercluster');
        if (cancelled || !box.current) return;
        const still = stillMotion();
        const elder = document.documentElement.dataset.mode === 'elder';
        map = L.map(box.current, {
          zoomControl: false,
          attributionControl: true,
          scrollWheelZoom: false,
          fadeAnimation: !still,
          zoomAnimation: !still,
          markerZoomAnimation: !still,
          zoomSnap: 0.5,
          // Said by the map itself, not only by a tile layer: without tiles (the default) the
          // cluster layer still needs to know how far in it may zoom.
          minZoom: 9,
          maxZoom: 18,
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
        const layer = L.markerClusterGroup({
          // Only pins that would overlap: a pin is about 36 px across.
          maxClusterRadius: elder ? 44 : 36,
          showCoverageOnHover: false,
          zoomToBoundsOnClick: true,
          spiderfyOnMaxZoom: true,
          animate: !still,
          iconCreateFunction: (c) =>
            clusterIcon(
              L,
              c
                .getAllChildMarkers()
                .flatMap((k) => info.current.get(k)?.entries.map((e) => e.n) ?? [])
                .sort((a, b) => a - b),
              elder,
            ),
        });
        setLoaded({ L, map, layer: layer.addTo(map), originLayer: L.layerGroup().addTo(map), project });
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

  // Markers follow the page of results (the live search replaces it in place), and the origin its choice.
  useEffect(() => {
    if (!loaded) return;
    const { L, map, layer, originLayer, project } = loaded;
    layer.clearLayers();
    originLayer.clearLayers();
    byKey.current.clear();
    info.current.clear();
    const elder = document.documentElement.dataset.mode === 'elder';
    const pins: Leaflet.Marker[] = [];
    for (const m of markers) {
      const names = m.entries.map((e) => e.name).join('、');
      const marker = L.marker(project(m.at), { icon: pinIcon(L, m, elder), keyboard: true, title: t.markerLabel(m.numbers, names), riseOnHover: true });
      marker.bindPopup(popupContent(m), { maxWidth: 280, autoPanPadding: [16, 16] });
      // Click and Enter both open the popup; one opened for «在地图上看» is the list's own pick.
      marker.on('popupopen', () => {
        if (!opening.current) pick?.(m.key, 'marker');
      });
      // A pin gets its element only while shown (not while gathered into a cluster).
      marker.on('add', () => {
        const el = marker.getElement();
        if (!el) return;
        el.setAttribute('aria-label', t.markerLabel(m.numbers, names));
        el.dataset.mapKey = m.key;
        el.classList.toggle('is-active', pickedRef.current === m.key);
      });
      info.current.set(marker, m);
      byKey.current.set(m.key, marker);
      pins.push(marker);
    }
    const points = markers.map((m) => project(m.at));
    if (originLat !== null && originLng !== null && originName !== null) {
      const at = project({ lat: originLat, lng: originLng });
      L.marker(at, { icon: originIcon(L, originName), interactive: false, keyboard: false, zIndexOffset: -1000 }).addTo(originLayer);
      points.push(at);
    }
    if (points.length > 0) {
      // Clear of the zoom buttons at the top left, and wide pins whole inside the box; set before
      // the pins go in, so they cluster for this view.
      const [w, h] = markers.reduce<[number, number]>((max, m) => {
        const [mw, mh] = pinSize(m.label, elder);
        return [Math.max(max[0], mw), Math.max(max[1], mh)];
      }, [0, 0]);
      // The origin's name hangs under its ring, about 70 px down and 160 px wide (200 in 长辈版).
      const hasOrigin = originLat !== null;
      const x = Math.max(Math.ceil(w / 2) + 8, hasOrigin ? (elder ? 112 : 88) : 0);
      const y = Math.ceil(h / 2) + 8;
      map.fitBounds(L.latLngBounds(points), {
        paddingTopLeft: [Math.max(60, x), Math.max(28, y)],
        paddingBottomRight: [x, Math.max(y, hasOrigin ? 72 : 0)],
        maxZoom: 15,
        animate: false,
      });
    }
    layer.addLayers(pins);
    setReady?.(markers.length > 0);
  }, [loaded, markers, pick, setReady, originLat, originLng, originName]);

  // A pick from the list lights its marker (or the cluster holding it, after every zoom too);
  // «在地图上看» also brings the pin out of its cluster, pans there and opens the popup.
  const picked = sync?.picked;
  const pickedKey = picked?.key ?? null;
  pickedRef.current = pickedKey;
  useEffect(() => {
    if (!loaded) return;
    const { map, layer } = loaded;
    const light = () => {
      for (const el of box.current?.querySelectorAll('.leaflet-marker-icon.is-active') ?? []) el.classList.remove('is-active');
      for (const marker of byKey.current.values()) marker.setZIndexOffset(0);
      const marker = pickedKey === null ? undefined : byKey.current.get(pickedKey);
      if (!marker) return;
      const shown = layer.getVisibleParent(marker) ?? marker;
      shown.getElement()?.classList.add('is-active');
      shown.setZIndexOffset(1000);
    };
    light();
    // Clusters are redrawn after a zoom, and pins come into view after a pan.
    map.on('zoomend moveend', light);
    layer.on('animationend spiderfied', light);
    return () => {
      map.off('zoomend moveend', light);
      layer.off('animationend spiderfied', light);
    };
  }, [loaded, pickedKey, markers]);

  useEffect(() => {
    if (!loaded || !picked || picked.from !== 'button') return;
    const marker = byKey.current.get(picked.key);
    if (!marker) return;
    const still = stillMotion();
    const open = () => {
      opening.current = true;
      marker.openPopup();
      opening.current = false;
    };
    if (loaded.layer.getVisibleParent(marker) === marker) {
      loaded.map.setView(marker.getLatLng(), Math.max(loaded.map.getZoom(), 15), { animate: !still });
      open();
    } else {
      loaded.layer.zoomToShowLayer(marker, open);
    }
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
