import { mapStrings as t } from './strings';

/** What the server, and a browser without JavaScript, shows where the map will be. */
export function MapNoScript() {
  return (
    <p className="rounded-lg border border-line bg-white px-4 py-3 text-base" data-testid="map-noscript">
      {t.noScript}
    </p>
  );
}
