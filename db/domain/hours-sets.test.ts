/**
 * Weekly hours with an effective date: which week is in force on a day, and every view of the
 * engine around the day a change starts (the day and week tables, open now and the next
 * opening at Beijing midnight, a 调休 day, the changes ahead). Instants carry their offset, so
 * the answers do not depend on the zone the tests run in.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  SINCE_EVER,
  dayHours,
  hoursFrom,
  hoursOn,
  makeCalendar,
  nextOpening,
  openState,
  regularWeek,
  setStartOn,
  upcomingChanges,
  upcomingHoursChanges,
  weekTable,
  type WeeklySession,
} from './hours';
import { bj, noCalendar, station, week } from './hours-fixtures';

const SWITCH = '2026-12-13'; // a Sunday

const dated = (from: string, rows: WeeklySession[]) => rows.map((h) => ({ ...h, effectiveFrom: from }));

/** 社区卫生服务中心: Monday–Saturday 8:30–17:00 since ever; from SWITCH, Saturday and Sunday mornings only. */
const before = dated(SINCE_EVER, week('station', [1, 2, 3, 4, 5, 6], [['08:30', '17:00']]));
const after = dated(SWITCH, [...week('station', [1, 2, 3, 4, 5], [['08:30', '17:00']]), ...week('station', [6, 7], [['09:00', '12:00']])]);
const centre = station({ hours: [...before, ...after] });

describe('hoursOn: the week in force on a day', () => {
  it('picks the week whose first day is the latest on or before the day', () => {
    assert.deepEqual(hoursOn(centre.hours, '2026-12-12'), before);
    assert.deepEqual(hoursOn(centre.hours, SWITCH), after);
    assert.deepEqual(hoursOn(centre.hours, '2027-06-01'), after);
    assert.equal(setStartOn(centre.hours, '2026-12-12'), SINCE_EVER);
    assert.equal(setStartOn(centre.hours, '2026-12-20'), SWITCH);
  });

  it('has no hours before the first week of a station whose hours were first entered on a day', () => {
    const fresh = dated('2026-12-07', week('station', [1], [['09:00', '17:00']]));
    assert.deepEqual(hoursOn(fresh, '2026-12-06'), []);
    assert.equal(hoursOn(fresh, '2026-12-07').length, 1);
  });

  it('reads rows without a date as in force since ever, and without a day gives the latest week', () => {
    const plain = week('station', [1, 2], [['09:00', '17:00']]);
    assert.deepEqual(hoursOn(plain, '2026-12-12'), plain);
    assert.deepEqual(hoursOn(centre.hours), after);
  });

  it('keeps only the weeks a reader from a day on can need', () => {
    assert.deepEqual(hoursFrom(centre.hours, '2026-12-01'), centre.hours);
    assert.deepEqual(hoursFrom(centre.hours, '2026-12-20'), after);
  });
});

describe('the day and week views around the day a change starts', () => {
  it('keeps last Saturday at its old hours and shows the new ones from the change on', () => {
    assert.deepEqual(dayHours(centre, noCalendar, '2026-12-12').sessions, [{ opens: '08:30', closes: '17:00' }]);
    assert.deepEqual(dayHours(centre, noCalendar, '2026-12-19').sessions, [{ opens: '09:00', closes: '12:00' }]);
    assert.deepEqual(dayHours(centre, noCalendar, '2026-12-06').sessions, [], 'a Sunday before the change stays closed');
    assert.deepEqual(dayHours(centre, noCalendar, SWITCH).sessions, [{ opens: '09:00', closes: '12:00' }]);
  });

  it('gives each row of a week table that straddles the change the week of its own day', () => {
    const rows = weekTable(centre, noCalendar, '2026-12-11');
    assert.deepEqual(
      rows.map((r) => [r.date, r.weekdayName, r.display]),
      [
        ['2026-12-11', '周五', '8:30–17:00'],
        ['2026-12-12', '周六', '8:30–17:00'],
        ['2026-12-13', '周日', '9:00–12:00'],
        ['2026-12-14', '周一', '8:30–17:00'],
        ['2026-12-15', '周二', '8:30–17:00'],
        ['2026-12-16', '周三', '8:30–17:00'],
        ['2026-12-17', '周四', '8:30–17:00'],
      ],
    );
  });

  it('shows the regular week of the day asked for', () => {
    const display = (date: string) => regularWeek(centre, 'station', date).map((d) => d.display);
    assert.deepEqual(display('2026-12-12'), ['8:30–17:00', '8:30–17:00', '8:30–17:00', '8:30–17:00', '8:30–17:00', '8:30–17:00', '休息']);
    assert.deepEqual(display(SWITCH), ['8:30–17:00', '8:30–17:00', '8:30–17:00', '8:30–17:00', '8:30–17:00', '9:00–12:00', '9:00–12:00']);
  });
});

describe('open now at Beijing midnight around the change', () => {
  it('reads Saturday night with the old week and opens on Sunday with the new one', () => {
    // 23:59 Saturday in Beijing is 15:59Z the same Saturday.
    const night = bj('2026-12-12T23:59');
    assert.equal(night.toISOString(), '2026-12-12T15:59:00.000Z');
    const s = openState(centre, noCalendar, night);
    assert.equal(s.open, false);
    assert.equal(s.text, '已下班，明天 9:00 开门', 'Sunday morning exists only in the new week');
    assert.deepEqual(nextOpening(centre, noCalendar, night), { date: SWITCH, time: '9:00' });
  });

  it('takes the new week at 0:00 Beijing, while UTC still reads Saturday', () => {
    const midnight = bj('2026-12-13T00:00');
    assert.equal(midnight.toISOString().slice(0, 10), '2026-12-12', 'UTC is still on Saturday');
    assert.equal(openState(centre, noCalendar, midnight).text, '今天 9:00 开门');
    assert.equal(openState(centre, noCalendar, bj('2026-12-13T10:00')).text, '营业中，12:00 结束');
    assert.equal(openState(centre, noCalendar, bj('2026-12-12T10:00')).text, '营业中，17:00 结束', 'last Saturday kept its afternoon');
  });
});

describe('a 调休 day borrows a weekday of the week in force on that day', () => {
  const monday = station({
    hours: [
      ...dated(SINCE_EVER, week('station', [1, 2, 3, 4, 5], [['08:30', '17:00']])),
      ...dated(SWITCH, week('station', [1, 2, 3, 4, 5], [['09:00', '12:00']])),
    ],
  });
  const cal = makeCalendar([
    { date: '2026-12-12', kind: 'workday', name: '调休上班', asWeekday: 1 },
    { date: '2026-12-19', kind: 'workday', name: '调休上班', asWeekday: 1 },
  ]);

  it('works a Saturday before the change with the old Monday and one after with the new Monday', () => {
    const sat1 = dayHours(monday, cal, '2026-12-12');
    const sat2 = dayHours(monday, cal, '2026-12-19');
    assert.equal(sat1.kind, 'workday');
    assert.deepEqual(sat1.sessions, [{ opens: '08:30', closes: '17:00' }]);
    assert.deepEqual(sat2.sessions, [{ opens: '09:00', closes: '12:00' }]);
  });

  it('compares a dated day with the week of that day when listing changes', () => {
    // A 调休 Saturday is a change (closed on a regular Saturday) in either week.
    const changes = upcomingChanges(monday, cal, '2026-12-10', 14);
    assert.deepEqual(
      changes.map((c) => c.text),
      ['12月12日（周六） 调休上班 8:30–17:00', '12月19日（周六） 调休上班 9:00–12:00'],
    );
  });
});

describe('upcomingHoursChanges: what a resident is told ahead', () => {
  it('says from when and which weekdays change', () => {
    const changes = upcomingHoursChanges(centre.hours, '2026-12-06');
    assert.equal(changes.length, 1);
    assert.equal(changes[0]!.text, '自12月13日起，周六、周日 9:00–12:00');
    assert.deepEqual(
      changes[0]!.station.map((d) => [d.weekdayName, d.before, d.after]),
      [
        ['周六', '8:30–17:00', '9:00–12:00'],
        ['周日', '休息', '9:00–12:00'],
      ],
    );
  });

  it('says nothing once the change has started, nor for a week that changes nothing', () => {
    assert.deepEqual(upcomingHoursChanges(centre.hours, SWITCH), []);
    const same = [...before, ...dated('2027-01-04', before.map(({ effectiveFrom: _, ...h }) => h))];
    assert.deepEqual(upcomingHoursChanges(same, '2026-12-06'), []);
  });

  it('names the counter when only its hours change', () => {
    const bank = [
      ...dated(SINCE_EVER, [...week('station', [1, 2, 3, 4, 5], [['09:00', '17:00']]), ...week('counter', [1, 2, 3, 4, 5], [['09:00', '16:30']])]),
      ...dated('2027-01-04', [...week('station', [1, 2, 3, 4, 5], [['09:00', '17:00']]), ...week('counter', [1, 2, 3, 4, 5], [['09:00', '15:00']])]),
    ];
    const [c] = upcomingHoursChanges(bank, '2026-12-06', '人工窗口');
    assert.equal(c!.text, '自1月4日起，人工窗口周一至周五 9:00–15:00');
  });
});
