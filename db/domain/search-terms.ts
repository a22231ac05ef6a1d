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

/** Longest run of initials a resident types (ydjyba = 异地就医备案); longer letter words are not initials. */
export const MAX_INITIALS = 8;

/** A word of Latin letters that may be pinyin initials: looked up among the initials as well as in the text. */
export function mayBeInitials(word: string): boolean {
  return word.length <= MAX_INITIALS && /^[a-z]+$/.test(word);
}

/** Chinese word boundaries (ICU's dictionary, built into Node and browsers): 医保|服务|驿站. */
const words = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Full pinyin and initials of the Chinese in `name`, with where its words start among the
 * initials: 园林绿化工 → full 'yuanlinlvhuagong', initials 'yllhg', starts [0, 2, 3] (园林|绿|化工).
 */
function pinyinOf(name: string): { full: string; initials: string; starts: number[] } | null {
  if (!HAN.test(name)) return null;
  const starts: number[] = [];
  let han = '';
  for (const { segment } of words.segment(name)) {
    const chars = [...segment].filter((c) => HAN.test(c)).join('');
    if (!chars) continue;
    starts.push([...han].length);
    han += chars;
  }
  return {
    full: pinyin(han, { toneType: 'none', type: 'array', v: true }).join(''),
    initials: pinyin(han, { pattern: 'first', toneType: 'none', type: 'array', v: true }).join(''),
    starts,
  };
}

/**
 * The runs of initials a name answers to: from the start of each of its words, 1 to MAX_INITIALS
 * letters (医保服务驿站 → y, yb, ybf … and f, fw, fwy …, and y, yz), never from inside a word
 * nor from the middle of a run of initials (so dg is not found in 使用电工具 … as 'sydgj').
 */
export function initialsOf(name: string): string[] {
  const p = pinyinOf(name);
  if (!p) return [];
  const out = new Set<string>();
  for (const start of p.starts) {
    for (let n = 1; n <= MAX_INITIALS && start + n <= p.initials.length; n++) out.add(p.initials.slice(start, start + n));
  }
  return [...out];
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
 *   pinyin of the names (not of long descriptions, which would only add noise).
 * - `grams`: the 1- and 2-character grams of names and text, and the runs of pinyin INITIALS that
 *   start at a word of a name (initialsOf), up to MAX_INITIALS letters. Initials live only here, so
 *   they match from the start of a word (dg → 电工) and never through the middle of a run of
 *   initials, as the trigram index would. Grams of full pinyin would make 'ba' match every 'bao'
 *   (医保); two letters are initials (dg → 电工) far more often than a piece of a syllable.
 */
export function buildSearchDocument(fields: SearchFields): { body: string; grams: string[] } {
  const names = fields.names.filter(Boolean);
  const written = [...names, ...fields.text.filter(Boolean)];
  const forms = names.map(pinyinOf).filter((p) => p !== null);
  const body = normalizeText([...written, ...forms.map((p) => p.full)].join(' '));
  const grams = new Set(gramsOf(written.join(' ')));
  for (const name of names) for (const run of initialsOf(name)) grams.add(run);
  return { body, grams: [...grams] };
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
