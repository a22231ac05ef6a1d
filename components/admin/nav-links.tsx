'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

type Item = { href: string; label: string };

function isCurrent(i: Item, path: string): boolean {
  return i.href === '/admin' ? path === '/admin' : path === i.href || path.startsWith(`${i.href}/`);
}

function NavLink({ item, current, wide }: { item: Item; current: boolean; wide?: boolean }) {
  return (
    <Link
      href={item.href}
      aria-current={current ? 'page' : undefined}
      className={`${wide ? 'flex w-full' : 'inline-flex'} min-h-12 items-center rounded-lg px-3 text-base no-underline hover:bg-brand-soft ${
        current ? 'bg-brand-soft font-bold text-brand-dark underline decoration-4 underline-offset-8' : 'text-ink'
      }`}
    >
      {item.label}
    </Link>
  );
}

/**
 * The admin menu; the current section is marked for screen readers and by an underline bar. On a
 * narrow screen the fourteen sections fold into a «菜单» disclosure (a <details>, so it opens
 * without JavaScript too) that names the current section, with one full-width tap target per
 * line; it folds again after each navigation. From the sm breakpoint up the row shows as before.
 */
export function AdminNavLinks({ items, menuLabel }: { items: Item[]; menuLabel: string }) {
  const path = usePathname();
  const current = items.find((i) => isCurrent(i, path));
  return (
    <>
      <details key={path} className="group sm:hidden" data-testid="admin-menu">
        <summary className="flex min-h-12 cursor-pointer list-none items-center gap-2 rounded-lg border-2 border-brand px-4 font-medium text-brand [&::-webkit-details-marker]:hidden">
          <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">
            ›
          </span>
          {menuLabel}
          {current && <span className="truncate font-normal text-ink">：{current.label}</span>}
        </summary>
        <ul className="mt-2 grid gap-1 border-t border-line pt-2">
          {items.map((i) => (
            <li key={i.href}>
              <NavLink item={i} current={isCurrent(i, path)} wide />
            </li>
          ))}
        </ul>
      </details>
      <ul className="flex flex-wrap gap-1 max-sm:hidden">
        {items.map((i) => (
          <li key={i.href}>
            <NavLink item={i} current={isCurrent(i, path)} />
          </li>
        ))}
      </ul>
    </>
  );
}
