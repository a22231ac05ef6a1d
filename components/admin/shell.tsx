import Link from 'next/link';
import type { ReactNode } from 'react';
import { can, ROLE_LABELS, type Actor } from '@/db/auth/permissions';
import { site } from '@/components/ui/strings';
import { admin } from './strings';
import { AdminNavLinks } from './nav-links';
import { orgText } from './orgs/strings';

/** Which sections an actor sees in the menu: only what they may open. */
export function navFor(actor: Actor): { href: string; label: string }[] {
  const items: { href: string; label: string; show: boolean }[] = [
    { href: '/admin', label: admin.nav.dashboard, show: true },
    { href: '/admin/courses', label: admin.nav.courses, show: actor.role === 'admin' || actor.role === 'editor' || actor.role === 'provider' },
    { href: '/admin/stations', label: admin.nav.stations, show: actor.role !== 'provider' },
    { href: '/admin/services', label: admin.nav.services, show: can(actor, 'edit', { kind: 'service' }) },
    { href: '/admin/fairs', label: admin.nav.fairs, show: can(actor, 'edit', { kind: 'fair' }) },
    { href: '/admin/orgs', label: orgText.title, show: can(actor, 'create', { kind: 'provider', providerId: null }) },
    // A 培训机构 account: its own provider's page (details and places).
    {
      href: `/admin/orgs/providers/${actor.providerId ?? ''}`,
      label: orgText.providerForm.ownTitle,
      show: actor.role === 'provider' && actor.providerId !== null && can(actor, 'edit', { kind: 'provider', providerId: actor.providerId }),
    },
    { href: '/admin/calendar', label: admin.nav.calendar, show: can(actor, 'view', { kind: 'calendar' }) },
    { href: '/admin/spreadsheets', label: admin.nav.spreadsheets, show: can(actor, 'export', { kind: 'station', stationId: null }) },
    { href: '/admin/users', label: admin.nav.users, show: can(actor, 'view', { kind: 'user' }) },
    { href: '/admin/coverage', label: admin.nav.coverage, show: can(actor, 'view', { kind: 'insights' }) },
    { href: '/admin/search-misses', label: admin.nav.searchMisses, show: can(actor, 'view', { kind: 'insights' }) },
    { href: '/admin/subsidy-rules', label: admin.nav.subsidy, show: can(actor, 'view', { kind: 'subsidy' }) },
    { href: '/admin/audit', label: admin.nav.audit, show: can(actor, 'view', { kind: 'audit' }) },
    { href: '/admin/account', label: admin.nav.account, show: true },
  ];
  return items.filter((i) => i.show).map(({ href, label }) => ({ href, label }));
}

export function AdminShell({ actor, signOut, children }: { actor: Actor; signOut: () => Promise<void>; children: ReactNode }) {
  return (
    <>
      <header className="border-b-4 border-brand bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <p className="text-xl font-bold">
            <Link href="/admin" className="text-ink no-underline">
              {site.name} · {admin.title}
            </Link>
          </p>
          <div className="flex flex-wrap items-center gap-3 text-base">
            <span>{admin.signedInAs(actor.displayName, ROLE_LABELS[actor.role])}</span>
            <Link href="/">{admin.nav.publicSite}</Link>
            <form action={signOut}>
              <button type="submit" className="min-h-12 rounded-lg border-2 border-brand px-4 font-medium text-brand hover:bg-brand-soft">
                {admin.signOut}
              </button>
            </form>
          </div>
        </div>
        <nav aria-label={admin.nav.label} className="mx-auto max-w-6xl px-2 pb-2">
          <AdminNavLinks items={navFor(actor)} menuLabel={admin.nav.menu} />
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-5">
        {children}
      </main>
    </>
  );
}
