import { viewHrefs, type ListView } from './view';
import { mapStrings as t } from './strings';

/**
 * 列表 / 地图: two plain links (a full page load, so it works without JavaScript, survives a
 * reload and can be shared), keeping every filter and the page.
 */
export function ViewSwitch({ path, qs, view }: { path: string; qs: string; view: ListView }) {
  const hrefs = viewHrefs(path, qs);
  const item = (v: ListView, label: string) => (
    <a
      href={hrefs[v]}
      aria-current={view === v ? 'page' : undefined}
      className={`inline-flex min-h-12 min-w-20 items-center justify-center px-4 text-lg font-medium no-underline ${
        view === v ? 'bg-brand text-white hover:text-white' : 'bg-white text-brand hover:bg-brand-soft'
      }`}
    >
      {label}
    </a>
  );
  return (
    <nav aria-label={t.viewLabel} className="inline-flex overflow-hidden rounded-lg border-2 border-brand" data-testid="view-switch">
      {item('list', t.listView)}
      {item('map', t.mapView)}
    </nav>
  );
}
