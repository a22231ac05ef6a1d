import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RANK_CANDIDATES, nameHits, rankByName } from './search-rank';

type Row = { id: number; name: string };
const name = (r: Row) => r.name;

describe('site search relevance', () => {
  it('counts the words a name holds, as written or in pinyin', () => {
    assert.equal(nameHits('电工（初级）培训', '电工'), 1);
    assert.equal(nameHits('电工（初级）培训', '电工 初级'), 2);
    assert.equal(nameHits('育婴员培训', '电工'), 0);
    assert.equal(nameHits('低压电工作业', 'dg'), 1);
    assert.equal(nameHits('低压电工作业', 'diangong'), 1);
    assert.equal(nameHits('ＡＢＣ家政', 'abc'), 1);
    assert.equal(nameHits('任何名字', '   '), 0);
  });

  it('puts name hits first and keeps the list order otherwise', () => {
    const rows: Row[] = [
      { id: 1, name: '康馨职业培训学校 育婴员' },
      { id: 2, name: '电工（初级）' },
      { id: 3, name: '家政服务员' },
      { id: 4, name: '低压电工 电工' },
    ];
    assert.deepEqual(rankByName(rows, name, '电工').map((r) => r.id), [2, 4, 1, 3]);
    // more words in the name first
    assert.deepEqual(rankByName(rows, name, '电工 低压').map((r) => r.id), [4, 2, 1, 3]);
    // no name hits: the list order as it was
    assert.deepEqual(rankByName(rows, name, '丰台').map((r) => r.id), [1, 2, 3, 4]);
  });

  it('scores only the first RANK_CANDIDATES, however common the word', () => {
    const rows: Row[] = Array.from({ length: RANK_CANDIDATES + 5 }, (_, i) => ({ id: i + 1, name: i === RANK_CANDIDATES + 2 ? '医保服务' : '驿站' }));
    const ranked = rankByName(rows, name, '医保');
    // the hit beyond the cap is not pulled forward
    assert.deepEqual(ranked.map((r) => r.id), rows.map((r) => r.id));
    const withinCap = rankByName(rows, name, '医保', RANK_CANDIDATES + 5);
    assert.equal(withinCap[0]!.id, RANK_CANDIDATES + 3);
    assert.equal(ranked.length, rows.length);
  });
});
