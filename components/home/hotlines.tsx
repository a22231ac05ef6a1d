import { site } from '@/components/ui/strings';

/** The two hotlines as big tap-to-call buttons. */
export function Hotlines({ title }: { title: string }) {
  const { hr, ins } = site.hotlines;
  return (
    <section aria-labelledby="home-hotlines" className="rounded-xl border-2 border-brand bg-brand-soft p-4">
      <h2 id="home-hotlines" className="text-xl">
        {title}
      </h2>
      <ul className="mt-3 grid gap-3 sm:grid-cols-2">
        {[hr, ins].map((h) => (
          <li key={h.number}>
            <a
              href={`tel:${h.number}`}
              className="flex min-h-16 items-center gap-3 rounded-lg bg-white px-4 py-2 no-underline shadow-sm"
            >
              <span className="text-3xl font-bold text-brand">{h.number}</span>
              <span className="text-base text-ink">{h.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
