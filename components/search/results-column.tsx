'use client';

import type { ReactNode } from 'react';
import type { Chip } from '@/db/queries/search-page';
import { ActiveFilters, type Go } from './controls';
import { LiveResults } from './live-results';

type Props = {
  /** The heading's id (the section is labelled by it) and its words, for screen readers. */
  headingId: string;
  heading: string;
  chips: Chip[];
  path: string;
  qs: string;
  go: Go;
  busy: boolean;
  /** The server-rendered results (components/search/rendered.ts). */
  view: ReactNode;
  /** The live search's engine element (useLiveSearch). */
  engine: ReactNode;
  /** The section's own id, where a link jumps to the results. */
  id?: string;
  /** Notices shown above the chips. */
  children?: ReactNode;
};

/** Every list's results column: a hidden heading, notices, the active-filter chips, the live results. */
export function ResultsColumn({ headingId, heading, chips, path, qs, go, busy, view, engine, id, children }: Props) {
  return (
    <section id={id} aria-labelledby={headingId} className={`min-w-0 space-y-4${id ? ' scroll-mt-4' : ''}`}>
      <h2 id={headingId} className="sr-only">
        {heading}
      </h2>
      {children}
      <ActiveFilters chips={chips} path={path} qs={qs} go={go} />
      <LiveResults go={go} busy={busy}>
        {view}
      </LiveResults>
      {engine}
    </section>
  );
}
