import Link from 'next/link';
import { LinkButton } from '@/components/ui/button';
import { site } from '@/components/ui/strings';

/** The body of the 404 page: what happened, and three ways back in. */
export function NotFoundContent() {
  return (
    <div className="space-y-4 py-6">
      <h1 className="text-2xl sm:text-3xl">页面没有找到</h1>
      <p>您要找的内容不存在，可能已下线或网址有误。可以从下面重新开始：</p>
      <ul className="grid gap-2 sm:grid-cols-3">
        <li>
          <LinkButton href="/courses" variant="secondary" className="w-full">
            {site.nav.courses}
          </LinkButton>
        </li>
        <li>
          <LinkButton href="/stations" variant="secondary" className="w-full">
            {site.nav.stations}
          </LinkButton>
        </li>
        <li>
          <LinkButton href="/fairs" variant="secondary" className="w-full">
            {site.nav.fairs}
          </LinkButton>
        </li>
      </ul>
      <p>
        也可以回到<Link href="/">首页</Link>，或拨打 <a href="tel:12333">12333</a>（人社）、<a href="tel:12393">12393</a>
        （医保）咨询。
      </p>
    </div>
  );
}
