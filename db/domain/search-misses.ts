/**
 * What a zero-result search leaves behind, decided without I/O: the words, made tidy and with
 * anything personal-looking masked, and the filters as one canonical query string without
 * location, paging or view settings. Pure; unit-tested (search-misses.test.ts).
 */
import type { SearchMissKind } from '../enums';
import { courseSearchQuery, parseCourseSearch } from '../validation/course-search';
import { fairSearchQuery, parseFairSearch } from '../validation/fair-search';
import { jobSearchQuery, parseJobSearch } from '../validation/job-search';
import { parseStationSearch, stationSearchQuery } from '../validation/station-search';

/** What replaces a phone number, an ID number or an e-mail address in the stored words. */
export const MASK = '＊＊＊';

/** The longest stored words (the search box reads 40 characters; masking may lengthen them a little). */
export const MAX_TERMS = 40;

/** Rows older than this many days are deleted (see pruneSearchMisses). */
export const KEEP_DAYS = 180;

/** Keys that never go into the stored filters: the words (kept apart), paging, order and the device's position. */
const DROPPED = new Set(['q', 'page', 'sort', 'lat', 'lng']);

/** Keys that say where the resident is (a chosen 街镇 or landmark): stored, but on their own they are no search. */
const CONTEXT = new Set(['from', 'near']);

// An 18-character resident ID (17 digits and a digit or X), possibly split by spaces or dashes.
const ID_NUMBER = /\d(?:[\s-]?\d){16}[\s-]?[\dXx]/g;
// Five or more digits in a row, also when typed in groups ('138 1234 5678', '010-6386-1234').
const DIGIT_RUN = /\d(?:[\s.\-]?\d){4,}/g;
const EMAIL = /[^\s@]+@[^\s@]+/g;

/**
 * The words as stored: NFKC (full-width letters and digits become ordinary ones), control
 * characters dropped, spaces collapsed, personal-looking parts masked, then capped.
 */
export function normaliseTerms(raw: string): string {
  const tidy = raw
    .normalize('NFKC')
    .replace(/\p{C}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const masked = tidy.replace(EMAIL, MASK).replace(ID_NUMBER, MASK).replace(DIGIT_RUN, MASK);
  return Array.from(masked).slice(0, MAX_TERMS).join('').trim();
}

/**
 * The filters of a search as a canonical query string: the search's own parser reads the
 * input (so unknown keys and unreadable values are gone), its canonical builder leaves out
 * defaults and empty fields, then words, paging, order and coordinates are dropped and the
 * pairs sorted. The site-wide search has no filters.
 */
export function canonicalFilters(kind: SearchMissKind, query: string): string {
  let canonical: string;
  if (kind === 'courses') canonical = courseSearchQuery(parseCourseSearch(query).values);
  else if (kind === 'stations') canonical = stationSearchQuery(parseStationSearch(query).values);
  else if (kind === 'fairs') canonical = fairSearchQuery(parseFairSearch(query).values);
  else if (kind === 'jobs') canonical = jobSearchQuery(parseJobSearch(query).values);
  else return '';
  const pairs = [...new URLSearchParams(canonical)].filter(([k]) => !DROPPED.has(k));
  pairs.sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1));
  return new URLSearchParams(pairs).toString();
}

/** The words of a query string (its `q`), as the search itself reads them. */
export function termsOf(kind: SearchMissKind, query: string): string {
  if (kind === 'courses') return parseCourseSearch(query).values.q;
  if (kind === 'stations') return parseStationSearch(query).values.q;
  if (kind === 'fairs') return parseFairSearch(query).values.q;
  if (kind === 'jobs') return parseJobSearch(query).values.q;
  return (new URLSearchParams(query).get('q') ?? '').slice(0, 100);
}

/** The page a query string asks for (1 when it says none or cannot be read). */
export function pageOf(query: string): number {
  const n = Number(new URLSearchParams(query).get('page') ?? '1');
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** Longer words than this were not typed into a search box (it takes 40 characters). */
export const MAX_RAW_TERMS = 60;

// Characters that carry markup, code or a query language, and that no search for a course,
// station or fair needs.
const CODE_CHARS = /[<>{}[\]`$|;\\"'=^~]/;
// SQL as scanners send it: keywords with their operands, comments and hex literals.
const SQL = /\b(?:select|union|insert|update|delete|drop|sleep|benchmark|waitfor|pg_sleep|extractvalue|updatexml|information_schema|sqlite_master|xp_cmdshell)\b|\b(?:and|or|xor)\s+[\d'"(]|\border\s+by\b|--|\/\*|\*\/|\b0x[0-9a-f]{4,}|#\s*$/i;
// Script, paths, URLs and template syntax.
const OTHER_PROBES = /javascript:|data:|\bon[a-z]+\s*=|\.\.[\\/]|%[0-9a-f]{2}|:\/\/|\$\{|\{\{|\bnull\b|\balert\s*\(/i;
// Control characters (a typed word has none) and zero-width or direction marks.
const CONTROL = /[\p{Cc}\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u;

/**
 * True when the words are a scanner's or a tinkerer's, not a resident's: too long, with control
 * characters, markup, SQL, paths, or more punctuation than words. Such searches are not counted,
 * so the bureau's list shows what residents looked for. A resident's occasional C++ or
 * UI/UX设计 passes; a plus sign or slash alone is no probe.
 */
export function isProbe(raw: string): boolean {
  const chars = Array.from(raw);
  if (chars.length > MAX_RAW_TERMS) return true;
  if (CONTROL.test(raw) || CODE_CHARS.test(raw) || SQL.test(raw) || OTHER_PROBES.test(raw)) return true;
  const visible = chars.filter((c) => !/\s/u.test(c));
  const punctuation = visible.filter((c) => /[\p{P}\p{S}]/u.test(c)).length;
  return punctuation > 4 || (visible.length > 0 && punctuation * 2 > visible.length);
}

// What scanners try that isProbe lets through, because a resident might type its characters:
// a path or a file ('/etc/passwd', 'wp-login.php', '.env'), the usual targets by name, hashes
// and base64 (long ASCII without a space), and words made of punctuation alone.
const PATH = /^\/|\/[\w.-]+\/|\.(?:php\d?|aspx?|jsp|cgi|env|git|svn|htaccess|sql|bak|old|ini|conf|cfg|ya?ml|xml|log|sh|exe|dll)\b/i;
const TARGETS = /^(?:admin|administrator|root|phpinfo|phpmyadmin|wp-admin|wp-login|wordpress|shell|cmd|passwd|etc|actuator|console|debug|backup|config|webshell|manager|jenkins|solr|struts2?|test|aaa+|x+|1)$/i;
const ASCII_NOISE = /^[\x21-\x7e]{24,}$|^(?=.*\d)(?=.*[a-z])(?=.*[A-Z])[A-Za-z0-9+/=_-]{16,}$|^[0-9a-f]{16,}$/i;
const PUNCTUATION_ONLY = /^[\p{P}\p{S}\s]+$/u;

/**
 * True when stored words look like a scanner's rather than a resident's: isProbe's payloads
 * (kept from before it refused them, or let through meanwhile), paths and file names, the
 * usual targets by name, long ASCII noise, or punctuation alone. Such rows are not dropped —
 * the bureau still sees them, apart, under «疑似扫描» — but the dashboard lists residents first.
 */
export function looksLikeScan(terms: string): boolean {
  const t = terms.trim();
  if (t === '') return false;
  return isProbe(t) || PATH.test(t) || TARGETS.test(t) || ASCII_NOISE.test(t) || PUNCTUATION_ONLY.test(t);
}

export type SearchMissKey = { kind: SearchMissKind; terms: string; filters: string };

/**
 * The key a zero-result search is counted under, or null when there is nothing to count: the
 * resident gave no words and no filter (a chosen place alone is no search), or the words are a
 * probe (isProbe).
 */
export function searchMissKey(kind: SearchMissKind, query: string): SearchMissKey | null {
  const raw = termsOf(kind, query);
  if (isProbe(raw)) return null;
  const terms = normaliseTerms(raw);
  const filters = canonicalFilters(kind, query);
  const narrows = [...new URLSearchParams(filters).keys()].some((k) => !CONTEXT.has(k));
  if (terms === '' && !narrows) return null;
  return { kind, terms, filters };
}

/** Where a resident repeats the search: the list (or the site-wide search) with the same words and filters. */
export function rerunHref(key: SearchMissKey): string {
  const path = key.kind === 'search' ? '/search' : `/${key.kind}`;
  const sp = new URLSearchParams();
  if (key.terms) sp.set('q', key.terms);
  for (const [k, v] of new URLSearchParams(key.filters)) sp.append(k, v);
  const qs = sp.toString();
  return qs ? `${path}?${qs}` : path;
}
