import type { SubsidyBadgeView } from '@/db/domain/subsidy';
import { subsidyText as t } from './strings';

/**
 * What this resident would pay for a run, in words: an amount in yuan wherever the run states
 * one, and where it does not, plainly that it is not published and whom to ask (never a bare
 * «需自费» beside a run that says 免费).
 */
export function subsidyBadgeText(v: SubsidyBadgeView): string {
  if (v.outcome === 'free') return t.badgeFree;
  if (v.outcome === 'subsidy') {
    if (v.subsidy !== null && v.pay !== null) return t.badgeSubsidyAmount(v.subsidy, v.pay);
    return v.subsidy !== null ? t.badgeSubsidyOnly(v.subsidy) : t.badgeSubsidy;
  }
  if (v.pay !== null) return t.badgeSelfAmount(v.pay);
  return v.runCost === 'free' ? t.badgeNotFree : t.badgeSelf;
}
