/**
 * Choices for the admin's searchable pickers (station, provider): the name shown, and the keys
 * that find it by pinyin or initials, made with the resident search's own pinyin helpers
 * (./search-terms.ts). And the one label a provider goes by in every admin pick and filter.
 * Server-side (pinyin-pro stays out of the browser); the picker matches with ./pick-match.ts.
 */
import { initialsOf, pinyinForms } from './search-terms';
import { normalisePick, type PickOption } from './pick-match';

export type { PickOption } from './pick-match';

/**
 * How a training provider is named in admin picks and filters: its short name, as the course
 * lists show it (the full name is the pick's second line and finds it too).
 */
export function providerLabel(p: { name: string; shortName: string }): string {
  return p.shortName.trim() || p.name;
}

/** The keys that find a name: full pinyin and the initials of its words (右安门驿站 → youanmenyizhan yamyz ya yz …). */
export function pickKeys(names: readonly string[]): string {
  const keys = new Set<string>();
  for (const name of names) {
    const forms = pinyinForms(name);
    if (forms) for (const f of forms.split(' ')) keys.add(f);
    for (const i of initialsOf(name)) keys.add(i);
    keys.add(normalisePick(name));
  }
  return [...keys].filter(Boolean).join(' ');
}

/** A choice named `name` (a station, a street). */
export function namedPick(r: { id: number; name: string }): PickOption {
  return { value: String(r.id), label: r.name, keys: pickKeys([r.name]) };
}

/** A provider's choice: its label, its full name beneath when different, found by either. */
export function providerPick(p: { id: number; name: string; shortName: string }): PickOption {
  const label = providerLabel(p);
  return { value: String(p.id), label, ...(p.name !== label ? { hint: p.name } : {}), keys: pickKeys([label, p.name]) };
}
