/**
 * Every word a resident or a developer sees when one address has asked too often
 * (app/_server/rate-limit.ts): the live search notice, the 429 page and the API's 429 message.
 */
import { site } from '@/components/ui/strings';

/** «30 秒» or «2 分钟»: whole seconds under two minutes, whole minutes (rounded up) after. */
export function waitText(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  return s < 120 ? `${s} 秒` : `${Math.ceil(s / 60)} 分钟`;
}

export const rateLimitText = {
  /** Shown above the search results instead of new results (the old ones stay). */
  search: (seconds: number) => `您查得太快了，请等 ${waitText(seconds)}后再试。已经显示的结果仍然有效。`,
  page: {
    title: `请稍后再试 - ${site.name}`,
    heading: '请稍后再试',
    body: (seconds: number) =>
      `这台设备（或同一网络里的设备）在短时间内查询了太多次。为了让大家都能顺畅使用，请等 ${waitText(seconds)}后再打开这个页面。`,
    why: '如果您是在学校、单位等很多人共用的网络里，这种情况偶尔会发生，稍等一下就好。',
    home: '回到首页',
    retry: '再试一次',
    hotline: `也可以拨打 ${site.hotlines.hr.number}（人社）或 ${site.hotlines.ins.number}（医保）咨询。`,
  },
  /** The API's error message (JSON, code rate_limited). */
  api: (seconds: number) => `请求过于频繁，请在 ${Math.max(1, Math.ceil(seconds))} 秒后重试（见 Retry-After 响应头）。`,
  /** A method the address does not serve (405; the Allow header lists the same methods). */
} as const;
