import Link from 'next/link';
import type { ReactNode } from 'react';
import { previewText as t } from './strings';

export type PreviewWidthChoice = 'desktop' | 'phone';

/** ?width=phone → 'phone'; anything else is the desktop width. */
export function previewWidth(raw: string | string[] | undefined): PreviewWidthChoice {
  return raw === 'phone' ? 'phone' : 'desktop';
}

const tab = 'inline-flex min-h-12 items-center rounded-lg border-2 px-4 no-underline';

/**
 * The resident page at desktop width (rendered here, full width) or at phone width: the same
 * page in a 390-pixel frame of its own (`frameSrc`, an admin-only address that checks the session
 * like this page), so the phone layout is the one a phone really gets — a narrow box inside a wide
 * window would still get the wide layout's breakpoints. A plain GET switch: no JavaScript needed.
 */
export function PreviewWidth({
  base,
  width,
  frameSrc,
  title,
  children,
}: {
  /** The preview page's own address (the switch's links). */
  base: string;
  width: PreviewWidthChoice;
  frameSrc: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <>
      <nav aria-label={t.widthNav} className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {(['desktop', 'phone'] as const).map((w) => (
            <li key={w}>
              <Link
                href={w === 'phone' ? `${base}?width=phone` : base}
                aria-current={w === width ? 'page' : undefined}
                className={`${tab} ${w === width ? 'border-brand bg-brand text-white hover:text-white' : 'border-line bg-white text-ink'}`}
              >
                {w === 'phone' ? t.phone : t.desktop}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {width === 'phone' ? (
        <div data-testid="preview-phone">
          <p className="mb-3 text-base text-muted">{t.phoneNote}</p>
          {/* An outline, not a border: the page inside gets the full 390 pixels. */}
          <iframe
            src={frameSrc}
            title={t.phoneFrameTitle(title)}
            width={390}
            height={844}
            className="mx-auto block h-[844px] w-[390px] max-w-full rounded-2xl bg-white outline-4 outline-offset-0 outline-ink"
          />
        </div>
      ) : (
        <div className="rounded-xl border-4 border-dashed border-line p-3 sm:p-5" data-testid="preview-desktop">
          {children}
        </div>
      )}
    </>
  );
}
