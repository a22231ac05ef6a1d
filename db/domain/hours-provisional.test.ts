/**
 * Which guessed holiday years a status line leans on: only the days the district calendar
 * decided, between today and the next opening the line names.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeCalendar, type StationSchedule, type WeeklySession } from './hours-types';
import { openState } from './hours-status';
import { provisionalYearsOfState } from './hours-provisional';

const weekdays: WeeklySession[] = [1, 2, 3, 4, 5].map((weekday) => ({ scope: 'station', weekday, opens: '09:00', closes: '17:00' }));
const calendar = makeCalendar([
  { date: '2027-01-01', kind: 'holiday', name: '元旦', asWeekday: null, provisional: true },
  { date: '2026-12-31', kind: 'holiday', name: '试用', asWeekday: null, provisional: false },
]);
const operating: StationSchedule = { status: 'operating', openingDate: null, statusReason: null, hours: weekdays, exceptions: [] };

describe('provisional years of a status line', () => {
  it('a station shut on a guessed holiday leans on that year', () => {
    const now = new Date('2027-01-01T10:00:00+08:00');
    const state = openState(operating, calendar, now);
    assert.deepEqual(provisionalYearsOfState(calendar, '2027-01-01', state, operating), [2027]);
  });

  it('a planned station opening after a guessed holiday does not: it is shut because it has not opened', () => {
    const planned: StationSchedule = { ...operating, status: 'planned', openingDate: '2027-01-11' };
    const now = new Date('2026-12-28T10:00:00+08:00');
    const state = openState(planned, calendar, now);
    assert.equal(state.label, '尚未启用');
    assert.deepEqual(provisionalYearsOfState(calendar, '2026-12-28', state, planned), []);
  });

  it('a 临时调整 over a guessed holiday decides the day itself', () => {
    const open: StationSchedule = {
      ...operating,
      exceptions: [{ startDate: '2027-01-01', endDate: '2027-01-01', closed: false, sessions: [{ opens: '09:00', closes: '12:00' }], reason: '元旦值班' }],
    };
    const now = new Date('2027-01-01T08:00:00+08:00');
    const state = openState(open, calendar, now);
    assert.deepEqual(provisionalYearsOfState(calendar, '2027-01-01', state, open), []);
  });
});
