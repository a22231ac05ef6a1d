'use client';

import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

/** Who last picked a marker: the map itself, or the list (hover, focus, «在地图上看»). */
export type Pick = { key: string; from: 'marker' | 'hover' | 'focus' | 'button'; seq: number };

type Sync = {
  picked: Pick | null;
  pick: (key: string | null, from: Pick['from']) => void;
  /** Markers exist (Leaflet loaded), so the list may offer «在地图上看». */
  ready: boolean;
  setReady: (ready: boolean) => void;
};

const MapSync = createContext<Sync | null>(null);

/** Keeps the map's markers and the list's items in step (one place holds which is picked). */
export function MapSyncProvider({ children }: { children: ReactNode }) {
  const [picked, setPicked] = useState<Pick | null>(null);
  const [ready, setReady] = useState(false);
  const markerAt = useRef(0);
  const pick = useCallback((key: string | null, from: Pick['from']) => {
    // A marker pick scrolls the list under a still mouse pointer: that is no choice of the
    // resident's, so hovers right after it are ignored.
    const now = Date.now();
    if (from === 'hover' && now - markerAt.current < 1000) return;
    if (from === 'marker') markerAt.current = now;
    setPicked((p) => (key === null ? null : { key, from, seq: (p?.seq ?? 0) + 1 }));
  }, []);
  const value = useMemo(() => ({ picked, pick, ready, setReady }), [picked, pick, ready]);
  return <MapSync.Provider value={value}>{children}</MapSync.Provider>;
}

/** Null outside a map view: the list then renders as a plain list. */
export function useMapSync(): Sync | null {
  return useContext(MapSync);
}
