/**
 * Opening-hours engine, now and next: open at an instant, next opening, the words residents
 * read, breaks in the day. Every instant is fixed and written with an explicit offset, so the
 * suite gives the same answers under TZ=Asia/Shanghai, UTC and America/New_York.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOpenAt, nextOpening, openState } from './hours';
import { addDays } from './time';
import { bj, week, station, MON_FRI, calendar, noCalendar, streetCentre, communityHealth, bank } from './hours-fixtures';

describe('openState', () => {
  it('builds instants from Beijing wall-clock time', () => {
    assert.equal(bj('2026-10-01T10:00').toISOString(), '2026-10-01T02:00:00.000Z');
  });

  it('is open during a session', () => {
    assert.deepEqual(openState(streetCentre, calendar, new Date('2026-11-24T06:00:00Z')), {
      open: true,
      label: '营业中',
      text: '营业中，17:00 结束',
      closesAt: '17:00',
      next: { date: '2026-11-25', time: '9:00' },
    });
    const morning = openState(streetCentre, calendar, bj('2026-11-24T10:00'));
    assert.equal(morning.text, '营业中，12:00 午休，13:30 再开门');
    assert.equal(morning.closesAt, '12:00');
    assert.deepEqual(morning.next, { date: '2026-11-24', time: '13:30' });
  });

  it('opens on the minute and closes on the minute', () => {
    assert.equal(openState(streetCentre, calendar, bj('2026-11-24T09:00')).open, true);
    assert.equal(openState(streetCentre, calendar, bj('2026-11-24T08:59')).open, false);
    assert.equal(openState(streetCentre, calendar, bj('2026-11-24T16:59')).open, true);
    assert.equal(openState(streetCentre, calendar, bj('2026-11-24T17:00')).open, false);
  });

  it('treats back-to-back sessions as one', () => {
    const s = station({ hours: week('station', MON_FRI, [['09:00', '12:00'], ['12:00', '17:00']]) });
    assert.equal(openState(s, calendar, bj('2026-11-24T11:00')).text, '营业中，17:00 结束');
  });

  it('says 午休中 during the lunch break', () => {
    const st = openState(streetCentre, calendar, new Date('2026-11-24T04:30:00Z'));
    assert.equal(st.open, false);
    assert.equal(st.label, '休息中');
    assert.equal(st.text, '午休中，13:30 开门');
    assert.deepEqual(st.next, { date: '2026-11-24', time: '13:30' });
  });

  it('says 休息中 for a break that is not at lunchtime', () => {
    const s = station({ hours: week('station', MON_FRI, [['09:00', '12:00'], ['18:00', '21:00']]) });
    assert.equal(openState(s, calendar, bj('2026-11-24T12:30')).text, '午休中，18:00 开门');
    const t = station({ hours: week('station', MON_FRI, [['09:00', '15:00'], ['18:00', '21:00']]) });
    assert.equal(openState(t, calendar, bj('2026-11-24T16:00')).text, '休息中，18:00 开门');
  });

  it('says when it opens today before the first session', () => {
    const st = openState(communityHealth, calendar, new Date('2026-11-23T23:00:00Z')); // Tue 7:00
    assert.equal(st.label, '休息中');
    assert.equal(st.text, '今天 8:30 开门');
    assert.deepEqual(st.next, { date: '2026-11-24', time: '8:30' });
  });

  describe('after closing', () => {
    it('opens tomorrow', () => {
      const st = openState(streetCentre, calendar, new Date('2026-11-24T10:00:00Z')); // Tue 18:00
      assert.equal(st.label, '休息中');
      assert.equal(st.text, '已下班，明天 9:00 开门');
    });

    it('names the weekday within the next 6 days', () => {
      assert.equal(openState(streetCentre, calendar, bj('2026-11-27T18:00')).text, '已下班，周一 9:00 开门');
      assert.equal(openState(communityHealth, calendar, bj('2026-11-21T18:00')).text, '已下班，周一 8:30 开门');
    });

    it('gives the date further ahead', () => {
      // Wednesday 9/30 → 国庆节 → Thursday 10/8, eight days on.
      const st = openState(streetCentre, calendar, bj('2026-09-30T18:00'));
      assert.equal(st.text, '已下班，10月8日 9:00 开门');
      assert.deepEqual(st.next, { date: '2026-10-08', time: '9:00' });
    });
  });

  it('is closed all day on Sunday', () => {
    const st = openState(streetCentre, calendar, bj('2026-11-22T10:00'));
    assert.equal(st.open, false);
    assert.equal(st.label, '今日休息');
    assert.equal(st.text, '今日休息，明天 9:00 开门');
  });

  describe('国庆节 2026', () => {
    it('closes on the holiday and names it', () => {
      const st = openState(communityHealth, calendar, new Date('2026-10-01T02:00:00Z'));
      assert.equal(st.label, '今日休息');
      assert.equal(st.text, '今日休息（国庆节），10月8日 8:30 开门');
    });

    it('words the reopening relative to today', () => {
      assert.equal(openState(communityHealth, calendar, bj('2026-10-02T10:00')).text, '今日休息（国庆节），周四 8:30 开门');
      assert.equal(openState(communityHealth, calendar, bj('2026-10-07T10:00')).text, '今日休息（国庆节），明天 8:30 开门');
    });

    it('opens a Monday–Friday station on 调休 Saturday 10/10 with Monday hours', () => {
      const st = openState(streetCentre, calendar, bj('2026-10-10T10:00'));
      assert.equal(st.open, true);
      assert.equal(st.text, '营业中，12:00 午休，13:30 再开门');
      assert.equal(openState(streetCentre, calendar, bj('2026-10-09T18:00')).text, '已下班，明天 9:00 开门');
      assert.equal(openState(streetCentre, calendar, bj('2026-10-10T18:00')).text, '已下班，周一 9:00 开门');
    });

    it('opens on 调休 Sunday 9/20', () => {
      assert.equal(openState(streetCentre, calendar, bj('2026-09-20T14:00')).text, '营业中，17:00 结束');
      assert.equal(openState(streetCentre, calendar, bj('2026-09-19T18:00')).text, '今日休息，明天 9:00 开门');
    });

    it('lets a bank open through the holiday by exception', () => {
      const st = openState(bank, calendar, bj('2026-10-02T10:00'));
      assert.equal(st.open, true);
      assert.equal(st.text, '营业中，16:00 结束');
      assert.equal(openState(bank, calendar, bj('2026-10-02T16:00')).text, '已下班，明天 9:00 开门');
    });
  });

  it('gives the reason of a closing exception', () => {
    const st = openState(streetCentre, calendar, bj('2026-11-05T10:00'));
    assert.equal(st.label, '今日休息');
    assert.equal(st.text, '今日休息（系统升级），明天 9:00 开门');
  });

  it('follows the shorter hours of an exception', () => {
    assert.equal(openState(streetCentre, calendar, bj('2026-11-10T10:00')).text, '营业中，11:30 结束');
    assert.equal(openState(streetCentre, calendar, bj('2026-11-10T12:00')).text, '已下班，明天 9:00 开门');
  });

  it('keeps station and counter scopes apart', () => {
    const at = bj('2026-11-23T17:00');
    const st = openState(bank, calendar, at, 'station');
    assert.equal(st.open, true);
    assert.equal(st.text, '营业中，19:00 结束');
    const counter = openState(bank, calendar, at, 'counter');
    assert.equal(counter.open, false);
    assert.equal(counter.text, '已下班，明天 9:00 开门');
    assert.equal(isOpenAt(bank, calendar, at, 'station'), true);
    assert.equal(isOpenAt(bank, calendar, at, 'counter'), false);
    // Friday evening: the counter's next day is Monday although the branch opens Saturday.
    assert.equal(openState(bank, calendar, bj('2026-11-27T17:00'), 'counter').text, '已下班，周一 9:00 开门');
  });

  it('announces a planned station', () => {
    const planned = station({ status: 'planned', openingDate: '2026-12-01', hours: week('station', MON_FRI, [['09:00', '17:00']]) });
    const st = openState(planned, calendar, bj('2026-11-23T10:00'));
    assert.equal(st.open, false);
    assert.equal(st.label, '尚未启用');
    assert.equal(st.text, '尚未启用，计划12月1日启用');
    assert.deepEqual(st.next, { date: '2026-12-01', time: '9:00' });
    assert.equal(openState(planned, calendar, bj('2026-12-01T10:00')).text, '营业中，17:00 结束');
    assert.equal(openState({ ...planned, openingDate: null }, calendar, bj('2026-11-23T10:00')).text, '尚未启用');
  });

  it('reports a suspension with its reason', () => {
    const s = { ...streetCentre, status: 'suspended' as const, statusReason: '场地装修' };
    assert.deepEqual(openState(s, calendar, bj('2026-11-24T10:00')), { open: false, label: '暂停服务', text: '暂停服务（场地装修）' });
    assert.equal(openState({ ...s, statusReason: null }, calendar, bj('2026-11-24T10:00')).text, '暂停服务');
  });

  describe('Beijing midnight, whatever the server zone', () => {
    it('23:59 Monday in Beijing is after hours, though UTC and New York still see Monday afternoon', () => {
      const at = new Date('2026-11-23T15:59:00Z');
      const st = openState(streetCentre, calendar, at);
      assert.equal(st.open, false);
      assert.equal(st.text, '已下班，明天 9:00 开门');
      assert.deepEqual(st.next, { date: '2026-11-24', time: '9:00' });
      assert.equal(isOpenAt(streetCentre, calendar, at), false);
    });

    it('00:30 Monday in Beijing is Monday, though UTC still sees Sunday', () => {
      const st = openState(streetCentre, calendar, new Date('2026-11-22T16:30:00Z'));
      assert.equal(st.label, '休息中');
      assert.equal(st.text, '今天 9:00 开门');
    });

    it('the first minute of 国庆节 in Beijing is already the holiday', () => {
      const st = openState(streetCentre, calendar, new Date('2026-09-30T16:00:00Z'));
      assert.equal(st.text, '今日休息（国庆节），10月8日 9:00 开门');
    });
  });

  describe('sessions touching midnight', () => {
    const late = station({ hours: week('station', [1, 2, 3, 4, 5, 6, 7], [['08:00', '24:00'], ['00:00', '02:00']]) });

    it('follows an open stretch into the next day', () => {
      assert.equal(openState(late, noCalendar, bj('2026-11-24T23:00')).text, '营业中，明天 2:00 结束');
      assert.equal(openState(late, noCalendar, bj('2026-11-24T01:00')).text, '营业中，2:00 结束');
      assert.equal(openState(late, noCalendar, bj('2026-11-24T03:00')).text, '今天 8:00 开门');
    });

    it('does not count 0:00 after 24:00 as an opening', () => {
      assert.deepEqual(nextOpening(late, noCalendar, bj('2026-11-24T23:00')), { date: '2026-11-25', time: '8:00' });
      assert.deepEqual(nextOpening(late, noCalendar, bj('2026-11-24T01:00')), { date: '2026-11-24', time: '8:00' });
    });

    it('shows 24:00 when the day simply ends at midnight', () => {
      const s = station({ hours: week('station', [1], [['18:00', '24:00']]) });
      const st = openState(s, noCalendar, bj('2026-11-23T23:00'));
      assert.equal(st.text, '营业中，24:00 结束');
      assert.equal(st.closesAt, '24:00');
    });

    it('says 24小时开放 when it never closes', () => {
      const s = station({ hours: week('station', [1, 2, 3, 4, 5, 6, 7], [['00:00', '24:00']]) });
      const st = openState(s, noCalendar, bj('2026-11-24T03:00'));
      assert.equal(st.open, true);
      assert.equal(st.text, '营业中，24小时开放');
      assert.equal(st.closesAt, undefined);
    });
  });

  describe('nothing within 60 days', () => {
    const base = station({ hours: week('station', MON_FRI, [['09:00', '17:00']]) });

    it('keeps the reason of a long closure', () => {
      const s = { ...base, exceptions: [{ startDate: '2026-11-01', endDate: '2027-03-31', closed: true, sessions: [], reason: '装修改造' }] };
      const st = openState(s, noCalendar, bj('2026-11-23T10:00'));
      assert.equal(st.text, '今日休息（装修改造），暂无开放时间，请致电咨询');
      assert.equal(st.next, undefined);
    });

    it('asks to call when a station has no hours at all', () => {
      assert.equal(openState(station(), noCalendar, bj('2026-11-23T10:00')).text, '暂无开放时间，请致电咨询');
    });

    it('searches exactly 60 days ahead', () => {
      const today = '2026-11-23';
      const reopen = addDays(today, 60); // 2027-01-22, a Friday
      assert.equal(reopen, '2027-01-22');
      const closedUntil = (last: string) => ({
        ...base,
        exceptions: [{ startDate: today, endDate: last, closed: true, sessions: [], reason: '装修' }],
      });
      assert.deepEqual(nextOpening(closedUntil(addDays(reopen, -1)), noCalendar, bj(`${today}T10:00`)), { date: reopen, time: '9:00' });
      assert.equal(nextOpening(closedUntil(reopen), noCalendar, bj(`${today}T10:00`)), null);
    });
  });
});

describe('breaks during the day', () => {
  it('names a lunch break and when it reopens, but the last session just ends', () => {
    assert.equal(openState(streetCentre, noCalendar, bj('2026-11-24T09:30')).text, '营业中，12:00 午休，13:30 再开门');
    assert.equal(openState(streetCentre, noCalendar, bj('2026-11-24T15:00')).text, '营业中，17:00 结束');
  });

  it('calls a later gap a plain break', () => {
    const s = station({ hours: week('station', MON_FRI, [['09:00', '17:00'], ['18:00', '20:00']]) });
    const st = openState(s, noCalendar, bj('2026-11-24T16:00'));
    assert.equal(st.text, '营业中，17:00 休息，18:00 再开门');
    assert.equal(st.closesAt, '17:00');
    assert.equal(openState(s, noCalendar, bj('2026-11-24T19:00')).text, '营业中，20:00 结束');
  });
});

