/**
 * What residents type for what they mean: the one table of short forms and everyday words, read
 * by the keyword look-up of every list, the site search and the open-data API (./keywords.ts).
 * Data, not code: add a row here and every search understands it.
 *
 * A row says, for the words residents type (`said`, matched as a whole word, after the same
 * folding as any query):
 * - `names`: the kind of record the word names. In a search of that kind the word asks for
 *   nothing more (every 医保服务驿站 is a 医保站; every fair is a 招聘会), so it is met by every
 *   record and the other words of the query narrow; in the other kinds it is searched as written.
 * - `means`: other wordings that count as the word, in every kind (异地备案 → 异地就医).
 * Pure: no database here.
 */
import type { SearchKind } from '../enums';
import { normalizeText } from '../domain/search-terms';

export type ShortForm = { said: readonly string[]; names?: SearchKind; means?: readonly string[] };

export const SHORT_FORMS: readonly ShortForm[] = [
  { said: ['医保站', '医保驿站', '医保服务站', '医保点', '驿站', '医保服务驿站'], names: 'station', means: ['医保服务驿站'] },
  { said: ['招聘', '招聘会', '招工', '招人', '找工作', '求职', '用工', '找活'], names: 'fair' },
  { said: ['培训', '培训班', '技能培训', '职业培训', '学技术', '学手艺', '课程'], names: 'course' },
  { said: ['社保'], means: ['社会保险', '参保', '社保卡'] },
  { said: ['医保卡'], means: ['社保卡', '医保电子凭证'] },
  { said: ['医保码', '电子医保卡', '医保电子码'], means: ['医保电子凭证'] },
  { said: ['异地备案', '异地医保'], means: ['异地就医'] },
  { said: ['交医保', '医保交费', '交费'], means: ['医保缴费', '缴费'] },
  { said: ['老人', '老年'], means: ['老年人', '养老'] },
  { said: ['骑手', '外卖员', '送外卖', '快递员'], means: ['网约配送员', '外卖', '配送'] },
  { said: ['保姆'], means: ['家政服务员', '育儿嫂'] },
  { said: ['月嫂'], means: ['育婴员', '育儿嫂'] },
];

/** What one typed word asks of the records of one kind. */
export type WordMeaning = { kind: 'any' } | { kind: 'words'; words: readonly string[] };

const bySaid = new Map<string, ShortForm>();
for (const row of SHORT_FORMS) for (const s of row.said) bySaid.set(normalizeText(s), row);

/**
 * What `word` (one folded query word) asks of records of `kind`: every record (it names the kind),
 * or any of these wordings (the word itself first).
 */
export function meaningOf(word: string, kind: SearchKind): WordMeaning {
  const row = bySaid.get(word);
  if (!row) return { kind: 'words', words: [word] };
  if (row.names === kind) return { kind: 'any' };
  const words = [word, ...(row.means ?? []).map(normalizeText).filter((m) => m !== word)];
  return { kind: 'words', words };
}
