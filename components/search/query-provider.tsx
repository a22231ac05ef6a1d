'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';

/**
 * TanStack Query for in-place search updates. Only the three list pages' live query uses it
 * (./live-query.tsx), loaded when a resident first changes the search: no page's first load,
 * and not the home page, detail pages or the admin console at all, carries its code.
 */
export function LiveSearchProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 } },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
