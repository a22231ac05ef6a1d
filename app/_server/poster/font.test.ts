/** The poster's font: the fontsource pieces that hold the drawn characters, subset to them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { drawableText, piecesFor, posterFonts } from './font';

describe('poster font', () => {
  it('finds ASCII in the latin piece, not in a CJK piece that claims its range', async () => {
    const pieces = await piecesFor('https://a.cn/1 丰台');
    assert.equal(pieces.get('latin'), 'htps:/a.cn1 ');
    // Each distinct character once, in one piece: 丰 and 台 in CJK pieces.
    assert.equal([...pieces.values()].join(''), `htps:/a.cn1 ${[...pieces.entries()].filter(([id]) => id !== 'latin').map(([, c]) => c).join('')}`);
    assert.equal([...pieces.entries()].filter(([id]) => /^\d+$/.test(id)).map(([, c]) => c).join(''), '丰台');
  });

  it('subsets each piece to a few kilobytes of TrueType', async () => {
    const fonts = await posterFonts('丰台区公共就业 2026年', 700);
    assert.ok(fonts.length >= 2);
    for (const f of fonts) {
      assert.equal(f.weight, 700);
      // TrueType starts with 0x00010000 (or 'true'), never woff's 'wOFF'.
      assert.equal(f.data.readUInt32BE(0), 0x00010000);
      assert.ok(f.data.length < 20_000, `${f.name}: ${f.data.length} bytes`);
    }
  });

  it('drops characters no piece holds, so next/og never fetches a font from the network', async () => {
    assert.equal(await drawableText('招聘会\u{E000}\u{10FFFD}'), '招聘会');
    assert.equal(await drawableText('周一至周五　9:00–17:00'), '周一至周五　9:00–17:00');
  });
});
