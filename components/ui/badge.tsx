import type { ReactNode } from 'react';

export type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'neutral';

const tones: Record<Tone, string> = {
  ok: 'bg-ok-soft text-ok border-ok/30',
  warn: 'bg-warn-soft text-warn border-warn/30',
  bad: 'bg-bad-soft text-bad border-bad/30',
  info: 'bg-brand-soft text-brand-dark border-brand/30',
  neutral: 'bg-gray-100 text-ink border-line',
};

/** A short status word in a coloured pill; colour is never the only signal (the word is). */
export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return (
    <span className={`inline-flex items-center rounded-full border px-2.5 py-0.5 text-base font-medium ${tones[tone]}`}>
      {children}
    </span>
  );
}
