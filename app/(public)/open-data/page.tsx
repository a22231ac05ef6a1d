import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { openDataText as T } from '@/components/open-data/strings';

export const metadata: Metadata = { title: T.page.title, description: T.page.metaDescription };

const CSV = [
  ['stations', T.page.csv.stations],
  ['courses', T.page.csv.courses],
  ['runs', T.page.csv.runs],
  ['fairs', T.page.csv.fairs],
  ['jobs', T.page.csv.jobs],
] as const;

const linkClass = 'inline-flex min-h-12 items-center break-all';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-2xl">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Pairs({ label, rows }: { label: string; rows: [string, string][] }) {
  if (rows.length === 0) return null;
  return (
    <div>
      <p className="font-bold">{label}</p>
      <dl className="mt-1 space-y-2">
        {rows.map(([name, text]) => (
          <div key={name} className="sm:flex sm:gap-3">
            <dt className="shrink-0 font-mono break-all sm:w-64">{name}</dt>
            <dd className="text-muted">{text}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** /open-data: what the portal publishes as data, how to read it, and the promise that goes with it. */
export default function OpenDataPage() {
  return (
    <div className="space-y-8">
      <PageHeader title={T.page.title} lead={T.page.lead} />

      <Section id="od-what" title={T.page.whatTitle}>
        <ul className="list-disc space-y-2 pl-6">
          {T.page.what.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
        <p className="text-muted">{T.page.whatNote}</p>
      </Section>

      <Section id="od-csv" title={T.page.csvTitle}>
        <ul className="grid gap-2 sm:grid-cols-2">
          {CSV.map(([slug, label]) => (
            <li key={slug}>
              <a href={`/api/v1/${slug}.csv`} download className="flex min-h-12 items-center rounded-lg border border-line bg-white px-3 py-2">
                {label}
                <span className="ml-auto pl-2 text-base text-muted">CSV</span>
              </a>
            </li>
          ))}
        </ul>
        <p className="text-muted">{T.page.csvNote}</p>
      </Section>

      <Section id="od-api" title={T.page.apiTitle}>
        <p>{T.page.apiLead}</p>
        <h3 className="text-xl">{T.page.conventionsTitle}</h3>
        <ul className="list-disc space-y-2 pl-6">
          {T.page.conventions.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <h3 className="text-xl">{T.page.endpointsTitle}</h3>
        <ul className="space-y-4">
          {T.docs.map((d) => (
            <Card as="li" key={d.path} className="space-y-3">
              <h4 className="font-mono text-lg font-bold break-all">GET {d.path}</h4>
              <p>{d.about}</p>
              <p>
                {T.page.example}
                <a href={d.example} className={`${linkClass} font-mono`}>
                  {d.example}
                </a>
              </p>
              <Pairs label={T.page.params} rows={d.params} />
              <Pairs label={T.page.fields} rows={d.fields} />
            </Card>
          ))}
        </ul>
      </Section>

      <Section id="od-version" title={T.page.versionTitle}>
        <p>{T.page.version}</p>
      </Section>

      <Section id="od-update" title={T.page.updateTitle}>
        <p>{T.page.update}</p>
      </Section>

      <Section id="od-licence" title={T.page.licenceTitle}>
        <p className="rounded-lg bg-brand-soft px-3 py-2">{T.licence}</p>
      </Section>

      <Section id="od-other" title={T.page.otherTitle}>
        <p>
          {T.page.other}{' '}
          <a href="/sitemap.xml" className={linkClass}>
            /sitemap.xml
          </a>
          。
        </p>
      </Section>
    </div>
  );
}
