'use client';

import { useState, useSyncExternalStore } from 'react';
import { buttonStyles } from '@/components/ui/button';
import { shareText as t } from './strings';

type Props = { title: string; text: string; url: string };

type Outcome = 'idle' | 'copied' | 'failed';

const noSubscribe = () => () => {};

/**
 * 发给家人: the system share sheet where the browser has one, copying the link otherwise (with a
 * visible «链接已复制»). Without JavaScript — and on the server's first paint — the link is shown in
 * a read-only field to select and copy, so the block never offers a button that does nothing.
 */
export function ShareButton({ title, text, url }: Props) {
  // true only in a browser that ran this script; the server and no-JS pages see the field.
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);
  const [outcome, setOutcome] = useState<Outcome>('idle');

  if (!hydrated) return <LinkField url={url} />;
  const canShare = typeof navigator.share === 'function';

  async function onClick() {
    if (canShare) {
      try {
        await navigator.share({ title, text, url });
        return;
      } catch (err) {
        // The resident closed the sheet: nothing to say. Any other failure falls back to copying.
        if (err instanceof DOMException && err.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  }

  return (
    <div className="space-y-2">
      <button type="button" onClick={onClick} className={`${buttonStyles.primary} w-full sm:w-auto`} data-testid="share-button">
        {canShare ? t.share : t.copy}
        <span className="sr-only">（{t.shareHint}）</span>
      </button>
      <p role="status" aria-live="polite" className="min-h-0 text-base" data-testid="share-status">
        {outcome === 'copied' && (
          <>
            <span className="font-bold text-ok">{t.copied}</span> {t.copiedHint}
          </>
        )}
        {outcome === 'failed' && <span className="font-bold text-warn">{t.copyFailed}</span>}
      </p>
      {outcome === 'failed' && <LinkField url={url} />}
    </div>
  );
}

function LinkField({ url }: { url: string }) {
  return (
    <label className="block" data-testid="share-link">
      <span className="mb-1 block text-base text-muted">{t.linkLabel}</span>
      <input
        type="text"
        readOnly
        value={url}
        className="min-h-12 w-full rounded-lg border-2 border-line bg-white px-3 text-lg"
        onFocus={(e) => e.currentTarget.select()}
      />
    </label>
  );
}
