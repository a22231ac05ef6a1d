import Link from 'next/link';
import { buttonStyles } from '@/components/ui/button';
import { orgText } from './strings';

const t = orgText.places;

/** Previous / next links of a 机构与场地 list; `href(n)` is the list's address at page n. */
export function OrgPager({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t.pagination} className="mt-6 flex items-center justify-between gap-2">
      {page > 1 ? (
        <Link href={href(page - 1)} className={`${buttonStyles.secondary} min-w-28`} rel="prev">
          {t.prev}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-muted">{t.page(page, pageCount)}</span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className={`${buttonStyles.secondary} min-w-28`} rel="next">
          {t.next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
