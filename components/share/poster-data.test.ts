/** What the share poster and the share message say, from a record's detail. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { posterChars, shareLine, weekLines, type PosterData } from './poster-data';

describe('share poster words', () => {
  it('says days in a row with the same hours once', () => {
    const week = ['周一', '周二', '周三', '周四', '周五'].map((weekdayName) => ({ weekdayName, display: '9:00–17:00' }));
    assert.deepEqual(weekLines([...week, { weekdayName: '周六', display: '休息' }, { weekdayName: '周日', display: '休息' }]), ['周一至周五　9:00–17:00', '周六、周日　休息']);
    assert.deepEqual(
      weekLines([
        { weekdayName: '周一', display: '9:00–12:00' },
        { weekdayName: '周二', display: '休息' },
        { weekdayName: '周三', display: '9:00–12:00' },
      ]),
      ['周一　9:00–12:00', '周二　休息', '周三　9:00–12:00'],
    );
  });

  const poster: PosterData = {
    kind: '招聘会 · 专场招聘',
    title: '春风行动招聘会',
    rows: [
      { label: '时间', lines: ['2027年3月6日（周六）9:00–12:00'] },
      { label: '地点', lines: ['丰台区人才市场', '北京市丰台区丽泽路18号'] },
    ],
    phone: '010-5555-3001',
    url: 'https://example.gov.cn/fairs/7',
  };

  it('makes the share message from the first line of each row', () => {
    assert.equal(shareLine(poster), '2027年3月6日（周六）9:00–12:00；丰台区人才市场');
  });

  it('hands the font subset every character it draws, the address of the QR caption included', () => {
    const chars = new Set(posterChars(poster, ['扫码查看详情']));
    for (const ch of '春风丽泽扫码https:/.gov7-：') if (ch !== '：') assert.ok(chars.has(ch), `missing ${ch}`);
  });
});
