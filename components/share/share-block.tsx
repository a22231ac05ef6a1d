import { buttonStyles } from '@/components/ui/button';
import { ShareButton } from './share-button';
import { shareText as t } from './strings';

type Props = {
  /** The record's name: the share sheet's title. */
  title: string;
  /** One line for the message (when, where). */
  text: string;
  /** The page's absolute address (from SITE_URL, never from the request). */
  url: string;
  /** The record's poster image (a path on this site), when it has one. */
  posterHref?: string;
};

/** 发给家人 on a detail page: share or copy the link, and the poster to save and send. */
export function ShareBlock({ title, text, url, posterHref }: Props) {
  return (
    <section aria-labelledby="share-heading" className="rounded-xl border border-line bg-white p-4" data-testid="share-block">
      <h2 id="share-heading" className="mb-2 text-xl">
        {t.heading}
      </h2>
      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-start">
        <div className="sm:min-w-72 sm:flex-1">
          <ShareButton title={title} text={text} url={url} />
        </div>
        {posterHref && (
          <div>
            <a href={posterHref} className={`${buttonStyles.secondary} w-full sm:w-auto`} data-testid="share-poster">
              {t.poster}
            </a>
            <p className="mt-1 text-base text-muted">{t.posterHint}</p>
          </div>
        )}
      </div>
    </section>
  );
}
