import type { ReactNode } from 'react';

const tones = {
  info: 'border-brand/40 bg-brand-soft',
  warn: 'border-warn/40 bg-warn-soft',
  bad: 'border-bad/40 bg-bad-soft',
} as const;

/** A boxed message. `live` announces it to screen readers when it appears. */
export function Notice({
  tone = 'info',
  title,
  children,
  live = false,
}: {
  tone?: keyof typeof tones;
  title?: string;
  children?: ReactNode;
  live?: boolean;
}) {
  return (
    <div role={live ? 'status' : undefined} className={`rounded-lg border-l-4 px-4 py-3 ${tones[tone]}`}>
      {title && <p className="font-bold">{title}</p>}
      {children && <div className="text-base">{children}</div>}
    </div>
  );
}
