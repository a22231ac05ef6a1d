/**
 * Opening-hours engine. Every instant is fixed and written with an explicit offset, so the
 * suite gives the same answers under TZ=Asia/Shanghai, UTC and America/New_York.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Session } from '../schema';
import {
  dayHours,
  exceptionOn,
  formatSessions,
  isOpenAt,
  isOpenOn,
  makeCalendar,
  nextOpening,
  normalizeSessions,
  openState,
  opensEvenings,
  opensWeekends,
  regularWeek,
  relativeDay,
  shortReason,
  upcomingChanges,
  weekTable,
  type CalendarEntry,
  type HoursException,
  type StationSchedule,
  type WeeklySession,
} from './hours';
import { addDays } from './time';

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

/** A Beijing wall-clock time as the instant it denotes ('2026-10-01T10:00' → 02:00Z). */
function bj(local: string): Date {
  return new Date(`${local}:00+08:00`);
}

function week(scope: 'station' | 'counter', weekdays: number[], sessions: [string, string][]): WeeklySession[] {
  return weekdays.flatMap((weekday) => sessions.map(([opens, closes]) => ({ scope, weekday, opens, closes })));
}

function station(over: Partial<StationSchedule> = {}): StationSchedule {
  return { status: 'operating', openingDate: null, statusReason: null, hours: [], exceptions: [], ...over };
}

const MON_FRI = [1, 2, 3, 4, 5];

/** 国庆节 2026: 10/1–10/7 off, Sunday 9/20 and Saturday 10/10 worked. */
const NATIONAL_DAY: CalendarEntry[] = [
  ...[1, 2, 3, 4, 5, 6, 7].map(
    (d): CalendarEntry => ({ date: `2026-10-0${d}`, kind: 'holiday', name: '国庆节', asWeekday: null }),
  ),
  { date: '2026-09-20', kind: 'workday', name: '国庆节调休', asWeekday: null },
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休', asWeekday: 1 },
];
const calendar = makeCalendar(NATIONAL_DAY);
const noCalendar = makeCalendar([]);

/** 街道社保所: Monday–Friday with a lunch break. */
const streetCentre = station({
  hours: week('station', MON_FRI, [
    ['09:00', '12:00'],
    ['13:30', '17:00'],
  ]),
  exceptions: [
    { startDate: '2026-11-05', endDate: '2026-11-05', closed: true, sessions: [], reason: '系统升级' },
    { startDate: '2026-11-10', endDate: '2026-11-10', closed: false, sessions: [{ opens: '09:00', closes: '11:30' }], reason: '内部培训' },
  ],
});

/** 社区卫生服务中心: Monday–Saturday, written without leading zeros. */
const communityHealth = station({ hours: week('station', [1, 2, 3, 4, 5, 6], [['8:30', '17:00']]) });

/** A bank branch: long station hours, a shorter insurance counter, open through 国庆节. */
const bank = station({
  hours: [
    ...week('station', MON_FRI, [['09:00', '19:00']]),
    ...week('station', [6, 7], [['09:00', '17:00']]),
    ...week('counter', MON_FRI, [['09:00', '16:30']]),
  ],
  exceptions: [
    { startDate: '2026-10-01', endDate: '2026-10-07', closed: false, sessions: [{ opens: '09:00', closes: '16:00' }], reason: '国庆节期间营业' },
  ],
});

const S = (opens: string, closes: string): Session => ({ opens, closes });

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
      assert.equal(before.closedReason, '即将开放');
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
    assert.equal(st.label, '即将开放');
    assert.equal(st.text, '即将开放，12月1日启用');
    assert.deepEqual(st.next, { date: '2026-12-01', time: '9:00' });
    assert.equal(openState(planned, calendar, bj('2026-12-01T10:00')).text, '营业中，17:00 结束');
    assert.equal(openState({ ...planned, openingDate: null }, calendar, bj('2026-11-23T10:00')).text, '即将开放');
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

// ---------------------------------------------------------------------------
// Tables, changes, summaries
// ---------------------------------------------------------------------------

describe('weekTable', () => {
  it('lists the seven days from today and marks today', () => {
    const rows = weekTable(streetCentre, calendar, '2026-10-01');
    assert.deepEqual(
      rows.map((r) => [r.date, r.weekdayName, r.isToday, r.display]),
      [
        ['2026-10-01', '周四', true, '休息（国庆节）'],
        ['2026-10-02', '周五', false, '休息（国庆节）'],
        ['2026-10-03', '周六', false, '休息（国庆节）'],
        ['2026-10-04', '周日', false, '休息（国庆节）'],
        ['2026-10-05', '周一', false, '休息（国庆节）'],
        ['2026-10-06', '周二', false, '休息（国庆节）'],
        ['2026-10-07', '周三', false, '休息（国庆节）'],
      ],
    );
  });

  it('on a Sunday shows the coming week, not the six days gone', () => {
    const rows = weekTable(streetCentre, calendar, '2026-11-22');
    assert.deepEqual(
      rows.map((r) => [r.date, r.weekdayName, r.isToday]),
      [
        ['2026-11-22', '周日', true],
        ['2026-11-23', '周一', false],
        ['2026-11-24', '周二', false],
        ['2026-11-25', '周三', false],
        ['2026-11-26', '周四', false],
        ['2026-11-27', '周五', false],
        ['2026-11-28', '周六', false],
      ],
    );
    assert.equal(rows[0]?.display, '休息');
    assert.equal(rows[1]?.display, '9:00–12:00、13:30–17:00');
  });

  it('a closure from tomorrow is in the table on any weekday, Sunday included', () => {
    for (let i = 0; i < 7; i++) {
      const today = addDays('2026-11-01', i);
      const closed = station({
        ...streetCentre,
        hours: week('station', [1, 2, 3, 4, 5, 6, 7], [['09:00', '17:00']]),
        exceptions: [{ startDate: addDays(today, 1), endDate: addDays(today, 2), closed: true, sessions: [], reason: '设备检修' }],
      });
      const rows = weekTable(closed, noCalendar, today);
      assert.equal(rows[0]?.date, today);
      assert.deepEqual(rows.slice(1, 3).map((r) => r.display), ['休息（设备检修）', '休息（设备检修）'], today);
    }
  });

  it('shows exceptions and 调休 days, across a month end', () => {
    const rows = weekTable(streetCentre, calendar, '2026-10-08');
    assert.equal(rows[2]?.date, '2026-10-10');
    assert.equal(rows[2]?.kind, 'workday');
    assert.equal(rows[2]?.display, '9:00–12:00、13:30–17:00');
    const nov = weekTable(streetCentre, calendar, '2026-11-02');
    assert.equal(nov[3]?.date, '2026-11-05');
    assert.equal(nov[3]?.display, '休息（系统升级）');
    assert.equal(weekTable(streetCentre, calendar, '2026-11-10')[0]?.display, '9:00–11:30');
    const turn = weekTable(streetCentre, calendar, '2026-09-28');
    assert.deepEqual(turn.map((r) => r.date), ['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04']);
    assert.equal(turn[2]?.display, '9:00–12:00、13:30–17:00');
    assert.equal(turn[3]?.display, '休息（国庆节）');
  });

  it('shows the counter hours when asked', () => {
    const rows = weekTable(bank, calendar, '2026-11-23', 'counter');
    assert.deepEqual(rows.map((r) => r.display), ['9:00–16:30', '9:00–16:30', '9:00–16:30', '9:00–16:30', '9:00–16:30', '休息', '休息']);
  });

  it('labels planned and suspended days', () => {
    const planned = station({ status: 'planned', openingDate: '2026-11-26', hours: week('station', MON_FRI, [['09:00', '17:00']]) });
    assert.deepEqual(
      weekTable(planned, calendar, '2026-11-23').map((r) => r.display),
      ['即将开放', '即将开放', '即将开放', '9:00–17:00', '9:00–17:00', '休息', '休息'],
    );
    // Seen from a Sunday, the opening falls inside the seven days.
    assert.deepEqual(
      weekTable(planned, calendar, '2026-11-22').map((r) => r.display),
      ['即将开放', '即将开放', '即将开放', '即将开放', '9:00–17:00', '9:00–17:00', '休息'],
    );
    const suspended = { ...streetCentre, status: 'suspended' as const, statusReason: '场地装修' };
    assert.equal(weekTable(suspended, calendar, '2026-11-23')[0]?.display, '暂停服务');
  });
});

describe('regularWeek', () => {
  it('gives the usual pattern, Monday first', () => {
    assert.deepEqual(regularWeek(bank).map((d) => d.display), ['9:00–19:00', '9:00–19:00', '9:00–19:00', '9:00–19:00', '9:00–19:00', '9:00–17:00', '9:00–17:00']);
    assert.equal(regularWeek(bank, 'counter')[5]?.display, '休息');
  });
});

describe('upcomingChanges', () => {
  it('merges 国庆节 into one range and lists the 调休 days', () => {
    const changes = upcomingChanges(streetCentre, calendar, '2026-09-15');
    assert.deepEqual(
      changes.map((c) => [c.startDate, c.endDate, c.kind, c.reason, c.closed, c.text]),
      [
        ['2026-09-20', '2026-09-20', 'workday', '国庆节调休', false, '9月20日（周日） 调休上班 9:00–12:00、13:30–17:00'],
        ['2026-10-01', '2026-10-07', 'holiday', '国庆节', true, '10月1日–10月7日 国庆节休息'],
        ['2026-10-10', '2026-10-10', 'workday', '国庆节调休', false, '10月10日（周六） 调休上班 9:00–12:00、13:30–17:00'],
      ],
    );
    assert.equal(changes[1]?.days.length, 7);
    assert.deepEqual(changes[1]?.sessions, []);
  });

  it('stops at the end of the window', () => {
    const changes = upcomingChanges(streetCentre, calendar, '2026-09-15', 20); // to 10/4
    assert.deepEqual(changes.map((c) => [c.startDate, c.endDate]), [
      ['2026-09-20', '2026-09-20'],
      ['2026-10-01', '2026-10-04'],
    ]);
  });

  it('lists station exceptions with their hours', () => {
    const changes = upcomingChanges(streetCentre, calendar, '2026-11-01');
    assert.deepEqual(changes.map((c) => c.text), ['11月5日 休息（系统升级）', '11月10日 9:00–11:30（内部培训）']);
    assert.deepEqual(changes[1]?.sessions, [S('09:00', '11:30')]);
  });

  it("shows a bank's holiday hours as one range", () => {
    const changes = upcomingChanges(bank, calendar, '2026-09-15');
    assert.deepEqual(
      changes.map((c) => c.text),
      ['9月20日（周日） 调休上班 9:00–19:00', '10月1日–10月7日 9:00–16:00（国庆节期间营业）', '10月10日（周六） 调休上班 9:00–19:00'],
    );
  });

  it('leaves out days whose hours do not change', () => {
    // A Monday–Saturday station keeps the same hours on 调休 Saturday 10/10.
    assert.deepEqual(
      upcomingChanges(communityHealth, calendar, '2026-09-15').map((c) => [c.startDate, c.endDate]),
      [
        ['2026-09-20', '2026-09-20'],
        ['2026-10-01', '2026-10-07'],
      ],
    );
    // A holiday that only falls on a day the station is closed anyway.
    const sundayHoliday = makeCalendar([{ date: '2026-11-22', kind: 'holiday', name: '测试假日', asWeekday: null }]);
    assert.deepEqual(upcomingChanges(streetCentre, sundayHoliday, '2026-11-16', 14), []);
  });

  it('has nothing for planned or suspended stations', () => {
    assert.deepEqual(upcomingChanges({ ...streetCentre, status: 'planned', openingDate: '2027-01-01' }, calendar, '2026-09-15'), []);
    assert.deepEqual(upcomingChanges({ ...streetCentre, status: 'suspended', statusReason: '装修' }, calendar, '2026-09-15'), []);
  });
});

describe('summaries', () => {
  it('knows which stations open in the evening', () => {
    assert.equal(opensEvenings(bank.hours), true);
    assert.equal(opensEvenings(streetCentre.hours), false);
    assert.equal(opensEvenings(week('station', [1], [['09:00', '18:00']])), false);
    assert.equal(opensEvenings(week('station', [6], [['09:00', '20:00']])), false);
    assert.equal(opensEvenings(week('counter', [1], [['09:00', '20:00']])), false);
  });

  it('knows which stations open at weekends', () => {
    assert.equal(opensWeekends(bank.hours), true);
    assert.equal(opensWeekends(communityHealth.hours), true);
    assert.equal(opensWeekends(streetCentre.hours), false);
    assert.equal(opensWeekends(week('counter', [6], [['09:00', '12:00']])), false);
  });

  it('formats sessions for display', () => {
    assert.equal(formatSessions([S('13:30', '17:00'), S('09:00', '12:00')]), '9:00–12:00、13:30–17:00');
    assert.equal(formatSessions([S('20:00', '24:00')]), '20:00–24:00');
    assert.equal(formatSessions([]), '');
  });

  it('words days relative to today', () => {
    assert.equal(relativeDay('2026-11-23', '2026-11-23'), '今天');
    assert.equal(relativeDay('2026-11-24', '2026-11-23'), '明天');
    assert.equal(relativeDay('2026-11-25', '2026-11-23'), '周三');
    assert.equal(relativeDay('2026-11-29', '2026-11-23'), '周日');
    assert.equal(relativeDay('2026-11-30', '2026-11-23'), '11月30日');
    assert.equal(relativeDay('2027-01-01', '2026-12-31'), '明天');
  });

  it('tells whether a station opens on a day', () => {
    assert.equal(isOpenOn(streetCentre, calendar, '2026-10-10'), true);
    assert.equal(isOpenOn(streetCentre, calendar, '2026-10-09'), true);
    assert.equal(isOpenOn(streetCentre, calendar, '2026-10-08'), true);
    assert.equal(isOpenOn(streetCentre, calendar, '2026-10-07'), false);
  });

  it('lets a later calendar row for the same day win', () => {
    const cal = makeCalendar([
      { date: '2026-10-10', kind: 'holiday', name: '旧', asWeekday: null },
      { date: '2026-10-10', kind: 'workday', name: '新', asWeekday: 1 },
    ]);
    assert.equal(cal.get('2026-10-10')?.name, '新');
  });
});

// ---------------------------------------------------------------------------
// Long reasons: a short label in cells and sentences, the full text once
// ---------------------------------------------------------------------------

describe('long reasons', () => {
  const LONG = '医保信息系统升级，暂停服务两天。急办的业务请到就近的其他驿站，或用手机在“北京医保公共服务平台”办理。';
  const upgrade = station({
    hours: week('station', MON_FRI, [['09:00', '17:30']]),
    exceptions: [{ startDate: '2026-11-24', endDate: '2026-11-25', closed: true, sessions: [], reason: LONG }],
  });

  it('shortReason takes the first clause, or a fallback when that is too long', () => {
    assert.equal(shortReason(LONG, '临时闭站'), '医保信息系统升级');
    assert.equal(shortReason('系统升级', '临时闭站'), '系统升级');
    assert.equal(shortReason('  停电。 ', '临时闭站'), '停电');
    assert.equal(shortReason('因为所在大楼进行消防设施年度检测和整改所以闭站', '临时闭站'), '临时闭站');
    assert.equal(shortReason('', '临时闭站'), '临时闭站');
  });

  it('dayHours gives the short label and keeps the full reason aside', () => {
    const d = dayHours(upgrade, noCalendar, '2026-11-24');
    assert.equal(d.closedReason, '医保信息系统升级');
    assert.equal(d.note, '医保信息系统升级');
    assert.equal(d.fullReason, LONG);
    assert.equal(dayHours(streetCentre, calendar, '2026-11-05').fullReason, null, 'a short reason is not repeated');
  });

  it('a reason with no short first clause reads 临时闭站 / 临时调整', () => {
    const s = station({
      hours: week('station', MON_FRI, [['09:00', '17:00']]),
      exceptions: [
        { startDate: '2026-11-23', endDate: '2026-11-23', closed: true, sessions: [], reason: '所在大楼进行消防设施年度检测和整改工作' },
        { startDate: '2026-11-24', endDate: '2026-11-24', closed: false, sessions: [S('09:00', '12:00')], reason: '工作人员参加全区医保业务培训半天' },
      ],
    });
    assert.equal(dayHours(s, noCalendar, '2026-11-23').closedReason, '临时闭站');
    assert.equal(dayHours(s, noCalendar, '2026-11-24').note, '临时调整');
    assert.equal(openState(s, noCalendar, bj('2026-11-23T10:00')).text, '今日休息（临时闭站），明天 9:00 开门');
  });

  it('status sentence and week table use the short label', () => {
    assert.equal(openState(upgrade, noCalendar, bj('2026-11-24T10:00')).text, '今日休息（医保信息系统升级），周四 9:00 开门');
    const rows = weekTable(upgrade, noCalendar, '2026-11-24');
    assert.equal(rows[0]?.display, '休息（医保信息系统升级）');
    assert.equal(rows[1]?.display, '休息（医保信息系统升级）');
    assert.equal(rows[2]?.display, '9:00–17:30');
    assert.ok(rows.every((r) => !r.display.includes('急办')));
  });

  it('the list of changes carries the full reason, once per range', () => {
    const changes = upcomingChanges(upgrade, noCalendar, '2026-11-23', 7);
    assert.equal(changes.length, 1);
    assert.equal(changes[0]?.text, `11月24日–11月25日 休息（${LONG}）`);
  });

  it('a long suspension reason is shortened in the status sentence', () => {
    const s = { ...streetCentre, status: 'suspended' as const, statusReason: '场地装修，预计明年三月恢复服务，期间请到附近驿站办理' };
    assert.equal(openState(s, calendar, bj('2026-11-24T10:00')).text, '暂停服务（场地装修）');
    assert.equal(dayHours(s, calendar, '2026-11-24').fullReason, s.statusReason);
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
