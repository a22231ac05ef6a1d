import Link from 'next/link';
import { site } from '@/components/ui/strings';
import { ModeSwitch } from '@/components/elder/mode-switch';
import { readMode } from '@/components/elder/read-mode';

const links = [
  { href: '/courses', label: site.nav.courses },
  { href: '/stations', label: site.nav.stations },
  { href: '/fairs', label: site.nav.fairs },
  { href: '/jobs', label: site.nav.jobs },
] as const;

export async function SiteHeader() {
  const mode = await readMode();
  return (
    <header className="bg-brand text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-2 gap-y-1 px-4 py-2 sm:gap-x-6">
        <Link
          href="/"
          className={`flex min-h-12 items-center gap-2 font-bold text-white no-underline hover:text-white ${mode === 'elder' ? 'text-lg sm:text-xl' : 'text-xl'}`}
        >
          <span aria-hidden="true" className="grid size-9 place-items-center rounded-lg bg-white text-lg text-brand">
            丰
          </span>
          {site.name}
        </Link>
        <div className="sm:order-last">
          <ModeSwitch mode={mode} />
        </div>
        <nav aria-label={site.navLabel} className="w-full sm:w-auto">
          <ul className="grid grid-cols-2 gap-1 sm:flex sm:gap-2">
            {links.map((l) => (
              <li key={l.href}>
                <Link
                  href={l.href}
                  className="flex min-h-12 items-center justify-center rounded-lg px-1 text-lg font-medium sm:px-3 text-white no-underline hover:bg-white/15 hover:text-white"
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
