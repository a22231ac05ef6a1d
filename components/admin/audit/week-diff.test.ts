/** An hours change read as two weeks: the changed days found, the counter's hours apart, the shapes other writers log. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changedWeekdays, isWeekChange, isWeekList, weekDiff, type WeekSession } from './week-diff';
import { listDiff } from './list-diff';
import { auditText } from './strings';

const weekdays = (opens: string, closes: string, days = [1, 2, 3, 4, 5]): WeekSession[] => days.map((weekday) => ({ scope: 'station', weekday, opens, closes }));

describe('weekDiff', () => {
  it('adds Saturday morning: only 周六 changed, closed before', () => {
    const before = [...weekdays('09:00', '12:00'), ...weekdays('13:30', '17:00')];
    const after = [...before, { scope: 'station', weekday: 6, opens: '09:00', closes: '12:00' }];
    const diff = weekDiff(before, after);
    assert.equal(diff.length, 1);
    assert.equal(diff[0]!.scope, 'station');
    assert.deepEqual(changedWeekdays(diff), [6]);
    const sat = diff[0]!.days[5]!;
    assert.deepEqual([sat.before, sat.after, sat.changed], [[], ['09:00–12:00'], true]);
    // Sessions read in time order whatever order they were logged in.
    assert.deepEqual(diff[0]!.days[0]!.after, ['09:00–12:00', '13:30–17:00']);
    assert.equal(diff[0]!.days[0]!.changed, false);
  });

  it('a shortened afternoon on two days changes those two', () => {
    const before = weekdays('09:00', '17:00');
    const after = before.map((s) => (s.weekday === 2 || s.weekday === 4 ? { ...s, closes: '16:00' } : s));
    assert.deepEqual(changedWeekdays(weekDiff(before, after)), [2, 4]);
  });

  it('shows the counter apart from the station, only when either week has counter hours', () => {
    const before = weekdays('09:00', '17:00');
    const after = [...before, ...weekdays('09:00', '15:00', [1]).map((s) => ({ ...s, scope: 'counter' }))];
    const diff = weekDiff(before, after);
    assert.deepEqual(diff.map((s) => s.scope), ['station', 'counter']);
    assert.deepEqual(diff[0]!.days.map((d) => d.changed), [false, false, false, false, false, false, false]);
    assert.deepEqual(diff[1]!.days[0]!, { weekday: 1, before: [], after: ['09:00–15:00'], changed: true });
  });

  it('reads a week logged without a scope (the effective-dated shape) as the station', () => {
    const after = [{ weekday: 7, opens: '10:00', closes: '14:00' }];
    assert.deepEqual(changedWeekdays(weekDiff([], after)), [7]);
    assert.deepEqual(changedWeekdays(weekDiff(null, null)), []);
  });

  it('recognises a week and nothing else', () => {
    assert.ok(isWeekList(weekdays('09:00', '12:00')));
    assert.ok(isWeekList([]));
    assert.ok(!isWeekList([{ id: 1, startDate: '2026-12-01', closed: true }]));
    assert.ok(!isWeekList([{ weekday: 8, opens: '09:00', closes: '12:00' }]));
    assert.ok(!isWeekList('09:00'));
  });

  it('takes a change for a week only when both sides are weeks and one has a session', () => {
    const closure = [{ id: 4, startDate: '2026-12-07', endDate: '2026-12-07', closed: true, sessions: [], reason: '停电' }];
    // 恢复今日营业 empties the 临时调整: an empty list after a list of closures is no week.
    assert.equal(isWeekChange(closure, []), false);
    assert.equal(isWeekChange([], []), false);
    assert.equal(isWeekChange(weekdays('09:00', '12:00'), []), true);
    assert.equal(isWeekChange(null, weekdays('09:00', '12:00')), true);
  });
});

describe('listDiff', () => {
  it('matches 临时调整 by id: added, removed and changed', () => {
    const a = { id: 1, startDate: '2026-12-01', endDate: '2026-12-01', closed: true, reason: '检修' };
    const b = { id: 2, startDate: '2026-12-05', endDate: '2026-12-06', closed: true, reason: '培训' };
    const d = listDiff([a, b], [{ ...a, reason: '系统升级' }, { id: 3, startDate: '2026-12-09', endDate: '2026-12-09', closed: true, reason: '' }]);
    assert.deepEqual(d.added.map((x) => x.id), [3]);
    assert.deepEqual(d.removed.map((x) => x.id), [2]);
    assert.deepEqual(d.changed.map((c) => [c.before.reason, c.after.reason]), [['检修', '系统升级']]);
  });

  it('matches plain values by value and services by serviceId', () => {
    assert.deepEqual(listDiff(['a', 'b'], ['b', 'c']), { added: ['c'], removed: ['a'], changed: [] });
    const s = listDiff([{ serviceId: 1, mode: 'counter' }], [{ serviceId: 1, mode: 'both' }]);
    assert.equal(s.changed.length, 1);
  });
});

describe('effective date', () => {
  it('reads as people write a date', () => {
    assert.equal(auditText.effectiveFrom('2026-12-14'), '自 2026年12月14日 起生效');
    assert.equal(auditText.effectiveFrom('2027-01-05'), '自 2027年1月5日 起生效');
  });
});
