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
  nextSession,
  nextSessions,
  sessionsIn,
  utcByDay,
  type FairTiming,
} from './fair-dates';
import { payText, recurrenceText, weekdaysText } from './labels-fairs';

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

  it('this week runs Monday to Sunday, this month the whole month', () => {
    assert.deepEqual(dateWindow('week', '2026-11-26'), { from: '2026-11-23', to: '2026-11-29' });
    assert.deepEqual(dateWindow('week', '2026-11-29'), { from: '2026-11-23', to: '2026-11-29' });
    assert.deepEqual(dateWindow('month', '2026-02-10'), { from: '2026-02-01', to: '2026-02-28' });
    assert.deepEqual(dateWindow('month', '2026-12-31'), { from: '2026-12-01', to: '2026-12-31' });
  });

  it('upcoming windows start today; past windows end yesterday', () => {
    const week = dateWindow('week', '2026-11-26');
    assert.deepEqual(clipWindow(week, '2026-11-26', 'upcoming'), { from: '2026-11-26', to: '2026-11-29' });
    assert.deepEqual(clipWindow(week, '2026-11-26', 'past'), { from: '2026-11-23', to: '2026-11-25' });
    const today = clipWindow(dateWindow('today', '2026-11-26'), '2026-11-26', 'past');
    assert.ok(today.from > today.to, 'past + today is empty');
    assert.deepEqual(daysOf(today), []);
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
    assert.equal(nextSession(oneDay, bj('2026-11-25T12:00')), null, 'ended at noon');
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

  it('past means ended before today; a fair ending today is upcoming', () => {
    assert.equal(isPast(oneDay, '2026-11-25'), false);
    assert.equal(isPast(oneDay, '2026-11-26'), true);
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
