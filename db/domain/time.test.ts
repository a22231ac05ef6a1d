/**
 * Beijing-time helpers. Run under several TZ values: nothing here may depend on the
 * server's own zone (New York's daylight-saving jumps are the sharpest test).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDays,
  beijingNow,
  beijingToday,
  clock,
  daysBetween,
  endOfMonth,
  formatClock,
  fullDate,
  isDateString,
  monthDay,
  monthDayWeekday,
  startOfWeek,
  toMinutes,
  weekdayOf,
} from './time';

describe('beijingNow', () => {
  it('moves past Beijing midnight while UTC and New York are still on the day before', () => {
    assert.deepEqual(beijingNow(new Date('2026-11-23T16:30:00Z')), {
      date: '2026-11-24',
      time: '00:30',
      minutes: 30,
      weekday: 2,
    });
  });

  it('is still Monday at 23:59 Beijing', () => {
    assert.deepEqual(beijingNow(new Date('2026-11-23T15:59:00Z')), {
      date: '2026-11-23',
      time: '23:59',
      minutes: 23 * 60 + 59,
      weekday: 1,
    });
  });

  it('is 8 hours ahead of UTC all year (no daylight saving)', () => {
    assert.equal(beijingNow(new Date('2026-07-01T02:00:00Z')).time, '10:00');
    assert.equal(beijingNow(new Date('2026-01-01T02:00:00Z')).time, '10:00');
    // New York's clocks jump on 2026-03-08 and 2026-11-01; Beijing's do not.
    assert.equal(beijingNow(new Date('2026-03-08T07:30:00Z')).time, '15:30');
    assert.equal(beijingNow(new Date('2026-11-01T06:30:00Z')).time, '14:30');
  });

  it('turns the year at Beijing midnight', () => {
    assert.equal(beijingToday(new Date('2026-12-31T15:59:59Z')), '2026-12-31');
    assert.equal(beijingToday(new Date('2026-12-31T16:00:00Z')), '2027-01-01');
    assert.equal(beijingNow(new Date('2026-12-31T16:00:00Z')).weekday, 5);
  });

  it('gives Sunday as 7', () => {
    assert.equal(beijingNow(new Date('2026-11-22T04:00:00Z')).weekday, 7);
  });
});

describe('addDays', () => {
  it('crosses month and year ends', () => {
    assert.equal(addDays('2026-01-31', 1), '2026-02-01');
    assert.equal(addDays('2026-02-28', 1), '2026-03-01');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2027-01-01', -1), '2026-12-31');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  });

  it('handles zero, long spans and daylight-saving dates elsewhere', () => {
    assert.equal(addDays('2026-10-01', 0), '2026-10-01');
    assert.equal(addDays('2026-01-01', 365), '2027-01-01');
    assert.equal(addDays('2028-01-01', 366), '2029-01-01');
    assert.equal(addDays('2026-03-07', 2), '2026-03-09');
    assert.equal(addDays('2026-10-31', 2), '2026-11-02');
  });
});

describe('daysBetween', () => {
  it('counts calendar days, signed', () => {
    assert.equal(daysBetween('2026-10-01', '2026-10-08'), 7);
    assert.equal(daysBetween('2026-10-08', '2026-10-01'), -7);
    assert.equal(daysBetween('2026-10-01', '2026-10-01'), 0);
    assert.equal(daysBetween('2026-12-31', '2027-01-01'), 1);
    assert.equal(daysBetween('2028-02-01', '2028-03-01'), 29);
  });

  it('is not thrown off by daylight saving elsewhere', () => {
    assert.equal(daysBetween('2026-03-01', '2026-04-01'), 31);
    assert.equal(daysBetween('2026-10-25', '2026-11-08'), 14);
  });

  it('agrees with addDays', () => {
    for (const n of [-400, -31, -1, 0, 1, 29, 60, 366]) assert.equal(daysBetween('2026-11-23', addDays('2026-11-23', n)), n);
  });
});

describe('weekdayOf', () => {
  it('gives ISO weekdays', () => {
    assert.equal(weekdayOf('2026-10-01'), 4);
    assert.equal(weekdayOf('2026-10-10'), 6);
    assert.equal(weekdayOf('2026-09-20'), 7);
    assert.equal(weekdayOf('2026-11-23'), 1);
    assert.equal(weekdayOf('2027-01-01'), 5);
  });
});

describe('isDateString', () => {
  it('accepts real days', () => {
    assert.equal(isDateString('2026-10-01'), true);
    assert.equal(isDateString('2028-02-29'), true);
    assert.equal(isDateString('2026-12-31'), true);
  });

  it('rejects impossible days and other shapes', () => {
    assert.equal(isDateString('2026-02-30'), false);
    assert.equal(isDateString('2026-02-29'), false);
    assert.equal(isDateString('2026-04-31'), false);
    assert.equal(isDateString('2026-13-01'), false);
    assert.equal(isDateString('2026-00-10'), false);
    assert.equal(isDateString('2026-1-5'), false);
    assert.equal(isDateString('2026-10-01T00:00'), false);
    assert.equal(isDateString(''), false);
  });
});

describe('startOfWeek', () => {
  it('returns the Monday', () => {
    assert.equal(startOfWeek('2026-11-23'), '2026-11-23');
    assert.equal(startOfWeek('2026-11-22'), '2026-11-16');
    assert.equal(startOfWeek('2026-10-01'), '2026-09-28');
    assert.equal(startOfWeek('2027-01-01'), '2026-12-28');
  });
});

describe('endOfMonth', () => {
  it('returns the last day', () => {
    assert.equal(endOfMonth('2026-02-10'), '2026-02-28');
    assert.equal(endOfMonth('2028-02-01'), '2028-02-29');
    assert.equal(endOfMonth('2026-12-05'), '2026-12-31');
    assert.equal(endOfMonth('2026-04-30'), '2026-04-30');
    assert.equal(endOfMonth('2026-03-01'), '2026-03-31');
  });
});

describe('clock text', () => {
  it('converts between HH:MM and minutes', () => {
    assert.equal(toMinutes('08:30'), 510);
    assert.equal(toMinutes('8:30'), 510);
    assert.equal(toMinutes('24:00'), 1440);
    assert.equal(formatClock(510), '8:30');
    assert.equal(formatClock(0), '0:00');
    assert.equal(formatClock(1440), '24:00');
  });

  it('drops the leading zero as residents write it', () => {
    assert.equal(clock('08:30'), '8:30');
    assert.equal(clock('17:00'), '17:00');
    assert.equal(clock('09:05'), '9:05');
  });
});

describe('date text', () => {
  it('writes dates in Chinese', () => {
    assert.equal(monthDay('2026-10-01'), '10月1日');
    assert.equal(monthDay('2026-12-01'), '12月1日');
    assert.equal(fullDate('2026-10-01'), '2026年10月1日');
    assert.equal(monthDayWeekday('2026-10-01'), '10月1日（周四）');
    assert.equal(monthDayWeekday('2026-11-22'), '11月22日（周日）');
  });
});
