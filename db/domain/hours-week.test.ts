/**
 * Opening-hours engine, tables and summaries: the week table, the regular week, the dated
 * changes ahead, evenings and weekends, long reasons. Every instant is fixed and written with an
 * explicit offset, so the suite gives the same answers under TZ=Asia/Shanghai, UTC and
 * America/New_York.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  dayHours,
  formatSessions,
  isOpenOn,
  makeCalendar,
  openState,
  opensEvenings,
  opensWeekends,
  regularWeek,
  relativeDay,
  shortReason,
  upcomingChanges,
  weekTable,
} from './hours';
import { addDays } from './time';
import { bj, week, station, MON_FRI, calendar, noCalendar, streetCentre, communityHealth, bank, S } from './hours-fixtures';

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
      ['尚未启用', '尚未启用', '尚未启用', '9:00–17:00', '9:00–17:00', '休息', '休息'],
    );
    // Seen from a Sunday, the opening falls inside the seven days.
    assert.deepEqual(
      weekTable(planned, calendar, '2026-11-22').map((r) => r.display),
      ['尚未启用', '尚未启用', '尚未启用', '尚未启用', '9:00–17:00', '9:00–17:00', '休息'],
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
