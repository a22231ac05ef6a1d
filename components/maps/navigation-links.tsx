import { navigationLinks, type LatLng } from '@/db/domain/geo';
import { buttonStyles } from '@/components/ui/button';
import { mapStrings as t } from './strings';

/**
 * Walking directions in 高德, 百度 and 腾讯 as three large buttons: each link carries the
 * place in that app's own coordinate system (stored WGS-84 converted on the server).
 */
export function NavigationLinks({ at, name, className = '', id }: { at: LatLng; name: string; className?: string; id?: string }) {
  return (
    <div id={id} className={`@container ${className}`} data-testid="navigation-links">
      {/* Side by side only where the box is wide enough for three whole names. */}
      <ul className="grid gap-2 @sm:grid-cols-3" aria-label={t.navigateHeading}>
        {navigationLinks(at, name).map((l) => (
          <li key={l.app}>
            <a
              href={l.url}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={t.appLabel(t.apps[l.app], name)}
              data-app={l.app}
              className={`${buttonStyles.secondary} w-full whitespace-nowrap px-3`}
            >
              {t.apps[l.app]}
            </a>
          </li>
        ))}
      </ul>
      <p className="mt-1 text-base text-muted">{t.navigateHint}</p>
    </div>
  );
}
