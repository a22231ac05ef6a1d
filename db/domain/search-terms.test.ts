import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildSearchBody, buildSearchDocument, ftsPhrase, gramsOf, normalizeText, parseSearchQuery, pinyinForms } from './search-terms';

describe('parseSearchQuery', () => {
  it('sends words of three or more characters to FTS and shorter ones to the gram table', () => {
    assert.deepEqual(parseSearchQuery('园林绿化 电工 花'), [
      { text: '园林绿化', path: 'fts' },
      { text: '电工', path: 'gram' },
      { text: '花', path: 'gram' },
    ]);
  });

  it('folds full-width characters, case and punctuation, and drops repeats', () => {
    assert.deepEqual(parseSearchQuery('  ＡＩ数字人，电工  电工！ '), [
      { text: 'ai数字人', path: 'fts' },
      { text: '电工', path: 'gram' },
    ]);
  });

  it('caps the number of words and the length', () => {
    assert.equal(parseSearchQuery('一 二 三 四 五 六 七').length, 5);
    const long = parseSearchQuery('电'.repeat(500));
    assert.equal(long.length, 1);
    assert.equal([...long[0]!.text].length, 40);
  });

  it('drops control and format characters, which FTS5 cannot take', () => {
    assert.deepEqual(parseSearchQuery('\u0000电工\u202e'), [{ text: '电工', path: 'gram' }]);
    assert.deepEqual(parseSearchQuery('ab\u0000cdef'), [{ text: 'ab', path: 'gram' }, { text: 'cdef', path: 'fts' }]);
  });

  it('returns nothing for blank or punctuation-only input', () => {
    assert.deepEqual(parseSearchQuery('   '), []);
    assert.deepEqual(parseSearchQuery('"*()：'), []);
  });
});

describe('ftsPhrase', () => {
  it('quotes a term so FTS5 operators in it are read literally', () => {
    assert.equal(ftsPhrase('a"b'), '"a""b"');
    assert.equal(ftsPhrase('NOT OR'), '"NOT OR"');
  });
});

describe('pinyin and documents', () => {
  it('adds full pinyin and initials of Chinese names', () => {
    assert.equal(pinyinForms('园林绿化工'), 'yuanlinlvhuagong yllhg');
    assert.equal(pinyinForms('ABC'), '');
  });

  it('builds a normalised body with names, text and pinyin', () => {
    const body = buildSearchBody({ names: ['电工', '北京银行丰台支行'], text: ['丰台区 某路 1 号'] });
    assert.match(body, /电工/);
    assert.match(body, /diangong dg/);
    assert.match(body, /beijingyinhangfengtaizhihang bjyhftzh/);
    assert.equal(body, normalizeText(body));
  });

  it('indexes short grams of pinyin initials but not of full pinyin', () => {
    const { grams } = buildSearchDocument({ names: ['医保驿站', '电工'], text: [] });
    assert.ok(grams.includes('dg'), 'initials of 电工');
    assert.ok(grams.includes('yb'), 'initials of 医保');
    assert.ok(!grams.includes('ba'), 'no piece of the syllable bao');
  });

  it('lists the one- and two-character grams within words', () => {
    const grams = gramsOf('电工 花艺');
    for (const g of ['电', '工', '电工', '花', '艺', '花艺']) assert.ok(grams.includes(g), g);
    assert.ok(!grams.includes('工花'), 'no gram across a space');
  });
});
