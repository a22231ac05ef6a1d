import { buttonStyles } from '@/components/ui/button';
import { home } from './strings';

/** One search box across courses, stations and fairs: a plain GET form to /search. */
export function SiteSearch({ value = '', autoFocus = false }: { value?: string; autoFocus?: boolean }) {
  return (
    <form method="get" action="/search" role="search" aria-label={home.searchLabel}>
      <label htmlFor="site-q" className="mb-1 block text-lg font-bold">
        {home.searchLabel}
      </label>
      <p id="site-q-hint" className="mb-2 text-base text-muted">
        {home.searchHint}
      </p>
      {/* The button moves under the box before the box gets too narrow for its placeholder (长辈版 on a phone). */}
      <div className="flex flex-wrap gap-2">
        <input
          id="site-q"
          type="search"
          name="q"
          defaultValue={value}
          maxLength={40}
          placeholder={home.searchPlaceholder}
          aria-describedby="site-q-hint"
          autoFocus={autoFocus}
          className="min-h-14 w-full min-w-[10em] flex-1 basis-0 rounded-lg border-2 border-muted bg-white px-3 text-lg focus:border-brand"
        />
        <button type="submit" className={`${buttonStyles.primary} min-h-14`}>
          搜索
        </button>
      </div>
    </form>
  );
}
