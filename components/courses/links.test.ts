import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { courseHref, courseListHref, listNarrows, matchedRunsHref } from './links';

describe('course links carry the list filters', () => {
  it('keeps the filters and the origin, drops the page and the view', () => {
    assert.equal(courseHref(12, 'street=3&cost=free&status=open&near=s3&page=2&view=map'), '/courses/12?street=3&cost=free&status=open&near=s3');
    assert.equal(courseHref(12, ''), '/courses/12');
    assert.equal(courseHref(12, 'page=3'), '/courses/12');
    assert.equal(courseListHref('cost=free&page=4'), '/courses?cost=free');
    assert.equal(courseListHref(''), '/courses');
  });

  it('«另有 N 个班期» goes to the matched runs when the list narrows, else to all runs', () => {
    assert.equal(matchedRunsHref(5, 'cost=free'), '/courses/5?cost=free#matched-runs');
    assert.equal(matchedRunsHref(5, 'sort=near&near=s3'), '/courses/5?sort=near&near=s3#runs');
    assert.equal(listNarrows('sort=near&near=s3&page=2'), false);
    assert.equal(listNarrows('q=%E7%94%B5%E5%B7%A5'), true);
  });
});
