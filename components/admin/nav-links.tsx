'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The admin menu; the current section is marked for screen readers and by an underline bar. */
export function AdminNavLinks({ items }: { items: { href: string; label: string }[] }) {
  const path = usePathname();
  return (
    <ul className="flex flex-wrap gap-1">
      {items.map((i) => {
        const current = i.href === '/admin' ? path === '/admin' : path === i.href || path.startsWith(`${i.href}/`);
        return (
          <li key={i.href}>
            <Link
              href={i.href}
              aria-current={current ? 'page' : undefined}
              className={`inline-flex min-h-12 items-center rounded-lg px-3 text-base no-underline hover:bg-brand-soft ${
                current ? 'bg-brand-soft font-bold text-brand-dark underline decoration-4 underline-offset-8' : 'text-ink'
              }`}
            >
              {i.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
