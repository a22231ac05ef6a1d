import { SITE_URL_EXAMPLE, type SiteUrlProblem } from '@/db/http/site-url';

/** Wording about the site's own configuration, read by whoever starts the server. */
export const siteConfigText = {
  /** `next start` without SITE_URL: every absolute link (feeds, sitemap, 办事卡, JSON-LD, API) needs it. */
  siteUrlMissing: (example: string) =>
    `未设置网站地址：生产环境启动前必须设置环境变量 SITE_URL（本站对外的访问地址），例如 SITE_URL=${example}。` +
    '订阅源、站点地图、办事卡二维码、日历文件、结构化数据和开放数据接口中的链接都只用这个地址，不再取自请求的 Host 头。',
  /** SITE_URL set to something that is not an http(s) address. */
  siteUrlInvalid: (given: string, example: string) =>
    `环境变量 SITE_URL 的值“${given}”不是有效的网站地址：应以 http:// 或 https:// 开头，不含用户名、查询参数或 #，例如 SITE_URL=${example}。`,
};

/** The start-up problem (db/http/site-url.ts) in words, with the example address. */
export function siteUrlProblemText(p: SiteUrlProblem): string {
  return p.reason === 'invalid' ? siteConfigText.siteUrlInvalid(p.given, SITE_URL_EXAMPLE) : siteConfigText.siteUrlMissing(SITE_URL_EXAMPLE);
}
