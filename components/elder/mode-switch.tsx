'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { switchHref, type Mode } from './mode';
import { elder as t } from './strings';

/**
 * The 长辈版 / 标准版 switch in the site header: a plain link to /elder, so it works the same
 * with or without JavaScript (a full page load, which the server renders in the new mode). It
 * carries the current address, including filters changed in place, so residents come back to
 * the same page.
 */
export function ModeSwitch({ mode }: { mode: Mode }) {
  return (
    <Suspense fallback={<SwitchLink mode={mode} back={null} />}>
      <WithAddress mode={mode} />
    </Suspense>
  );
}

function WithAddress({ mode }: { mode: Mode }) {
  const pathname = usePathname();
  const query = useSearchParams()?.toString();
  return <SwitchLink mode={mode} back={query ? `${pathname}?${query}` : pathname} />;
}

function SwitchLink({ mode, back }: { mode: Mode; back: string | null }) {
  const isElder = mode === 'elder';
  return (
    <a
      href={switchHref(mode, back ?? '/')}
      data-testid="mode-switch"
      className="flex min-h-12 shrink-0 items-center gap-2 whitespace-nowrap rounded-lg border-2 border-white bg-white px-2 text-lg sm:px-3 font-bold text-brand no-underline hover:bg-brand-soft hover:text-brand-dark"
    >
      <span aria-hidden="true" className="hidden text-base leading-none sm:inline">
        {isElder ? 'A' : 'A+'}
      </span>
      <span>{isElder ? t.toStandard : t.toElder}</span>
      <span className="sr-only">
        （{isElder ? `${t.currentElder}，${t.toStandardHint}` : `${t.currentStandard}，${t.toElderHint}`}）
      </span>
    </a>
  );
}
