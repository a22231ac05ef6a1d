'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useLayoutEffect } from 'react';
import { refusedRetryAfter } from '@/components/rate-limit/action-refusal';
import { rateLimitText } from '@/components/rate-limit/strings';
import { LiveSearchProvider } from './query-provider';

/** What the live query says about the current search, for useLiveSearch (./use-live-search.tsx). */
export type LiveReport<T> = {
  qs: string;
  data: T | undefined;
  isPlaceholderData: boolean;
  isFetching: boolean;
  isError: boolean;
  /** The server refused for now (too many searches from this address): its words for the resident. */
  limitedMessage: string | null;
};

export type LiveQueryProps<T> = {
  name: string;
  qs: string;
  initial: T & { query: string };
  fetcher: (qs: string) => Promise<T>;
  // Method syntax: one lazily loaded component serves every list's result type.
  onReport(report: LiveReport<T>): void;
};

/** The server refused for now (too many searches from this address); its message is for the resident. */
class SearchLimited extends Error {}

/**
 * TanStack Query behind a list's live search. Loaded only once the resident first changes the
 * search: the first results arrive rendered from the server, so a page's first load carries
 * none of this code. Renders nothing; it reports each state of the query to the search.
 */
export default function LiveQuery<T>(props: LiveQueryProps<T>) {
  return (
    <LiveSearchProvider>
      <Runner {...props} />
    </LiveSearchProvider>
  );
}

function Runner<T>({ name, qs, initial, fetcher, onReport }: LiveQueryProps<T>) {
  const query = useQuery({
    queryKey: [name, qs],
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
    // Results carry a server-rendered element (components/search/rendered.ts): React's own
    // objects, not data to compare and copy field by field.
    structuralSharing: false,
  });
  const { data, isPlaceholderData, isFetching, isError, error } = query;
  const limitedMessage = error instanceof SearchLimited ? error.message : null;
  // Before the browser paints: results already in the cache show at once, as with useQuery in the search itself.
  useLayoutEffect(() => {
    onReport({ qs, data, isPlaceholderData, isFetching, isError, limitedMessage });
  }, [onReport, qs, data, isPlaceholderData, isFetching, isError, limitedMessage]);
  return null;
}
