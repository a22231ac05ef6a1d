import Link from 'next/link';
import type { CardData } from './card-data';
import { PrintButton } from './print-button';
import { cardText as t } from './strings';

/**
 * Print styles: one A6 sheet (105 × 148 mm, 6 mm margins) holding only the card; the site's
 * header, footer and the on-screen buttons are left out. Type is set in points for paper.
 */
const PRINT_CSS = `
@page { size: A6; margin: 6mm; }
.pc-qr svg { display: block; width: 100%; height: 100%; }
@media print {
  html, body { background: #fff !important; min-height: 0 !important; height: auto !important; }
  body > *:not(main), header, footer, .card-screen { display: none !important; }
  main { padding: 0 !important; margin: 0 !important; max-width: none !important; }
  .card-page { margin: 0 !important; }
  .print-card { width: 93mm; height: 135mm; max-width: none !important; margin: 0 !important; padding: 3mm 3.5mm !important;
    border: 0.4mm solid #000 !important; border-radius: 2mm !important; box-shadow: none !important; overflow: hidden;
    break-inside: avoid; font-size: 9pt !important; line-height: 1.3 !important; color: #000 !important; display: flex !important; flex-direction: column; }
  .print-card .pc-kind { font-size: 8pt !important; padding: 0.3mm 1.5mm !important; }
  .print-card .pc-title { font-size: 14pt !important; line-height: 1.2 !important; margin-top: 1mm !important; }
  .print-card .pc-subtitle { font-size: 8.5pt !important; margin-top: 0.5mm !important; }
  .print-card .pc-rows { margin-top: 1.5mm !important; gap: 1mm !important; }
  .print-card .pc-label { font-size: 8pt !important; }
  .print-card .pc-bottom { margin-top: auto !important; gap: 2.5mm !important; padding-top: 1.5mm !important; flex-direction: row !important; align-items: flex-end !important; }
  .print-card .pc-qr { width: 27mm !important; height: 27mm !important; }
  .print-card .pc-phone { font-size: 12pt !important; }
  .print-card .pc-small { font-size: 7pt !important; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

/** The card page: the card itself, a big print button (or a hint without JavaScript), a way back. */
export function PrintCardPage({ card, qr }: { card: CardData; qr: string }) {
  return (
    <div className="card-page space-y-5">
      <style>{PRINT_CSS}</style>
      <div className="card-screen space-y-3">
        <p>
          <Link href={card.backHref} className="inline-flex min-h-12 items-center">
            <span aria-hidden="true">←</span> {t.back}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">
          {card.title} · {t.pageTitleSuffix}
        </h1>
        <p className="text-lg">{t.intro}</p>
      </div>

      <article
        className="print-card mx-auto flex max-w-md flex-col rounded-2xl border-2 border-ink bg-white p-5 text-lg text-ink shadow-sm"
        aria-label={`${card.title} ${t.pageTitleSuffix}`}
        data-testid="print-card"
      >
        <p>
          <span className="pc-kind inline-block rounded bg-brand px-2 py-0.5 text-base font-bold text-white">{card.kind}</span>
        </p>
        <h2 className="pc-title mt-2 text-2xl font-bold leading-snug">{card.title}</h2>
        {card.subtitle && <p className="pc-subtitle mt-1 text-base">{card.subtitle}</p>}
        <dl className="pc-rows mt-3 flex flex-col gap-2">
          {card.rows.map((row) => (
            <div key={row.label}>
              <dt className="pc-label text-base font-bold">{row.label}</dt>
              {row.lines.map((line, i) => {
                // 'Day date　hours': on a narrow screen the hours wrap as a whole to the next line.
                const [day, hours] = line.split('　');
                return (
                  <dd key={i}>
                    {hours === undefined ? line : (
                      <>
                        <span className="mr-3 inline-block">{day}</span>
                        <span className="inline-block">{hours}</span>
                      </>
                    )}
                  </dd>
                );
              })}
            </div>
          ))}
        </dl>
        <div className="pc-bottom mt-4 flex flex-col gap-4 border-t border-line pt-3 min-[400px]:flex-row min-[400px]:items-end">
          <figure className="shrink-0 text-center">
            <div
              className="pc-qr h-40 w-40 bg-white"
              role="img"
              aria-label={t.qrAlt(card.url)}
              data-testid="card-qr"
              dangerouslySetInnerHTML={{ __html: qr }}
            />
            <figcaption className="pc-small text-sm">{t.qrCaption}</figcaption>
          </figure>
          <div className="min-w-0 flex-1 space-y-1">
            {card.phone && (
              <p>
                <span className="pc-label block text-base font-bold">{t.phone}</span>
                {/* The contact's name goes on its own line; a number too long for the column wraps rather than leave the border. */}
                <span className="pc-phone block text-2xl font-bold [overflow-wrap:anywhere]" data-testid="card-phone">
                  {card.phone}
                </span>
                {card.phoneNote && <span className="pc-label block text-base">{t.phoneNote(card.phoneNote)}</span>}
              </p>
            )}
            <p className="pc-small text-sm break-all">{card.url}</p>
            {card.footnote && <p className="pc-small text-sm">{card.footnote}</p>}
            <p className="pc-small text-sm">{t.footer}</p>
          </div>
        </div>
      </article>

      <div className="card-screen space-y-3 text-center">
        <PrintButton label={t.printButton} noScriptHint={t.noScriptPrint} />
        <p className="text-base">{t.printTip}</p>
      </div>
    </div>
  );
}
