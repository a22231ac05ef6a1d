/**
 * looksLikeScan: which stored zero-result words the bureau's lists set apart as «疑似扫描».
 * Residents' words — Chinese, with English course names, levels, brackets, C++ — stay theirs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { looksLikeScan } from './search-misses';

describe('looksLikeScan', () => {
  it('keeps residents’ words', () => {
    for (const w of [
      '电工',
      '养老护理员 初级',
      'PLC编程',
      'C++ 培训',
      'UI/UX设计',
      '2026年 3级 电工',
      '异地就医备案',
      '西罗园 驿站',
      '中式面点师（四级）',
      'O2O 运营',
      'excel',
      'Photoshop',
      'java web',
      'CAD制图',
      '育婴师?',
      'qzxcabcdefghijklmnop',
      '',
    ])
      assert.equal(looksLikeScan(w), false, w);
  });

  it('sets apart SQL, markup, paths, file names, targets, ASCII noise and lone punctuation', () => {
    for (const w of [
      "1' OR '1'='1",
      'union select null',
      'select',
      '<script>',
      '<',
      '../../etc/passwd',
      '/etc/passwd',
      '/admin',
      'wp-login.php',
      'index.php',
      '.env',
      '.git/config',
      'backup.sql',
      'phpmyadmin',
      'admin',
      'wp-admin',
      'aaaa',
      'aGVsbG8gd29ybGQgMTIz',
      '5f4dcc3b5aa765d61d8327deb882cf99',
      'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      '.',
      '?',
      '***',
      '%',
    ])
      assert.equal(looksLikeScan(w), true, w);
  });
});
