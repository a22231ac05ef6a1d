/**
 * Which choices of a searchable picker (components/admin/combobox.tsx) a typed query keeps. Pure
 * and dependency-free, so the browser runs it; the keys it searches (pinyin, initials, other
 * names) are made on the server by ./pick-options.ts.
 */

/** One choice: the value sent, the name shown, a second line (a full name), and what else finds it. */
export type PickOption = { value: string; label: string; hint?: string; keys?: string };

/** Full-width to half-width, lower case, no spaces (people type 右安门 驿站 and yamyz alike). */
export function normalisePick(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s\u3000]+/g, '');
}

/**
 * True when `query` finds the option: inside its name or second line, or at the start of one of
 * its keys (full pinyin 'youanmen…', the initials of any of its words 'yamyz', 'yz').
 */
export function matchesPick(option: PickOption, query: string): boolean {
  const q = normalisePick(query);
  if (q === '') return true;
  if (normalisePick(option.label).includes(q) || (option.hint && normalisePick(option.hint).includes(q))) return true;
  return (option.keys ?? '').split(' ').some((k) => k !== '' && k.startsWith(q));
}
