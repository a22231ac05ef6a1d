import { site } from '@/components/ui/strings';
import { openDataText } from '@/components/open-data/strings';

/** Hotlines, the bureaus, and — only when the database holds the sample data — a demo label. */
export function SiteFooter({ sampleData }: { sampleData: boolean }) {
  const { hotlines } = site;
  return (
    <footer className="mt-12 border-t border-line bg-white">
      <div className="mx-auto max-w-5xl space-y-4 px-4 py-6">
        <section aria-labelledby="footer-hotlines">
          <h2 id="footer-hotlines" className="text-lg">
            {hotlines.title}
          </h2>
          <ul className="mt-2 grid gap-2 sm:grid-cols-2">
            {[hotlines.hr, hotlines.ins].map((h) => (
              <li key={h.number}>
                <a href={`tel:${h.number}`} className="flex min-h-12 items-center gap-3 rounded-lg border border-line px-3 py-2 no-underline">
                  <span className="text-2xl font-bold">{h.number}</span>
                  <span className="text-base text-muted">{h.label}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
        {sampleData && (
          <p className="rounded-lg bg-warn-soft px-3 py-2 text-base text-warn" data-testid="sample-data-notice">
            {site.sampleData}
          </p>
        )}
        <p className="text-base text-muted">{site.footerBureaus}</p>
        <p>
          <a href="/open-data" className="inline-flex min-h-12 items-center text-base">
            {openDataText.page.title}
          </a>
        </p>
      </div>
    </footer>
  );
}
