import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateRuns, expandRange, groupArrangements, overlapsOf, rangeProblems, sameRows, type CalendarDayRow, type CalendarRangeInput } from './calendar-range';

const chunjie: CalendarRangeInput = {
  name: '春节',
  kind: 'holiday',
  from: '2026-02-15',
  to: '2026-02-23',
  asWeekday: null,
  makeup: [
    { date: '2026-02-28', asWeekday: 5 },
    { date: '2026-02-14', asWeekday: 1 },
  ],
};

test('春节 in one entry: nine days off and two make-up days, in date order', () => {
  const rows = expandRange(chunjie);
  assert.equal(rows.length, 11);
  assert.deepEqual(rows[0], { date: '2026-02-14', kind: 'workday', name: '春节调休上班', asWeekday: 1 });
  assert.deepEqual(rows[1], { date: '2026-02-15', kind: 'holiday', name: '春节', asWeekday: null });
  assert.deepEqual(rows[9], { date: '2026-02-23', kind: 'holiday', name: '春节', asWeekday: null });
  assert.deepEqual(rows[10], { date: '2026-02-28', kind: 'workday', name: '春节调休上班', asWeekday: 5 });
  assert.equal(rows.filter((r) => r.kind === 'holiday').length, 9);
  assert.deepEqual(rangeProblems(chunjie), []);
});

test('a range across the new year expands over both years', () => {
  const rows = expandRange({ name: '元旦', kind: 'holiday', from: '2026-12-31', to: '2027-01-02', asWeekday: null, makeup: [{ date: '2027-01-09', asWeekday: 1 }] });
  assert.deepEqual(
    rows.map((r) => r.date),
    ['2026-12-31', '2027-01-01', '2027-01-02', '2027-01-09'],
  );
});

test('one day is a range of one; a make-up range keeps its weekday', () => {
  assert.deepEqual(expandRange({ ...chunjie, from: '2026-10-01', to: '2026-10-01', makeup: [] }), [
    { date: '2026-10-01', kind: 'holiday', name: '春节', asWeekday: null },
  ]);
  assert.deepEqual(expandRange({ name: '国庆节调休上班', kind: 'workday', from: '2026-09-20', to: '2026-09-20', asWeekday: 3, makeup: [] }), [
    { date: '2026-09-20', kind: 'workday', name: '国庆节调休上班', asWeekday: 3 },
  ]);
});

test('problems: end before start, too long, a make-up day inside the range, on a weekday, or twice', () => {
  assert.deepEqual(rangeProblems({ ...chunjie, from: '2026-02-23', to: '2026-02-15' }), [{ path: 'to', code: 'before-from' }]);
  assert.deepEqual(rangeProblems({ ...chunjie, from: '2026-01-01', to: '2026-03-01' }), [{ path: 'to', code: 'too-long' }]);
  assert.deepEqual(rangeProblems({ ...chunjie, makeup: [{ date: '2026-02-21', asWeekday: 1 }] }), [{ path: 'makeup.0.date', code: 'inside-range', date: '2026-02-21' }]);
  assert.deepEqual(rangeProblems({ ...chunjie, makeup: [{ date: '2026-02-27', asWeekday: 1 }] }), [
    { path: 'makeup.0.date', code: 'not-weekend', date: '2026-02-27', weekday: 5 },
  ]);
  assert.deepEqual(
    rangeProblems({
      ...chunjie,
      makeup: [
        { date: '2026-02-14', asWeekday: 1 },
        { date: '2026-02-14', asWeekday: 2 },
      ],
    }),
    [{ path: 'makeup.1.date', code: 'repeated', date: '2026-02-14' }],
  );
  // A make-up range must be weekend days only: 2026-09-18 is a Friday.
  assert.deepEqual(rangeProblems({ kind: 'workday', from: '2026-09-18', to: '2026-09-19', makeup: [] }), [
    { path: 'from', code: 'not-weekend', date: '2026-09-18', weekday: 5 },
  ]);
});

test('overlaps: only the existing rows on the entered days, and the check that they are still what was seen', () => {
  const existing: CalendarDayRow[] = [
    { date: '2026-02-13', kind: 'holiday', name: '别的', asWeekday: null },
    { date: '2026-02-28', kind: 'workday', name: '旧调休', asWeekday: 1 },
    { date: '2026-02-16', kind: 'holiday', name: '春节(旧)', asWeekday: null },
  ];
  const over = overlapsOf(expandRange(chunjie), existing);
  assert.deepEqual(
    over.map((r) => r.date),
    ['2026-02-16', '2026-02-28'],
  );
  assert.equal(sameRows(over, [...over].reverse()), true);
  assert.equal(sameRows(over, [over[0]!, { ...over[1]!, asWeekday: 2 }]), false);
  assert.equal(sameRows(over, [over[0]!]), false);
});

test('the list groups days into arrangements: make-up days join their holiday, other years stay apart', () => {
  const rows = [
    ...expandRange({ name: '国庆节', kind: 'holiday', from: '2026-10-01', to: '2026-10-07', asWeekday: null, makeup: [{ date: '2026-09-20', asWeekday: 1 }, { date: '2026-10-10', asWeekday: 1 }] }),
    ...expandRange({ name: '元旦', kind: 'holiday', from: '2026-12-31', to: '2027-01-02', asWeekday: null, makeup: [] }),
    ...expandRange({ name: '元旦', kind: 'holiday', from: '2026-01-01', to: '2026-01-03', asWeekday: null, makeup: [] }),
  ].reverse();
  const groups = groupArrangements(rows);
  assert.deepEqual(
    groups.map((g) => [g.name, g.first, g.last, g.holidays.length, g.workdays.length]),
    [
      ['元旦', '2026-01-01', '2026-01-03', 3, 0],
      ['国庆节', '2026-09-20', '2026-10-10', 7, 2],
      ['元旦', '2026-12-31', '2027-01-02', 3, 0],
    ],
  );
  assert.deepEqual(dateRuns(['2026-10-03', '2026-10-01', '2026-10-02', '2026-10-05']), [
    ['2026-10-01', '2026-10-03'],
    ['2026-10-05', '2026-10-05'],
  ]);
});
