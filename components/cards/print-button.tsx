'use client';

import { useSyncExternalStore } from 'react';
import { buttonStyles } from '@/components/ui/button';

const subscribe = () => () => {};

/**
 * The big 「打印」 button. It only exists once JavaScript runs (window.print needs it); until then,
 * and for good without JavaScript, a hint to use the browser's own print menu stands in its place.
 */
export function PrintButton({ label, noScriptHint }: { label: string; noScriptHint: string }) {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  // Sent with the page and kept when JavaScript never runs (a <noscript> would do the same,
  // but some readers skip its text).
  if (!hydrated) return <p className="text-lg">{noScriptHint}</p>;
  return (
    <button type="button" onClick={() => window.print()} className={`${buttonStyles.primary} min-h-14 px-10 text-xl`}>
      {label}
    </button>
  );
}
