/**
 * Turning what residents type into search terms, and documents into searchable text.
 * Pure functions: no database here.
 */
import { pinyin } from 'pinyin-pro';

/** Longest query we look at, in characters; the rest is ignored. */
export const MAX_QUERY_LENGTH = 40;
/** At most this many words are combined (AND). */
export const MAX_TERMS = 5;

/** Full-width to half-width, lower case, one space between words. */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s\u3000]+/g, ' ').trim();
}

/**
 * Characters that carry no meaning in a search: punctuation, symbols, and control or format
 * characters (a NUL would end an FTS5 string early and make SQLite throw).
 */
const NOISE = /[\p{P}\p{S}\p{C}]+/gu;

export type SearchTerm = { text: string; path: 'fts' | 'gram' };

/**
 * Splits a query into at most MAX_TERMS words. Words of three or more characters go to the
 * FTS5 trigram index; one- and two-character words (电工, 花艺, dg) go to the gram table,
 * because trigram matching silently finds nothing for them.
 */
export function parseSearchQuery(raw: string): SearchTerm[] {
  const cleaned = normalizeText(raw.slice(0, MAX_QUERY_LENGTH * 2))
    .replace(NOISE, ' ')
    .slice(0, MAX_QUERY_LENGTH);
  const words = cleaned.split(' ').filter(Boolean);
  const unique = [...new Set(words)].slice(0, MAX_TERMS);
  return unique.map((text) => ({ text, path: [...text].length >= 3 ? 'fts' : 'gram' }));
}

/** Quotes a term for an FTS5 MATCH expression so it is read as a literal phrase. */
export function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

const HAN = /\p{Script=Han}/u;

/** Full pinyin and initials of the Chinese in `name`: 园林绿化工 → full 'yuanlinlvhuagong', initials 'yllhg'. */
function pinyinOf(name: string): { full: string; initials: string } | null {
  if (!HAN.test(name)) return null;
  const han = [...name].filter((c) => HAN.test(c)).join('');
  return {
    full: pinyin(han, { toneType: 'none', type: 'array', v: true }).join(''),
    initials: pinyin(han, { pattern: 'first', toneType: 'none', type: 'array', v: true }).join(''),
  };
}

/** 'yuanlinlvhuagong yllhg' (empty for a name with no Chinese). */
export function pinyinForms(name: string): string {
  const p = pinyinOf(name);
  return p ? `${p.full} ${p.initials}` : '';
}

export type SearchFields = { names: string[]; text: string[] };

/**
 * What one record stores for search.
 * - `body` (FTS5 trigram, words of 3+ characters): names and text as written, then the full
 *   pinyin and the initials of the names (not of long descriptions, which would only add noise).
 * - `grams` (words of 1–2 characters): grams of names and text and of the pinyin INITIALS only.
 *   Grams of full pinyin would make 'ba' match every 'bao' (医保); two letters are initials
 *   (dg → 电工) far more often than a piece of a syllable.
 */
export function buildSearchDocument(fields: SearchFields): { body: string; grams: string[] } {
  const names = fields.names.filter(Boolean);
  const written = [...names, ...fields.text.filter(Boolean)];
  const forms = names.map(pinyinOf).filter((p) => p !== null);
  const body = normalizeText([...written, ...forms.map((p) => `${p.full} ${p.initials}`)].join(' '));
  const grams = gramsOf([...written, ...forms.map((p) => p.initials)].join(' '));
  return { body, grams };
}

/** The FTS body alone (see buildSearchDocument). */
export function buildSearchBody(fields: SearchFields): string {
  return buildSearchDocument(fields).body;
}

/** Every distinct 1- and 2-character gram of the body, within words (not across spaces). */
export function gramsOf(body: string): string[] {
  const grams = new Set<string>();
  for (const word of normalizeText(body).replace(NOISE, ' ').split(' ')) {
    const chars = [...word];
    for (let i = 0; i < chars.length; i++) {
      grams.add(chars[i]!);
      if (i + 1 < chars.length) grams.add(chars[i]! + chars[i + 1]!);
    }
  }
  return [...grams];
}
