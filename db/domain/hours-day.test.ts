/**
 * Opening-hours engine, one day: which rule decides a day's hours. Every instant is fixed and
 * written with an explicit offset, so the suite gives the same answers under TZ=Asia/Shanghai,
 * UTC and America/New_York.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayHours, exceptionOn, makeCalendar, normalizeSessions, openState, type HoursException } from './hours';
import { week, station, MON_FRI, calendar, noCalendar, streetCentre, bank, S } from './hours-fixtures';

// ---------------------------------------------------------------------------
// dayHours
// ---------------------------------------------------------------------------

describe('dayHours', () => {
  it('gives the regular sessions of the weekday, sorted', () => {
    const d = dayHours(streetCentre, calendar, '2026-11-24');
    assert.deepEqual(d, {
      date: '2026-11-24',
      weekday: 2,
      sessions: [S('09:00', '12:00'), S('13:30', '17:00')],
      closedReason: null,
      kind: 'regular',
      note: null,
      fullReason: null,
    });
  });

  it('sorts, merges touching sessions and ignores rows that cross midnight', () => {
    const s = station({
      hours: [
        { scope: 'station', weekday: 1, opens: '13:00', closes: '17:00' },
        { scope: 'station', weekday: 1, opens: '9:00', closes: '12:00' },
        { scope: 'station', weekday: 1, opens: '12:00', closes: '12:30' },
        { scope: 'station', weekday: 1, opens: '22:00', closes: '02:00' },
      ],
    });
    assert.deepEqual(dayHours(s, noCalendar, '2026-11-23').sessions, [S('09:00', '12:30'), S('13:00', '17:00')]);
    assert.deepEqual(normalizeSessions([S('10:00', '11:00'), S('09:00', '10:30'), S('x', '12:00')]), [S('09:00', '11:00')]);
  });

  it('is closed on a weekday without sessions, with no reason to give', () => {
    const d = dayHours(streetCentre, calendar, '2026-11-22');
    assert.equal(d.kind, 'regular');
    assert.deepEqual(d.sessions, []);
    assert.equal(d.closedReason, null);
  });

  it('closes on a holiday, naming it', () => {
    const d = dayHours(streetCentre, calendar, '2026-10-01');
    assert.equal(d.kind, 'holiday');
    assert.deepEqual(d.sessions, []);
    assert.equal(d.closedReason, '国庆节');
    assert.equal(d.note, '国庆节');
  });

  it('opens on a 调休 Saturday with Monday hours', () => {
    const d = dayHours(streetCentre, calendar, '2026-10-10');
    assert.equal(d.weekday, 6);
    assert.equal(d.kind, 'workday');
    assert.deepEqual(d.sessions, [S('09:00', '12:00'), S('13:30', '17:00')]);
    assert.equal(d.closedReason, null);
    assert.equal(d.note, '国庆节调休');
  });

  it('uses Monday hours on a 调休 day when asWeekday is not given', () => {
    assert.deepEqual(dayHours(streetCentre, calendar, '2026-09-20').sessions, [S('09:00', '12:00'), S('13:30', '17:00')]);
  });

  it('uses the weekday the notice names on a 调休 day', () => {
    const s = station({ hours: [...week('station', [1, 2, 3, 4], [['09:00', '17:00']]), ...week('station', [5], [['09:00', '12:00']])] });
    const cal = makeCalendar([{ date: '2026-10-10', kind: 'workday', name: '调休', asWeekday: 5 }]);
    assert.deepEqual(dayHours(s, cal, '2026-10-10').sessions, [S('09:00', '12:00')]);
  });

  it('lets a station exception beat the district calendar', () => {
    const d = dayHours(bank, calendar, '2026-10-01');
    assert.equal(d.kind, 'exception');
    assert.deepEqual(d.sessions, [S('09:00', '16:00')]);
    assert.equal(d.closedReason, null);
    assert.equal(d.note, '国庆节期间营业');
  });

  it('closes all day on a closing exception, giving its reason', () => {
    const d = dayHours(streetCentre, calendar, '2026-11-05');
    assert.equal(d.kind, 'exception');
    assert.deepEqual(d.sessions, []);
    assert.equal(d.closedReason, '系统升级');
  });

  it('keeps the shorter hours of an exception', () => {
    assert.deepEqual(dayHours(streetCentre, calendar, '2026-11-10').sessions, [S('09:00', '11:30')]);
  });

  it('treats an open exception without sessions as closed', () => {
    const s = station({
      hours: week('station', MON_FRI, [['09:00', '17:00']]),
      exceptions: [{ startDate: '2026-11-23', endDate: '2026-11-23', closed: false, sessions: [], reason: '停电' }],
    });
    const d = dayHours(s, noCalendar, '2026-11-23');
    assert.deepEqual(d.sessions, []);
    assert.equal(d.closedReason, '停电');
  });

  it('picks the narrowest of overlapping exceptions', () => {
    const month: HoursException = { startDate: '2026-11-01', endDate: '2026-11-30', closed: false, sessions: [S('09:00', '15:00')], reason: '冬季时间' };
    const day: HoursException = { startDate: '2026-11-18', endDate: '2026-11-18', closed: true, sessions: [], reason: '消防检查' };
    assert.equal(exceptionOn([day, month], '2026-11-18'), day);
    assert.equal(exceptionOn([month, day], '2026-11-18'), day);
    assert.equal(exceptionOn([month, day], '2026-11-19'), month);
    assert.equal(exceptionOn([month, day], '2026-12-01'), null);
  });

  describe('counter scope', () => {
    it('uses the counter hours when the station has any', () => {
      assert.deepEqual(dayHours(bank, calendar, '2026-11-23', 'counter').sessions, [S('09:00', '16:30')]);
      assert.deepEqual(dayHours(bank, calendar, '2026-11-23', 'station').sessions, [S('09:00', '19:00')]);
    });

    it('is closed on a day the counter has no rows even if the station opens', () => {
      assert.deepEqual(dayHours(bank, calendar, '2026-11-22', 'counter').sessions, []);
      assert.deepEqual(dayHours(bank, calendar, '2026-11-22', 'station').sessions, [S('09:00', '17:00')]);
    });

    it('falls back to station hours when the station has no counter rows', () => {
      assert.deepEqual(dayHours(streetCentre, calendar, '2026-11-24', 'counter'), dayHours(streetCentre, calendar, '2026-11-24'));
      assert.deepEqual(dayHours(streetCentre, calendar, '2026-11-10', 'counter').sessions, [S('09:00', '11:30')]);
    });

    it('intersects an exception with the regular counter hours', () => {
      // 10/2 is a Friday: counter 9:00–16:30 ∩ exception 9:00–16:00.
      assert.deepEqual(dayHours(bank, calendar, '2026-10-02', 'counter').sessions, [S('09:00', '16:00')]);
      // 10/3 is a Saturday: the counter never opens on Saturdays.
      const sat = dayHours(bank, calendar, '2026-10-03', 'counter');
      assert.deepEqual(sat.sessions, []);
      assert.equal(sat.closedReason, '国庆节期间营业');
    });

    it('applies holidays and 调休 to the counter too', () => {
      const s = station({ hours: [...week('station', MON_FRI, [['09:00', '19:00']]), ...week('counter', MON_FRI, [['09:00', '16:30']])] });
      assert.equal(dayHours(s, calendar, '2026-10-05', 'counter').closedReason, '国庆节');
      assert.deepEqual(dayHours(s, calendar, '2026-10-10', 'counter').sessions, [S('09:00', '16:30')]);
    });
  });

  describe('status', () => {
    const planned = station({ status: 'planned', openingDate: '2026-12-01', hours: week('station', MON_FRI, [['09:00', '17:00']]) });

    it('is planned before the opening date and open from it', () => {
      const before = dayHours(planned, calendar, '2026-11-30');
      assert.equal(before.kind, 'planned');
      assert.deepEqual(before.sessions, []);
      assert.equal(before.closedReason, '尚未启用');
      assert.equal(dayHours(planned, calendar, '2026-12-01').kind, 'regular');
      assert.deepEqual(dayHours(planned, calendar, '2026-12-01').sessions, [S('09:00', '17:00')]);
    });

    it('stays planned without an opening date', () => {
      assert.equal(dayHours({ ...planned, openingDate: null }, calendar, '2030-01-07').kind, 'planned');
    });

    it('does not open an operating station before its opening date', () => {
      assert.equal(dayHours({ ...planned, status: 'operating' }, calendar, '2026-11-30').kind, 'planned');
    });

    it('is closed every day while suspended, with the reason', () => {
      const s = { ...streetCentre, status: 'suspended' as const, statusReason: '场地装修' };
      const d = dayHours(s, calendar, '2026-11-24');
      assert.equal(d.kind, 'suspended');
      assert.deepEqual(d.sessions, []);
      assert.equal(d.closedReason, '场地装修');
      assert.equal(dayHours({ ...s, statusReason: null }, calendar, '2026-11-24').closedReason, '暂停服务');
    });
  });
});

// ---------------------------------------------------------------------------
// openState
// ---------------------------------------------------------------------------

