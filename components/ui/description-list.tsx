import type { ReactNode } from 'react';

/** Label/value pairs, stacked on phones and in two columns on wider screens. */
export function DescriptionList({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[8rem_1fr]">
      {items.map((it) => (
        <div key={it.label} className="contents">
          <dt className="font-bold text-muted">{it.label}</dt>
          <dd className="mb-2 sm:mb-0">{it.value}</dd>
        </div>
      ))}
    </dl>
  );
}
