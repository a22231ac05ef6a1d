/**
 * What the 机构与场地 writers answer when they refuse, as codes: a field's problem, a refusal's
 * message, or "still in use" with what uses the record. components/admin/orgs/strings.ts words
 * them (PROVIDER_WORDS, PLACE_WORDS, inUseMessage). No database here: the forms' words read it too.
 */
export const ORG_REFUSALS = ['nameTaken', 'renameForbidden', 'providerMissing', 'streetMissing', 'providerNotFound', 'placeNotFound'] as const;
export type OrgRefusal = (typeof ORG_REFUSALS)[number];

/** A record still in use, by whom: a provider by courses, places and accounts; a place by runs and fairs. */
export type InUse =
  | { entity: 'provider'; name: string; courses: number; places: number; users: number }
  | { entity: 'place'; name: string; runs: number; fairs: number };

const IN_USE = 'in_use?';

/** The refusal's message for a record in use (a code with its details, like 'too_long:60'). */
export function inUseCode(u: InUse): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(u)) sp.set(k, String(v));
  return IN_USE + sp.toString();
}

/** The details of an in-use code, or null for any other message. */
export function readInUse(message: string): InUse | null {
  if (!message.startsWith(IN_USE)) return null;
  const sp = new URLSearchParams(message.slice(IN_USE.length));
  const n = (k: string) => Number(sp.get(k) ?? 0) || 0;
  const name = sp.get('name') ?? '';
  if (sp.get('entity') === 'provider') return { entity: 'provider', name, courses: n('courses'), places: n('places'), users: n('users') };
  if (sp.get('entity') === 'place') return { entity: 'place', name, runs: n('runs'), fairs: n('fairs') };
  return null;
}
