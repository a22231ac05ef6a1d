import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildSearchBody, buildSearchDocument, ftsPhrase, gramsOf, initialsOf, mayBeInitials, normalizeText, parseSearchQuery, pinyinForms } from './search-terms';

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

  it('builds a normalised body with names, text and full pinyin; initials go to the grams', () => {
    const fields = { names: ['电工', '北京银行丰台支行'], text: ['丰台区 某路 1 号'] };
    const body = buildSearchBody(fields);
    assert.match(body, /电工/);
    assert.match(body, /diangong/);
    assert.match(body, /beijingyinhangfengtaizhihang/);
    assert.equal(body, normalizeText(body));
    // Not in the trigram body, where 'yhf' would match inside the run bjyhftzh.
    assert.doesNotMatch(body, /bjyhftzh/);
    const { grams } = buildSearchDocument(fields);
    for (const g of ['dg', 'bjyhftzh', 'bjyh', 'yh', 'ft', 'ftzh']) assert.ok(grams.includes(g), g);
  });

  it('matches initials from the start of a word, never from inside a run of initials', () => {
    // 核对个人账户明细 hdgrzhmx: 'dg' sits across 核对|个人 and must not match (it is not 电工).
    const runs = initialsOf('核对个人账户明细');
    assert.ok(!runs.includes('dg'), 'dg is not a word start');
    assert.ok(!runs.includes('dgr'));
    for (const g of ['hd', 'gr', 'grzh', 'zh', 'mx']) assert.ok(runs.includes(g), g);
    // A station's name: 卢沟桥|街道|… → lgq, jd, ybfwyz (医保服务驿站) and yz (驿站).
    const station = initialsOf('卢沟桥街道医保服务驿站');
    for (const g of ['lgq', 'lgqjd', 'jd', 'ybfwyz', 'yz', 'fw']) assert.ok(station.includes(g), g);
    for (const g of ['gq', 'qj', 'dy', 'wy']) assert.ok(!station.includes(g), `${g} is inside a run`);
    assert.ok(initialsOf('电工').includes('dg'));
    assert.deepEqual(initialsOf('ABC'), []);
  });

  it('treats only short words of Latin letters as possible initials', () => {
    assert.equal(mayBeInitials('ydjy'), true);
    assert.equal(mayBeInitials('diangongx'), false, 'longer than any run of initials kept');
    assert.equal(mayBeInitials('电工'), false);
    assert.equal(mayBeInitials('ab1'), false);
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
