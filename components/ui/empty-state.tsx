import type { ReactNode } from 'react';

/** What to show when a search finds nothing: say so plainly, then offer ways forward. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-xl border-2 border-dashed border-line bg-white p-5" data-testid="empty-state">
      <h2 className="text-xl">{title}</h2>
      {children && <div className="mt-2 space-y-2">{children}</div>}
    </div>
  );
}
