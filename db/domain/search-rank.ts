/**
 * A small relevance order for the site search (/search): among a section's first candidates,
 * the ones whose NAME (course title, station name, fair title) holds the words come before those
 * that match only in their other text (a provider, an address, an employer's position).
 *
 * The cap: only the first RANK_CANDIDATES matches, in the list's own order, are scored; the rest
 * keep that order. However common a word is (医保 is in almost every station), ranking costs a
 * fixed, small amount of work and never a pass over every match. Ties keep the list's order, so
 * the result is stable and the list pages' own orders are untouched. Pure: no database here.
 */
import { initialsOf, normalizeText, parseSearchQuery, pinyinForms } from './search-terms';

/** How many leading candidates are scored (one page of a list). */
export const RANK_CANDIDATES = 10;

/** How many of the query's words the name holds, as written or as pinyin (dg, diangong). */
export function nameHits(name: string, q: string): number {
  const terms = parseSearchQuery(q);
  if (terms.length === 0) return 0;
  const written = normalizeText(name);
  const full = pinyinForms(name).split(' ')[0] ?? '';
  // Initials as the index reads them: from the start of a word (initialsOf).
  const initials = new Set(initialsOf(name));
  return terms.filter((t) => written.includes(t.text) || full.includes(t.text) || initials.has(t.text)).length;
}

/**
 * `items` (in the list's order) with the first `cap` reordered: more words in the name first,
 * ties and everything past the cap as they came.
 */
export function rankByName<T>(items: readonly T[], nameOf: (item: T) => string, q: string, cap = RANK_CANDIDATES): T[] {
  const head = items.slice(0, Math.max(0, cap)).map((item, i) => ({ item, i, score: nameHits(nameOf(item), q) }));
  head.sort((a, b) => b.score - a.score || a.i - b.i);
  return [...head.map((h) => h.item), ...items.slice(Math.max(0, cap))];
}
