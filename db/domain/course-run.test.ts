import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  classDaysText,
  costDetailText,
  costText,
  dailyTimeText,
  dateRangeText,
  datedRangeText,
  deadlineCountdown,
  deadlineIsNear,
  deadlineText,
  isDualCertificate,
  runStatus,
  sortRunsForDisplay,
  startWindowEnd,
} from './course-run';

const TODAY = '2026-11-23';
const run = (over: Partial<{ startDate: string; endDate: string; seatsLeft: number; deadline: string }> = {}) => ({
  startDate: '2026-12-01',
  endDate: '2026-12-05',
  seatsLeft: 10,
  deadline: '2026-11-26',
  ...over,
});

describe('runStatus', () => {
  it('is 报名中 while seats are left and the deadline has not passed', () => {
    assert.equal(runStatus(run(), TODAY), 'open');
    // The deadline day itself still counts.
    assert.equal(runStatus(run({ deadline: TODAY }), TODAY), 'open');
  });

  it('is 已截止 the day after the deadline, before the start', () => {
    assert.equal(runStatus(run({ deadline: '2026-11-22' }), TODAY), 'closed');
  });

  it('is 已满 when no seats are left, even before the deadline', () => {
    assert.equal(runStatus(run({ seatsLeft: 0 }), TODAY), 'full');
    assert.equal(runStatus(run({ seatsLeft: 0, deadline: '2026-11-01' }), TODAY), 'full');
  });

  it('is 进行中 from the first day to the last day', () => {
    assert.equal(runStatus(run({ startDate: TODAY, endDate: '2026-11-28' }), TODAY), 'running');
    assert.equal(runStatus(run({ startDate: '2026-11-18', endDate: TODAY }), TODAY), 'running');
    assert.equal(runStatus(run({ startDate: '2026-11-18', endDate: '2026-11-28', seatsLeft: 0 }), TODAY), 'running');
  });

  it('is 已结束 the day after the last day', () => {
    assert.equal(runStatus(run({ startDate: '2026-11-10', endDate: '2026-11-22' }), TODAY), 'ended');
  });
});

describe('deadline countdown', () => {
  it('says 今天截止 on the last day and counts down before it', () => {
    assert.equal(deadlineText(TODAY, TODAY), '今天截止');
    assert.equal(deadlineText('2026-11-24', TODAY), '还剩1天截止');
    assert.equal(deadlineText('2026-11-26', TODAY), '还剩3天截止');
  });

  it('counts across month and year ends', () => {
    assert.equal(deadlineText('2027-01-02', '2026-12-30'), '还剩3天截止');
    assert.equal(deadlineText('2026-12-01', '2026-11-30'), '还剩1天截止');
  });

  it('gives a date for far deadlines and says when it has passed', () => {
    assert.equal(deadlineText('2027-01-20', TODAY), '1月20日截止');
    assert.equal(deadlineText('2026-11-22', TODAY), '报名已截止');
  });

  it('is shown only for runs open to sign-up', () => {
    assert.equal(deadlineCountdown(run(), TODAY), '还剩3天截止');
    assert.equal(deadlineCountdown(run({ seatsLeft: 0 }), TODAY), null);
    assert.equal(deadlineCountdown(run({ startDate: TODAY }), TODAY), null);
  });

  it('flags deadlines within three days', () => {
    assert.equal(deadlineIsNear(TODAY, TODAY), true);
    assert.equal(deadlineIsNear('2026-11-26', TODAY), true);
    assert.equal(deadlineIsNear('2026-11-27', TODAY), false);
    assert.equal(deadlineIsNear('2026-11-20', TODAY), false);
  });
});

describe('wording', () => {
  it('reads class days as residents say them', () => {
    assert.equal(classDaysText('1,2,3,4,5'), '周一至周五');
    assert.equal(classDaysText('6,7'), '周六、周日');
    assert.equal(classDaysText('1,3,5'), '周一、周三、周五');
    assert.equal(classDaysText('1,2,3,4,5,6,7'), '每天');
    assert.equal(classDaysText('5,1,2,3'), '周一至周三、周五');
    assert.equal(classDaysText('x,9'), '');
  });

  it('writes times and date ranges without leading zeros', () => {
    assert.equal(dailyTimeText('09:00', '16:30'), '9:00–16:30');
    assert.equal(dateRangeText('2026-12-01', '2026-12-05'), '12月1日–12月5日');
    assert.equal(dateRangeText('2026-12-28', '2027-01-03'), '2026年12月28日–2027年1月3日');
    assert.equal(dateRangeText('2026-12-01', '2026-12-01'), '12月1日');
  });

  it('says the year once on paper and posters, never twice', () => {
    assert.equal(datedRangeText('2026-12-01', '2026-12-05'), '2026年12月1日–12月5日');
    assert.equal(datedRangeText('2026-12-28', '2027-01-11'), '2026年12月28日–2027年1月11日');
    assert.equal(datedRangeText('2027-03-06', '2027-03-06'), '2027年3月6日');
  });

  it('states the cost', () => {
    assert.equal(costText({ costType: 'free', fee: null, subsidy: null }), '免费');
    assert.equal(costText({ costType: 'subsidy', fee: 1500, subsidy: 800 }), '补贴 800 元');
    assert.equal(costText({ costType: 'self', fee: 1200, subsidy: null }), '自费 1200 元');
    assert.equal(costText({ costType: 'self', fee: null, subsidy: null }), '自费');
    assert.match(costDetailText({ costType: 'subsidy', fee: 1500, subsidy: 800 }) ?? '', /个人实际承担约 700 元/);
    assert.equal(costDetailText({ costType: 'self', fee: 1200, subsidy: null }), null);
  });
});

describe('helpers', () => {
  it('recognises 一培双证', () => {
    assert.equal(isDualCertificate(['skill', 'licence']), true);
    assert.equal(isDualCertificate(['skill']), false);
    assert.equal(isDualCertificate(['licence', 'licence']), false);
  });

  it('ends start windows at the right day', () => {
    assert.equal(startWindowEnd('any', TODAY), null);
    assert.equal(startWindowEnd('2w', TODAY), '2026-12-07');
    // Counted from today across a month end and a year end, not to the end of a calendar month.
    assert.equal(startWindowEnd('2w', '2026-12-31'), '2027-01-14');
    assert.equal(startWindowEnd('1m', '2026-11-30'), '2026-12-30');
    assert.equal(startWindowEnd('1m', TODAY), '2026-12-23');
    assert.equal(startWindowEnd('3m', TODAY), '2027-02-21');
  });

  it('puts runs to come first and finished runs last, most recent first', () => {
    const runs = [
      { id: 1, startDate: '2026-10-01', endDate: '2026-10-05' },
      { id: 2, startDate: '2026-12-10', endDate: '2026-12-15' },
      { id: 3, startDate: '2026-11-20', endDate: '2026-11-25' },
      { id: 4, startDate: '2026-11-01', endDate: '2026-11-05' },
      { id: 5, startDate: '2026-12-01', endDate: '2026-12-05' },
    ];
    assert.deepEqual(
      sortRunsForDisplay(runs, TODAY).map((r) => r.id),
      [3, 5, 2, 4, 1],
    );
  });
});
