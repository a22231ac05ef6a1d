'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { Go } from './controls';

type LiveResultsState = { go: Go | null; busy: boolean };

const LiveResultsContext = createContext<LiveResultsState>({ go: null, busy: false });

/**
 * Around the results the server rendered (components/search/rendered.ts): their links change
 * the search in place through `go`, and their summary says «加载中» while `busy`. Without it
 * (no JavaScript yet) the links are plain links.
 */
export function LiveResults({ go, busy, children }: { go: Go; busy: boolean; children: ReactNode }) {
  return <LiveResultsContext value={{ go, busy }}>{children}</LiveResultsContext>;
}

export function useLiveResults(): LiveResultsState {
  return useContext(LiveResultsContext);
}
