/**
 * Names and labels are words people read — a course title, a station's name, a person's name
 * on an account. Text that looks like markup or template code there is either a mistake (a
 * pasted snippet) or a probe, and would sit on public pages, in exports and in the audit log.
 * This is the one check every name/label field runs (db/validation/admin/fields.ts: name());
 * free-text fields (introductions, notes) do not, since they may quote such things.
 * No dependencies: the browser runs it too, with the same words.
 */

/** Why a name looks like markup or code, as a code; null when it is plain words. */
export type MarkupKind = 'tag' | 'script-url' | 'template' | 'control';

/** A tag or comment: '<' then a letter, '/', '!' or '?' (<b>, </a>, <!--, <?php). '<5人' and '1 < 2' stay. */
const TAG = /<\s*[a-zA-Z/!?]/;
/** A URL that runs code when followed (spaces and case do not hide it). */
const SCRIPT_URL = /(?:java|vb)\s*script\s*:|data\s*:\s*text\/html/i;
/** Template and expression syntax of common engines: {{ }}, ${ }, <% %>, #{ }. */
const TEMPLATE = /\{\{|\$\{|<%|%>|#\{/;
/**
 * Control characters (C0, DEL, C1), and the invisible ones that reorder or hide text (bidi
 * overrides and isolates, zero-width joiners, the BOM), which make a name read differently from
 * what it is.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** What kind of markup-like junk `s` holds, or null for plain words. */
export function markupKind(s: string): MarkupKind | null {
  if (CONTROL.test(s)) return 'control';
  if (TAG.test(s)) return 'tag';
  if (SCRIPT_URL.test(s)) return 'script-url';
  if (TEMPLATE.test(s)) return 'template';
  return null;
}

/** True when a name or label is plain words (no tags, script URLs, template syntax or control characters). */
export function isPlainName(s: string): boolean {
  return markupKind(s) === null;
}
