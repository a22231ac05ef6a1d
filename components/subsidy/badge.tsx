import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import type { SubsidyBadgeView } from '@/db/domain/subsidy';
import { subsidyText as t } from './strings';
import { subsidyBadgeText } from './badge-words';

export type { SubsidyBadgeView };

export const SUBSIDY_CHECK_PATH = '/courses/subsidy-check';

export { subsidyBadgeText };

const TONE = { free: 'ok', subsidy: 'info', self: 'warn' } as const;

/**
 * The self-check result for one run (colour and words), or — when the resident has not
 * answered — a link to the self-check. `view` undefined = not answered.
 */
export function SubsidyBadge({ view, compact = false }: { view: SubsidyBadgeView | undefined; compact?: boolean }) {
  if (!view) {
    return (
      <Link href={SUBSIDY_CHECK_PATH} className="relative z-10 inline-flex min-h-12 items-center font-medium" data-testid="subsidy-ask">
        {t.askLink}
      </Link>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2" data-testid="subsidy-badge" data-outcome={view.outcome}>
      {!compact && <span className="text-base text-muted">{t.badgeLabel}：</span>}
      <Badge tone={TONE[view.outcome]}>
        <span className="sr-only">{t.badgeLabel}：</span>
        {subsidyBadgeText(view)}
      </Badge>
      {view.blocker && <span className="block w-full text-base text-muted">{t.blocker(view.blocker)}</span>}
    </span>
  );
}

/** Above a course list: the way to the self-check, or to change the answers already given. */
export function SubsidyCheckLink({ answered }: { answered: boolean }) {
  return (
    <p className="mt-2">
      <Link href={SUBSIDY_CHECK_PATH} className="inline-flex min-h-12 items-center font-bold" data-testid="subsidy-check-link">
        {answered ? `${t.badgeLabel}标出了费用 · ${t.changeLink}` : `${t.askLink} →`}
      </Link>
    </p>
  );
}
