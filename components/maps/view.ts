/** The 列表 / 地图 switch lives in the URL (?view=map), beside the filters. Pure. */
import { hrefOf } from '@/components/search/url';

export type ListView = 'list' | 'map';

/** 'map' only for exactly ?view=map; anything else is the list (no error for a bad value). */
export function viewOf(params: Record<string, string | string[] | undefined>): ListView {
  const v = params.view;
  return (Array.isArray(v) ? v[0] : v) === 'map' ? 'map' : 'list';
}

/** `qs` with view=map added (kept last) or removed; the page number and filters stay. */
export function withView(qs: string, view: ListView): string {
  const sp = new URLSearchParams(qs);
  sp.delete('view');
  if (view === 'map') sp.set('view', 'map');
  return sp.toString();
}

/** The two links of the switch, for a list at `path` showing `qs`. */
export function viewHrefs(path: string, qs: string): Record<ListView, string> {
  return { list: hrefOf(path, withView(qs, 'list')), map: hrefOf(path, withView(qs, 'map')) };
}
