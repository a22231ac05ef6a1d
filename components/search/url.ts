/** Building links that change one filter while keeping the rest. Pure; safe on both sides. */

/** A copy of `qs` with `key` set to `value` (or removed when value is null/''). Resets page. */
export function withParam(qs: string, key: string, value: string | null): string {
  const sp = new URLSearchParams(qs);
  sp.delete(key);
  if (value !== null && value !== '') sp.set(key, value);
  if (key !== 'page') sp.delete('page');
  return sp.toString();
}

/** A copy of `qs` without one value of a repeatable key (or without the key entirely). */
export function withoutParam(qs: string, key: string, value?: string): string {
  const sp = new URLSearchParams(qs);
  if (value === undefined) sp.delete(key);
  else {
    const rest = sp.getAll(key).filter((v) => v !== value);
    sp.delete(key);
    for (const v of rest) sp.append(key, v);
  }
  sp.delete('page');
  return sp.toString();
}

/** A copy of `qs` on page `page`. */
export function withPage(qs: string, page: number): string {
  const sp = new URLSearchParams(qs);
  if (page <= 1) sp.delete('page');
  else sp.set('page', String(page));
  return sp.toString();
}

/** '/courses' + '?a=1' (or just the path when there is no query). */
export function hrefOf(path: string, qs: string): string {
  return qs ? `${path}?${qs}` : path;
}

/** The query string a GET form would submit, without empty fields. */
export function formQuery(form: HTMLFormElement): string {
  const sp = new URLSearchParams();
  for (const [k, v] of new FormData(form)) {
    if (typeof v === 'string' && v.trim() !== '') sp.append(k, v.trim());
  }
  return sp.toString();
}
