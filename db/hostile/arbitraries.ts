/**
 * Hostile inputs for the property-based tests (fast-check): the odd Unicode, numbers and
 * shapes a public portal gets from scanners and broken clients. Test code only.
 */
import fc from 'fast-check';

/** Characters that have broken parsers elsewhere: lone surrogates, bidi and zero-width marks, NUL … */
export const ODD_PIECES = [
  '\uD800', '\uDFFF', '\u200F', '\u202E', '\u200B', '\uFEFF', '\u0000', '\u0008', 'e\u0301\u0301\u0301',
  '😀', '👨‍👩‍👧', '１２３', '－１', '５００', '电工', '驿站', '%', '%ZZ', '%E2%80', '%00', '&', '=', '+', '#', '?',
  ';', '[]', '[0]', '\\', '"', "'", '<script>', '../', '\r\n', '\t', ' ', 'null', 'undefined', '__proto__',
  'constructor', 'toString', '𠀀', 'ﾃｽﾄ', '\u3000', '\u00A0',
] as const;

/** Numbers as text, the way a page parameter or id may come in. */
export const ODD_NUMBERS = [
  '0', '-1', '1', '2', '499', '500', '501', '1000000000', '1e9', '1e308', '1e309', '-0', '0.5', '1.0', 'NaN',
  'Infinity', '-Infinity', '0x10', '0b1', '1_000', '  7 ', '2147483647', '2147483648', '99999999999999999999',
  '9007199254740993', '１', '٣', '1,2', '',
] as const;

/** One hostile string: odd pieces, random (also non-BMP and lone-surrogate) text, numbers. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...ODD_PIECES, ...ODD_NUMBERS), { maxLength: 6 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_NUMBERS) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5000 }).map((n) => '电'.repeat(n)) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

/** A parameter name: a real one of `keys` most of the time, something else sometimes. */
export function paramKey(keys: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: hostileString });
}

/** Key/value pairs (keys repeat freely) for a list page with the given parameters. */
export function hostilePairs(keys: readonly string[]): fc.Arbitrary<[string, string][]> {
  return fc.array(fc.tuple(paramKey(keys), hostileString), { maxLength: 12 });
}

/** A raw query string: pairs joined, sometimes encoded, sometimes left raw (malformed %-escapes). */
export function hostileQuery(keys: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(hostilePairs(keys), fc.boolean(), fc.constantFrom('', '?', '&&', '?&')).map(([pairs, encode, lead]) => {
    const enc = (s: string) => (encode ? encodeURIComponentSafe(s) : s);
    return lead + pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  });
}

/** What Next hands a page as searchParams: values may be strings, arrays or undefined. */
export function hostileRecord(keys: readonly string[]): fc.Arbitrary<Record<string, string | string[] | undefined>> {
  return fc.dictionary(
    paramKey(keys),
    fc.oneof(hostileString, fc.array(hostileString, { maxLength: 5 }), fc.constant(undefined)),
    { maxKeys: 10 },
  );
}

/** encodeURIComponent throws on a lone surrogate; encode what can be, keep the rest raw. */
export function encodeURIComponentSafe(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s.replace(/[^\uD800-\uDFFF]+/g, (part) => encodeURIComponent(part));
  }
}

/** Anything JSON-ish or not, for a server action's argument or a form record. */
export const anything: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.anything({ maxDepth: 3, maxKeys: 6, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }),
);
