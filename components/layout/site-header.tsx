import Link from 'next/link';
import { site } from '@/components/ui/strings';

const links = [
  { href: '/courses', label: site.nav.courses },
  { href: '/stations', label: site.nav.stations },
  { href: '/fairs', label: site.nav.fairs },
] as const;

export function SiteHeader() {
  return (
    <header className="bg-brand text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-1 px-4 py-2">
        <Link href="/" className="flex min-h-12 items-center gap-2 text-xl font-bold text-white no-underline hover:text-white">
          <span aria-hidden="true" className="grid size-9 place-items-center rounded-lg bg-white text-lg text-brand">
            丰
          </span>
          {site.name}
        </Link>
        <nav aria-label={site.navLabel} className="w-full sm:w-auto">
          <ul className="grid grid-cols-3 gap-1 sm:flex sm:gap-2">
            {links.map((l) => (
              <li key={l.href}>
                <Link
                  href={l.href}
                  className="flex min-h-12 items-center justify-center rounded-lg px-3 text-lg font-medium text-white no-underline hover:bg-white/15 hover:text-white"
                >
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
