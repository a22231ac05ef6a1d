import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SEARCH_KINDS } from '../enums';
import { normalizeText, parseSearchQuery } from '../domain/search-terms';
import { SHORT_FORMS, meaningOf } from './short-forms';

describe('short forms', () => {
  it('a word naming a kind asks nothing more of that kind, and is searched as written elsewhere', () => {
    assert.deepEqual(meaningOf('医保站', 'station'), { kind: 'any' });
    assert.deepEqual(meaningOf('驿站', 'station'), { kind: 'any' });
    assert.deepEqual(meaningOf('招聘', 'fair'), { kind: 'any' });
    assert.deepEqual(meaningOf('培训', 'course'), { kind: 'any' });
    assert.deepEqual(meaningOf('招聘', 'course'), { kind: 'words', words: ['招聘'] });
    assert.deepEqual(meaningOf('医保站', 'fair'), { kind: 'words', words: ['医保站', '医保服务驿站'] });
  });

  it('other wordings count as the word, the word itself first', () => {
    assert.deepEqual(meaningOf('异地备案', 'station'), { kind: 'words', words: ['异地备案', '异地就医'] });
    assert.deepEqual(meaningOf('骑手', 'fair'), { kind: 'words', words: ['骑手', '网约配送员', '外卖', '配送'] });
  });

  it('a word not in the table means itself', () => {
    assert.deepEqual(meaningOf('电工', 'course'), { kind: 'words', words: ['电工'] });
  });

  it('every row is reachable: its words are single, folded query words, said by no other row', () => {
    const seen = new Set<string>();
    for (const row of SHORT_FORMS) {
      for (const s of row.said) {
        assert.deepEqual(parseSearchQuery(s).map((t) => t.text), [normalizeText(s)], `${s} is one query word`);
        assert.ok(!seen.has(s), `${s} is in one row only`);
        seen.add(s);
      }
      if (row.names) assert.ok(SEARCH_KINDS.includes(row.names));
      assert.ok(row.names || (row.means?.length ?? 0) > 0, `${row.said[0]} says something`);
    }
  });
});
