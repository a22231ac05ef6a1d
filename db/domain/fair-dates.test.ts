/**
 * Fair dates with a fixed clock. Run under several server TZ values: Beijing-time answers must
 * not move with the server's zone. 2026-11-23 is a Monday.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  beijingInstant,
  beijingLocal,
  clipWindow,
  dateWindow,
  dayCount,
  daysOf,
  hasSessionIn,
  icsTiming,
  icsUtc,
  isHappeningNow,
  isPast,
  matchesWindow,
  nextSession,
  nextSessions,
  sessionsIn,
  utcByDay,
  type FairTiming,
} from './fair-dates';
import { payText, recurrenceText, weekdaysText } from './labels-fairs';
import { addDays } from './time';

/** An instant given as Beijing wall-clock time. */
const bj = (local: string) => new Date(`${local}:00+08:00`);

const market: FairTiming = {
  startsAt: '2025-03-01T07:00',
  endsAt: '2027-12-31T11:00',
  recurrence: { weekdays: [1, 2, 3, 4, 5, 6], opens: '07:00', closes: '11:00' },
};
const oneDay: FairTiming = { startsAt: '2026-11-25T09:00', endsAt: '2026-11-25T12:00', recurrence: null };
const threeDays: FairTiming = { startsAt: '2026-11-27T09:00', endsAt: '2026-11-29T16:00', recurrence: null };

describe('date windows (Beijing days)', () => {
  it('today and tomorrow are single days', () => {
    assert.deepEqual(dateWindow('today', '2026-11-23'), { from: '2026-11-23', to: '2026-11-23' });
    assert.deepEqual(dateWindow('tomorrow', '2026-11-30'), { from: '2026-12-01', to: '2026-12-01' });
  });

  it('7天内 and 30天内 count from today, whatever the weekday or the day of the month', () => {
    // Thursday, Sunday, the last day of a month, New Year's Eve.
    assert.deepEqual(clipWindow(dateWindow('week', '2026-11-26'), '2026-11-26', 'upcoming'), { from: '2026-11-26', to: '2026-12-02' });
    assert.deepEqual(clipWindow(dateWindow('week', '2026-12-06'), '2026-12-06', 'upcoming'), { from: '2026-12-06', to: '2026-12-12' });
    assert.deepEqual(clipWindow(dateWindow('month', '2026-11-30'), '2026-11-30', 'upcoming'), { from: '2026-11-30', to: '2026-12-29' });
    assert.deepEqual(clipWindow(dateWindow('month', '2026-12-31'), '2026-12-31', 'upcoming'), { from: '2026-12-31', to: '2027-01-29' });
    assert.deepEqual(clipWindow(dateWindow('month', '2026-02-28'), '2026-02-28', 'upcoming'), { from: '2026-02-28', to: '2026-03-29' });
    for (let i = 0; i < 7; i++) {
      const today = addDays('2026-12-06', i);
      const days = daysOf(clipWindow(dateWindow('week', today), today, 'upcoming'));
      assert.equal(days.length, 7, today);
      assert.ok(days.some((d) => d.date === addDays(today, 1)), `${today}: 7天内 holds tomorrow`);
    }
  });

  it('a weekly market seen from a Sunday evening has its Monday session in 7天内', () => {
    // Sunday 2026-12-06, 19:00: the Monday–Saturday market is closed today, open tomorrow.
    const week = clipWindow(dateWindow('week', '2026-12-06'), '2026-12-06', 'upcoming');
    assert.equal(matchesWindow(market, week, bj('2026-12-06T19:00')), true);
    assert.equal(matchesWindow(market, dateWindow('today', '2026-12-06'), bj('2026-12-06T19:00')), false);
    assert.deepEqual(sessionsIn(market, week).map((x) => x.date), ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12']);
  });

  it("a weekly market's sessions run on across a month end and a year end", () => {
    const nov = sessionsIn(market, { from: '2026-11-28', to: '2026-12-02' }).map((x) => x.date);
    assert.deepEqual(nov, ['2026-11-28', '2026-11-30', '2026-12-01', '2026-12-02']);
    const nye = sessionsIn(market, clipWindow(dateWindow('week', '2026-12-31'), '2026-12-31', 'upcoming')).map((x) => x.date);
    assert.deepEqual(nye, ['2026-12-31', '2027-01-01', '2027-01-02', '2027-01-04', '2027-01-05', '2027-01-06']);
  });

  it('upcoming windows start today; past windows end today (a fair may have ended this morning)', () => {
    const week = dateWindow('week', '2026-11-26');
    assert.deepEqual(clipWindow(week, '2026-11-26', 'upcoming'), { from: '2026-11-26', to: '2026-12-02' });
    assert.deepEqual(clipWindow(week, '2026-11-26', 'past'), { from: '2026-11-20', to: '2026-11-26' });
    assert.deepEqual(clipWindow(dateWindow('today', '2026-11-26'), '2026-11-26', 'past'), { from: '2026-11-26', to: '2026-11-26' });
    const tomorrow = clipWindow(dateWindow('tomorrow', '2026-11-26'), '2026-11-26', 'past');
    assert.deepEqual(daysOf(tomorrow), [], 'past + tomorrow is empty');
  });

  it('今天 matches only sessions not yet finished; 往期 + 今天 matches a fair that ended this morning', () => {
    const today = dateWindow('today', '2026-11-26');
    // Thursday 2026-11-26: the market runs 7:00–11:00.
    assert.equal(matchesWindow(market, today, bj('2026-11-26T06:00')), true, 'before it opens');
    assert.equal(matchesWindow(market, today, bj('2026-11-26T08:00')), true, 'while it is on');
    assert.equal(matchesWindow(market, today, bj('2026-11-26T11:00')), true, 'its closing minute');
    assert.equal(matchesWindow(market, today, bj('2026-11-26T11:01')), false, 'closed for the day');
    assert.equal(matchesWindow(market, today, bj('2026-11-26T19:00')), false, 'evening: tomorrow is not today');
    assert.equal(matchesWindow(market, dateWindow('week', '2026-11-26'), bj('2026-11-26T19:00')), true, 'this week still has sessions');
    const thisMorning: FairTiming = { startsAt: '2026-11-26T09:00', endsAt: '2026-11-26T12:00', recurrence: null };
    assert.equal(matchesWindow(thisMorning, today, bj('2026-11-26T15:00')), false);
    const pastToday = clipWindow(today, '2026-11-26', 'past');
    assert.equal(matchesWindow(thisMorning, pastToday, bj('2026-11-26T15:00'), 'past'), true);
    // A fair over several days: the evening of its second day, 今天 no longer matches; 明天 does.
    assert.equal(matchesWindow(threeDays, dateWindow('today', '2026-11-28'), bj('2026-11-28T17:00')), false);
    assert.equal(matchesWindow(threeDays, dateWindow('tomorrow', '2026-11-28'), bj('2026-11-28T17:00')), true);
  });

  it('lists the days of a range with weekdays', () => {
    assert.deepEqual(daysOf({ from: '2026-11-28', to: '2026-11-30' }), [
      { date: '2026-11-28', weekday: 6 },
      { date: '2026-11-29', weekday: 7 },
      { date: '2026-11-30', weekday: 1 },
    ]);
  });
});

describe('sessions of a fair', () => {
  it('a weekly market has sessions on its weekdays only', () => {
    const s = sessionsIn(market, { from: '2026-11-28', to: '2026-11-30' });
    assert.deepEqual(s, [
      { date: '2026-11-28', opens: '07:00', closes: '11:00' },
      { date: '2026-11-30', opens: '07:00', closes: '11:00' },
    ]);
    assert.equal(hasSessionIn(market, { from: '2026-11-29', to: '2026-11-29' }), false, 'no Sunday market');
    assert.equal(hasSessionIn(market, { from: '2028-01-03', to: '2028-01-08' }), false, 'after its last day');
  });

  it('a fair over several days has a session each day with the same hours', () => {
    assert.equal(dayCount(threeDays), 3);
    assert.deepEqual(
      sessionsIn(threeDays, { from: '2026-11-01', to: '2026-11-30' }).map((s) => s.date),
      ['2026-11-27', '2026-11-28', '2026-11-29'],
    );
    assert.equal(hasSessionIn(oneDay, dateWindow('week', '2026-11-23')), true);
    assert.equal(hasSessionIn(oneDay, dateWindow('tomorrow', '2026-11-25')), false);
  });

  it('the next market session skips Sunday and sessions already over', () => {
    assert.deepEqual(nextSession(market, bj('2026-11-23T08:00')), { date: '2026-11-23', opens: '07:00', closes: '11:00' });
    assert.equal(nextSession(market, bj('2026-11-28T11:30'))?.date, '2026-11-30', 'Saturday after closing → Monday');
    assert.equal(nextSession(market, bj('2026-11-29T06:00'))?.date, '2026-11-30', 'Sunday → Monday');
    assert.deepEqual(
      nextSessions(market, bj('2026-11-27T12:00'), 3).map((s) => s.date),
      ['2026-11-28', '2026-11-30', '2026-12-01'],
    );
    assert.equal(nextSession(market, bj('2028-01-01T08:00')), null, 'over');
  });

  it('the next session of a future one-off fair is its first day', () => {
    assert.equal(nextSession(threeDays, bj('2026-11-23T12:00'))?.date, '2026-11-27');
    assert.equal(nextSession(threeDays, bj('2026-11-28T17:00'))?.date, '2026-11-29');
    assert.equal(nextSession(oneDay, bj('2026-11-25T12:00'))?.date, '2026-11-25', 'its closing minute still counts');
    assert.equal(nextSession(oneDay, bj('2026-11-25T12:01')), null, 'ended at noon');
  });

  it('is happening now only inside a session, in Beijing time', () => {
    assert.equal(isHappeningNow(market, bj('2026-11-23T07:00')), true);
    assert.equal(isHappeningNow(market, bj('2026-11-23T11:00')), false);
    assert.equal(isHappeningNow(market, bj('2026-11-29T08:00')), false, 'Sunday');
    assert.equal(isHappeningNow(threeDays, bj('2026-11-28T10:00')), true);
    assert.equal(isHappeningNow(threeDays, bj('2026-11-28T20:00')), false, 'evening between days');
    // 01:30 UTC on the 25th is 9:30 in Beijing, whatever zone the server is in.
    assert.equal(isHappeningNow(oneDay, new Date('2026-11-25T01:30:00Z')), true);
  });

  it('past means ended (to the minute, Beijing); a market is past once no session is left', () => {
    assert.equal(isPast(oneDay, bj('2026-11-24T20:00')), false, 'the day before');
    assert.equal(isPast(oneDay, bj('2026-11-25T10:00')), false, 'while it is on');
    assert.equal(isPast(oneDay, bj('2026-11-25T12:00')), false, 'its end is at or after now');
    assert.equal(isPast(oneDay, bj('2026-11-25T12:01')), true, 'ended earlier today');
    assert.equal(isPast(oneDay, bj('2026-11-26T08:00')), true);
    // 04:01 UTC is 12:01 in Beijing, whatever zone the server is in.
    assert.equal(isPast(oneDay, new Date('2026-11-25T04:01:00Z')), true);
    assert.equal(isPast(oneDay, new Date('2026-11-25T04:00:00Z')), false);
    assert.equal(isPast(market, bj('2026-11-28T20:00')), false, 'Saturday evening: Monday is next');
    assert.equal(isPast(market, bj('2027-12-31T10:00')), false, 'its last session is on');
    assert.equal(isPast(market, bj('2027-12-31T11:01')), true, 'after its last session');
    // A market whose run ends on a Sunday (no session that day) is past after Saturday's.
    const endsSunday: FairTiming = { ...market, endsAt: '2026-11-29T11:00' };
    assert.equal(isPast(endsSunday, bj('2026-11-28T12:00')), true);
    assert.equal(isPast(endsSunday, bj('2026-11-28T10:00')), false);
    const later: FairTiming = { ...market, startsAt: '2027-03-01T07:00' };
    assert.equal(isPast(later, bj('2026-11-28T12:00')), false, 'not begun yet');
    assert.equal(beijingLocal(new Date('2026-11-24T16:05:00Z')), '2026-11-25T00:05');
  });
});

describe('calendar timing', () => {
  it('converts Beijing wall-clock time to the real instant', () => {
    assert.equal(icsUtc(beijingInstant('2026-11-25', '09:00')), '20261125T010000Z');
    assert.equal(icsUtc(beijingInstant('2026-11-23', '07:00')), '20261122T230000Z');
  });

  it('a one-day fair is one event', () => {
    const t = icsTiming(oneDay, bj('2026-11-23T12:00'));
    assert.equal(icsUtc(t.start), '20261125T010000Z');
    assert.equal(icsUtc(t.end), '20261125T040000Z');
    assert.equal(t.rrule, null);
  });

  it('a fair over three days is a daily series of three', () => {
    const t = icsTiming(threeDays, bj('2026-11-23T12:00'));
    assert.equal(icsUtc(t.start), '20261127T010000Z');
    assert.equal(icsUtc(t.end), '20261127T080000Z');
    assert.equal(t.rrule, 'FREQ=DAILY;COUNT=3');
  });

  it('a weekly market starts at its next session; early sessions move BYDAY back a UTC day', () => {
    const t = icsTiming(market, bj('2026-11-28T12:00'));
    // Monday 30 Nov 7:00 Beijing = Sunday 29 Nov 23:00 UTC.
    assert.equal(icsUtc(t.start), '20261129T230000Z');
    assert.equal(icsUtc(t.end), '20261130T030000Z');
    assert.equal(t.rrule, 'FREQ=WEEKLY;BYDAY=SU,MO,TU,WE,TH,FR;UNTIL=20271231T030000Z');
    assert.equal(utcByDay([1, 3, 5], '09:00'), 'MO,WE,FR');
    assert.equal(utcByDay([1, 7], '06:30'), 'SU,SA');
  });
});

describe('fair wording', () => {
  it('says weekdays the way residents do', () => {
    assert.equal(weekdaysText([1, 2, 3, 4, 5, 6]), '每周一至周六');
    assert.equal(weekdaysText([1, 2, 3, 4, 5, 6, 7]), '每天');
    assert.equal(weekdaysText([2, 4]), '每周二、周四');
    assert.equal(weekdaysText([1, 2, 3, 5]), '每周一至周三、周五');
    assert.equal(recurrenceText(market.recurrence!), '每周一至周六 7:00–11:00');
  });

  it('writes pay ranges with their unit', () => {
    assert.equal(payText(6000, 8000, 'month'), '6000–8000 元/月');
    assert.equal(payText(200, null, 'day'), '200 元/天起');
    assert.equal(payText(null, 30, 'hour'), '最高 30 元/小时');
    assert.equal(payText(null, null, 'month'), '面议');
  });
});
