'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { hrefOf } from './url';
import { refusedRetryAfter } from '@/components/rate-limit/action-refusal';
import { rateLimitText } from '@/components/rate-limit/strings';

/** The server refused for now (too many searches from this address); its message is for the resident. */
class SearchLimited extends Error {}

/**
 * Live results for a resident search. The page renders the first results on the server
 * (and works without JavaScript through its GET form); with JavaScript, changes to the form
 * call the read server action through TanStack Query and update the results in place, while
 * the address bar keeps the shareable URL.
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
  const query = useQuery({
    queryKey: [key, qs],
    queryFn: async () => {
      try {
        return await fetcher(qs);
      } catch (err) {
        // The proxy refused the call: this address asked too often (components/rate-limit/action-refusal.ts).
        const wait = refusedRetryAfter(err);
        if (wait !== null) throw new SearchLimited(rateLimitText.search(wait));
        throw err;
      }
    },
    // Asking again at once would only be refused again.
    retry: (count, err) => !(err instanceof SearchLimited) && count < 1,
    initialData: qs === initial.query ? initial : undefined,
    placeholderData: keepPreviousData,
    // Results may carry a server-rendered element (components/search/rendered.ts): React's own
    // objects, not data to compare and copy field by field.
    structuralSharing: false,
  });
  const settled = query.data !== undefined && !query.isPlaceholderData;
  if (remountPending && (settled || query.isError)) {
    // Adjusting state while rendering: React re-renders at once, before anything is shown.
    setRemountPending(false);
    setFormKey((k) => k + 1);
  }

  useEffect(() => {
    const onPop = () => {
      if (window.location.pathname !== path) return;
      setQs(window.location.search.replace(/^\?/, ''));
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
      if (!opts.fromForm) setRemountPending(true);
    },
    [path],
  );

  // While refused, the results already shown stay (not the first page's).
  const shown = useRef(initial);
  if (query.data) shown.current = query.data;
  const limitedMessage = query.error instanceof SearchLimited ? query.error.message : null;
  return { data: query.data ?? shown.current, isFetching: query.isFetching, isError: query.isError, limitedMessage, qs, go, formKey };
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
