import Link from 'next/link';
import { orgText } from './strings';

/** The two halves of 机构与场地: providers and places. */
export function OrgTabs({ current }: { current: 'providers' | 'places' }) {
  const tabs = [
    { key: 'providers', href: '/admin/orgs', label: orgText.tabs.providers },
    { key: 'places', href: '/admin/orgs/places', label: orgText.tabs.places },
  ] as const;
  return (
    <nav aria-label={orgText.tabs.label} className="mb-5 border-b-2 border-line">
      <ul className="flex gap-1">
        {tabs.map((t) => (
          <li key={t.key}>
            <Link
              href={t.href}
              aria-current={current === t.key ? 'page' : undefined}
              className={`-mb-0.5 inline-flex min-h-12 items-center border-b-4 px-4 text-lg no-underline ${
                current === t.key ? 'border-brand font-bold text-brand-dark' : 'border-transparent text-ink hover:bg-brand-soft'
              }`}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
