import type { ReactNode } from 'react';

export function PageHeader({ title, lead, children }: { title: string; lead?: ReactNode; children?: ReactNode }) {
  return (
    <div className="mb-5">
      <h1 className="text-2xl sm:text-3xl">{title}</h1>
      {lead && <p className="mt-1 text-muted">{lead}</p>}
      {children}
    </div>
  );
}
