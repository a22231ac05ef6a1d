'use client';

import { lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { LiveQueryProps, LiveReport } from './live-query';
import { hrefOf } from './url';

/** TanStack Query and the query itself: fetched when the resident first changes the search. */
const LiveQuery = lazy(() => import('./live-query'));

/**
 * Live results for a resident search. The page renders the first results on the server
 * (and works without JavaScript through its GET form); with JavaScript, changes to the form
 * call the read server action through TanStack Query (./live-query.tsx, loaded on the first
 * change) and update the results in place, while the address bar keeps the shareable URL.
 * `engine` is that query: the search renders it anywhere (it shows nothing).
 */
export function useLiveSearch<T extends { query: string }>(opts: {
  key: string;
  path: string;
  initial: T;
  fetcher: (qs: string) => Promise<T>;
}) {
  const { key, path, initial, fetcher } = opts;
  const [qs, setQs] = useState(initial.query);
  // The form shows the values the server applied with each result (so the browser needs no
  // parser of its own). When the query changes from outside the form (a chip, a page link,
  // back/forward) the form must remount with the new values, but only once the results for
  // them have arrived: until then the old results, and the old form, stay on screen.
  // Typing in the form never remounts it.
  const [formKey, setFormKey] = useState(0);
  const [remountPending, setRemountPending] = useState(false);
  const [started, setStarted] = useState(false);
  const [report, setReport] = useState<LiveReport<T> | null>(null);
  // Before the first change: the server's results. After it, until the query reports on the
  // search asked for (its code may still be on the way): the old results, marked busy.
  const now: Omit<LiveReport<T>, 'qs'> =
    report && report.qs === qs
      ? report
      : started
        ? { data: undefined, isPlaceholderData: true, isFetching: true, isError: false, limitedMessage: null }
        : { data: initial, isPlaceholderData: false, isFetching: false, isError: false, limitedMessage: null };
  const settled = now.data !== undefined && !now.isPlaceholderData;
  if (remountPending && (settled || now.isError)) {
    // Adjusting state while rendering: React re-renders at once, before anything is shown.
    setRemountPending(false);
    setFormKey((k) => k + 1);
  }

  useEffect(() => {
    const onPop = () => {
      if (window.location.pathname !== path) return;
      setQs(window.location.search.replace(/^\?/, ''));
      setStarted(true);
      setRemountPending(true);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [path]);

  const go = useCallback(
    (next: string, opts: { replace?: boolean; fromForm?: boolean } = {}) => {
      const url = hrefOf(path, next);
      if (opts.replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
      setQs(next);
      setStarted(true);
      if (!opts.fromForm) setRemountPending(true);
    },
    [path],
  );

  const props: LiveQueryProps<T> = { name: key, qs, initial, fetcher, onReport: setReport };
  const engine: ReactNode = started ? (
    <Suspense fallback={null}>
      <LiveQuery {...props} />
    </Suspense>
  ) : null;

  // While refused, the results already shown stay (not the first page's).
  const shown = useRef(initial);
  if (now.data) shown.current = now.data;
  return {
    data: now.data ?? shown.current,
    isFetching: now.isFetching,
    isError: now.isError,
    limitedMessage: now.limitedMessage,
    qs,
    go,
    formKey,
    engine,
  };
}

/** Calls `fn` once typing pauses for `ms`. */
export function useDebounced<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(fn);
  latest.current = fn;
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return useCallback(
    (...args: A) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => latest.current(...args), ms);
    },
    [ms],
  );
}
