/**
 * Which records a keyword finds: the one keyword mechanism of every list (courses, stations,
 * fairs, the site search, the admin lists, the open-data API).
 *
 * Each word's documents come from the index tables as ONE string of doc ids (group_concat): words
 * of 1–2 characters from `search_grams` (its primary key is (kind, gram, doc_id), so the look-up
 * is one range of the key and reads the asked kind's documents only), words of 3+ characters from
 * the FTS5 trigram table in one MATCH, which names the kind too when it is a small share of the
 * documents (KIND_IN_FTS_SHARE) (Latin letters that may be pinyin initials from search_grams as
 * well, where initials live). A small
 * in-memory map then turns doc ids into (kind, record id): 5 bytes a document, built in one
 * statement over search_docs' (kind, ref_id) index (~5 ms for 27,000 documents).
 *
 * Why not join search_docs in SQL (as before): each hit was a look-up of a wide row (the body is
 * stored in it) — 21 ms for '工' over 20,000 fairs, against 2.5 ms here. Why not the grams' posting
 * lists in memory too: 6.5 million rows take ~10 s to load at city scale (4 MB once compacted),
 * to save the last ~2 ms of the worst word.
 *
 * The map is kept correct by the database, not by the process that wrote: search_docs' triggers
 * (migration 0008) log a document added or removed in change_log, and every look-up first reads
 * the log's head, as the list indexes do (so a save made by any node shows on the next query).
 * What a word means (short forms, the kind a word names) comes from ./short-forms.ts, the one table.
 * Raw SQL lives here (FTS5, group_concat, json_each) and in ./index.ts (the writers).
 */
import type { Statement } from 'better-sqlite3';
import { SEARCH_KINDS, type SearchKind } from '../enums';
import type { DB } from '../client';
import { ftsPhrase, mayBeInitials, parseSearchQuery } from '../domain/search-terms';
import { meaningOf } from './short-forms';
import { changeHead, changesSince } from './engine/changes';

/** The records of one kind a keyword matched (by record id). */
export type MatchedIds = {
  readonly size: number;
  has(id: number): boolean;
  /** The ids, ascending. */
  ids(): number[];
};

/** Above this many logged changes since the last look, the map is rebuilt (it costs ~5 ms). */
const MAX_TARGETED = 2_000;

/** A kind's slot in DocMap.refs. */
const KIND_SLOT = new Map<string, number>(SEARCH_KINDS.map((k, i) => [k, i]));

type DocMap = {
  /** Per kind (KIND_SLOT), per doc id: the record id of that doc, or -1 when it is not a doc of that kind. */
  refs: Int32Array[];
  /** Per kind: the highest record id seen (never lowered; it only sizes a result). */
  maxRef: number[];
  /** Per kind: how many documents it has (which look-ups filter by kind: see byKindInFts). */
  docs: number[];
  /** The change-log head this map took in, and PRAGMA data_version then. */
  seen: number;
  dataVersion: number;
};

/** Arrays for doc ids 0..max, copied from `from` where given. */
function sized(max: number, from?: DocMap): Pick<DocMap, 'refs' | 'maxRef' | 'docs'> {
  const refs = SEARCH_KINDS.map((_, k) => {
    const a = new Int32Array(max + 1).fill(-1);
    if (from) a.set(from.refs[k]!.subarray(0, max + 1));
    return a;
  });
  return { refs, maxRef: from ? [...from.maxRef] : SEARCH_KINDS.map(() => 0), docs: from ? [...from.docs] : SEARCH_KINDS.map(() => 0) };
}

type Statements = {
  gram: Statement<[SearchKind, string]>;
  fts: Statement<[string]>;
  all: Statement<[]>;
  some: Statement<[string]>;
};

const perDb = new WeakMap<DB, { stmts: Statements; map: DocMap | null }>();

function stateOf(db: DB) {
  let s = perDb.get(db);
  if (!s) {
    const c = db.$client;
    s = {
      stmts: {
        gram: c.prepare<[SearchKind, string]>('SELECT group_concat(doc_id) FROM search_grams WHERE kind = ? AND gram = ?').pluck(),
        fts: c.prepare<[string]>('SELECT group_concat(rowid) FROM search_fts WHERE search_fts MATCH ?').pluck(),
        // One row per kind: ids and record ids in the same (index) order.
        all: c.prepare<[]>('SELECT kind, group_concat(id), group_concat(ref_id) FROM search_docs GROUP BY kind').raw(),
        some: c.prepare<[string]>('SELECT id, kind, ref_id FROM search_docs WHERE id IN (SELECT value FROM json_each(?))').raw(),
      },
      map: null,
    };
    perDb.set(db, s);
  }
  return s;
}

/** '3,17,204' → Int32Array [3, 17, 204] (null or '' → empty). */
export function parseIdList(text: string | null | undefined): Int32Array {
  if (!text) return new Int32Array(0);
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) n++;
  const out = new Int32Array(n);
  let k = 0;
  let v = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 44) {
      out[k++] = v;
      v = 0;
    } else v = v * 10 + (ch - 48);
  }
  out[k] = v;
  return out;
}

function build(db: DB, stmts: Statements, head: { seq: number; dataVersion: number }): DocMap {
  const rows = stmts.all.all() as [string, string | null, string | null][];
  const lists = rows.map(([kind, ids, refs]) => ({ slot: KIND_SLOT.get(kind), ids: parseIdList(ids), refs: parseIdList(refs) }));
  let max = 0;
  for (const l of lists) for (const id of l.ids) if (id > max) max = id;
  const map: DocMap = { ...sized(max), seen: head.seq, dataVersion: head.dataVersion };
  for (const l of lists) {
    if (l.slot === undefined) continue;
    const refs = map.refs[l.slot]!;
    map.docs[l.slot] = l.ids.length;
    for (let i = 0; i < l.ids.length; i++) {
      const r = l.refs[i]!;
      refs[l.ids[i]!] = r;
      if (r > map.maxRef[l.slot]!) map.maxRef[l.slot] = r;
    }
  }
  return map;
}

/** The documents logged since the map's head, read again from search_docs; null → rebuild. */
function apply(db: DB, stmts: Statements, map: DocMap, head: { seq: number; dataVersion: number }): DocMap | null {
  const changes = changesSince(db, ['search_doc'], map.seen, head.seq, MAX_TARGETED);
  if (!changes) return null;
  const docs = new Set<number>();
  for (const c of changes) docs.add(c.entityId);
  if (docs.size === 0) return { ...map, seen: head.seq };
  const now = stmts.some.all(JSON.stringify([...docs])) as [number, string, number][];
  let max = map.refs[0]!.length - 1;
  for (const [id] of now) if (id > max) max = id;
  // Fresh arrays (a look-up in flight keeps the ones it started with).
  const next: DocMap = { ...sized(max, map), seen: head.seq, dataVersion: head.dataVersion };
  for (const id of docs) {
    next.refs.forEach((refs, k) => {
      if (id < refs.length && refs[id]! >= 0) {
        refs[id] = -1;
        next.docs[k]!--;
      }
    });
  }
  for (const [id, kind, r] of now) {
    const slot = KIND_SLOT.get(kind);
    if (slot === undefined) continue;
    next.refs[slot]![id] = r;
    next.docs[slot]!++;
    if (r > next.maxRef[slot]!) next.maxRef[slot] = r;
  }
  return next;
}

/** The document map, brought up to date with the change log first. */
function docMap(db: DB): { map: DocMap; stmts: Statements } {
  const state = stateOf(db);
  const head = changeHead(db);
  let map = state.map;
  if (!map || map.dataVersion !== head.dataVersion) map = build(db, state.stmts, head);
  else if (map.seen !== head.seq) map = apply(db, state.stmts, map, head) ?? build(db, state.stmts, head);
  state.map = map;
  return { map, stmts: state.stmts };
}

/** Builds the document map now (server start), so no request pays for it. */
export async function warmKeywordIndex(db: DB): Promise<void> {
  docMap(db);
}

/** The doc ids in every list (each ascending, as the indexes give them). */
function intersect(lists: Int32Array[], size: number): Int32Array {
  if (lists.length === 1) return lists[0]!;
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  const seen = new Uint8Array(size);
  for (const id of sorted[0]!) if (id < size) seen[id] = 1;
  for (let t = 1; t < sorted.length; t++) for (const id of sorted[t]!) if (id < size && seen[id] === t) seen[id] = t + 1;
  const out: number[] = [];
  for (const id of sorted[0]!) if (id < size && seen[id] === sorted.length) out.push(id);
  return Int32Array.from(out);
}

class Matched implements MatchedIds {
  constructor(
    private readonly bits: Uint8Array,
    readonly size: number,
  ) {}
  has(id: number): boolean {
    return this.bits[id] === 1;
  }
  ids(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.bits.length; i++) if (this.bits[i] === 1) out.push(i);
    return out;
  }
}

/** Every doc id in any of the lists, ascending (ids past `size` are left out, as in intersect). */
function union(lists: Int32Array[], size: number): Int32Array {
  if (lists.length === 1) return lists[0]!;
  const seen = new Uint8Array(size);
  for (const l of lists) for (const id of l) if (id < size) seen[id] = 1;
  const out: number[] = [];
  for (let i = 0; i < size; i++) if (seen[i] === 1) out.push(i);
  return Int32Array.from(out);
}

/**
 * How one word is looked up: 1–2 characters in the gram table; 3+ in the FTS5 table, and a word
 * of Latin letters that may be initials (ydjy) in the gram table too, where the runs of initials
 * that start at a word are (see buildSearchDocument).
 */
function lookups(word: string): { gram: boolean; fts: boolean } {
  const short = [...word].length <= 2;
  return { gram: short || mayBeInitials(word), fts: !short };
}

/**
 * A kind whose documents are at most this share of all documents is asked for in the MATCH.
 * Measured at city scale (2,000 courses, 5,000 stations, 20,000 fairs), best of a noisy run:
 * {kind}: "course" cuts 养老护理 from 6,125 rowids (~2–5 ms) to 112 (~0.4 ms). For a bigger
 * kind, reading the kind's own list costs more than it saves on its usual words: stations'
 * 异地就医 (5,000 hits, all stations) ~1.8 → ~3 ms, fairs' 招聘会 ~3 → ~12 ms.
 */
const KIND_IN_FTS_SHARE = 0.1;

/** The FTS5 query for `words` (phrases, ANDed), in documents' bodies, of `kind` when given. */
function ftsQuery(words: readonly string[], kind: SearchKind | null): string {
  const body = `{body}: (${words.map(ftsPhrase).join(' ')})`;
  return kind ? `{kind}: ${ftsPhrase(kind)} AND ${body}` : body;
}

/** Whether a search of `slot`'s kind names its kind in the MATCH (see KIND_IN_FTS_SHARE). */
function byKindInFts(map: DocMap, slot: number): boolean {
  let all = 0;
  for (const n of map.docs) all += n;
  return map.docs[slot]! <= all * KIND_IN_FTS_SHARE;
}

/**
 * The records of `kind` whose documents contain every word of `q`, or null when `q` has no usable
 * words (then do not filter at all). Each word is read through the short-form table
 * (./short-forms.ts): a word that names the kind (医保站 in stations) asks nothing more, and a word
 * with other wordings (异地备案 → 异地就医) matches any of them. Reads the index tables as they are
 * now: a save is found by the very next query.
 */
export async function matchingIds(db: DB, kind: SearchKind, q: string | null | undefined): Promise<MatchedIds | null> {
  if (!q) return null;
  const terms = parseSearchQuery(q);
  if (terms.length === 0) return null;
  const { map, stmts } = docMap(db);
  const slot = KIND_SLOT.get(kind)!;
  const refs = map.refs[slot]!;
  const lists: Int32Array[] = [];
  const ftsKind = byKindInFts(map, slot) ? kind : null;
  // Plain long words in one MATCH: FTS5 reads "a" "b" as a AND b.
  const plain: string[] = [];
  for (const t of terms) {
    const meaning = meaningOf(t.text, kind);
    if (meaning.kind === 'any') continue;
    const only = meaning.words.length === 1 ? lookups(meaning.words[0]!) : null;
    if (only && only.fts && !only.gram) {
      plain.push(meaning.words[0]!);
      continue;
    }
    const either: Int32Array[] = [];
    for (const w of meaning.words) {
      const how = lookups(w);
      if (how.gram) either.push(parseIdList(stmts.gram.get(kind, w) as string | null));
      if (how.fts) either.push(parseIdList(stmts.fts.get(ftsQuery([w], ftsKind)) as string | null));
    }
    lists.push(union(either, refs.length));
  }
  if (plain.length > 0) lists.push(parseIdList(stmts.fts.get(ftsQuery(plain, ftsKind)) as string | null));
  const bits = new Uint8Array(map.maxRef[slot]! + 1);
  let size = 0;
  const take = (doc: number) => {
    // A doc id past the map (added by another connection since the head was read) waits for the next poll.
    const r = doc < refs.length ? refs[doc]! : -1;
    if (r >= 0 && bits[r] === 0) {
      bits[r] = 1;
      size++;
    }
  };
  if (lists.length === 0) {
    // Every word names the kind: every record of it.
    for (let d = 0; d < refs.length; d++) take(d);
  } else {
    const docs = intersect(lists, refs.length);
    for (let i = 0; i < docs.length; i++) take(docs[i]!);
  }
  return new Matched(bits, size);
}

/**
 * A list's keyword filter: the rows whose group (the record) `q` matches, or null when `q` has no
 * usable words. Every list's `q` filter compiles through this.
 */
export async function keywordPredicate(db: DB, kind: SearchKind, q: string | null | undefined): Promise<((row: { readonly group: number }) => boolean) | null> {
  const ids = await matchingIds(db, kind, q);
  return ids ? (row) => ids.has(row.group) : null;
}
