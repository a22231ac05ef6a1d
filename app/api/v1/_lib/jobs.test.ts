/**
 * /api/v1/jobs and jobs.csv on the sample data laid out around today: the same positions, order
 * and filters as the resident list (/jobs), strict parameters, paging, 面议, near me, the CSV.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { useSeededTestDb } from '@/db/test-helpers';
import { beijingNow } from '@/db/domain/time';
import { parseApiParams, type ApiParams } from './params';

const today = beijingNow().date;
useSeededTestDb(today);
const NOW = new Date(`${today}T12:00:00+08:00`);
const BASE = 'http://test.local';

let api: typeof import('./jobs');
let csv: typeof import('./jobs-csv');
let list: typeof import('@/db/queries/jobs/list');
before(async () => {
  api = await import('./jobs');
  csv = await import('./jobs-csv');
  list = await import('@/db/queries/jobs/list');
});

function params(qs = ''): ApiParams<'jobs'> {
  const r = parseApiParams('jobs', new URLSearchParams(qs));
  assert.ok(r.ok, qs);
  return r.values;
}

describe('/api/v1/jobs', () => {
  it('lists what the resident list lists, in its order, with paging', async () => {
    const all = await api.listApiJobs(params(), 'all', BASE, NOW);
    const page = await list.searchJobs('', NOW);
    assert.equal(all.total, page.total);
    assert.ok(all.total > 10);
    assert.deepEqual(all.items.slice(0, page.items.length).map((j) => j.id), page.items.map((j) => j.id));
    const second = await api.listApiJobs(params('page=2&per_page=5'), { page: 2, perPage: 5 }, BASE, NOW);
    assert.equal(second.total, all.total);
    assert.deepEqual(second.items.map((j) => j.id), all.items.slice(5, 10).map((j) => j.id));
    const first = all.items[0]!;
    assert.equal(first.fair.url, `${BASE}/fairs/${first.fair.id}`);
    assert.match(first.fair.starts_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$/);
  });

  it('filters as the page does: pay, keyword over employers, one fair, near me with a distance', async () => {
    const none = await api.listApiJobs(params('pay=negotiable'), 'all', BASE, NOW);
    assert.ok(none.total > 0 && none.items.every((j) => j.pay_min === null && j.pay_max === null && j.pay_label === '面议'));
    const employer = await api.listApiJobs(params('q=花乡花木'), 'all', BASE, NOW);
    assert.equal(employer.total, (await list.searchJobs('q=花乡花木', NOW)).total);
    assert.ok(employer.total > 0 && employer.items.every((j) => j.employer.name.includes('花乡花木')));
    const fairId = employer.items[0]!.fair.id;
    const one = await api.listApiJobs(params(`fair=${fairId}`), 'all', BASE, NOW);
    assert.ok(one.total > 0 && one.items.every((j) => j.fair.id === fairId));
    const near = await api.listApiJobs(params('near=s1&dist=5'), 'all', BASE, NOW);
    assert.equal(near.total, (await list.searchJobs('near=s1&dist=5', NOW)).total);
    assert.ok(near.items.every((j) => j.distance_m !== null && j.distance_m <= 5001));
    const d = near.items.map((j) => j.distance_m!);
    assert.deepEqual(d, [...d].sort((a, b) => a - b));
    const linked = (await api.listApiJobs(params(), 'all', BASE, NOW)).items.find((j) => j.course !== null)!;
    assert.equal(linked.course!.url, `${BASE}/courses/${linked.course!.id}`);
  });

  it('refuses what it cannot read, naming the parameters', () => {
    const r = parseApiParams('jobs', new URLSearchParams('pay=lots&dist=7&near=x1'));
    assert.ok(!r.ok);
    assert.deepEqual([...r.error.params].sort(), ['dist', 'near', 'pay']);
  });

  it('jobs.csv: one row per listed position under Chinese headers', async () => {
    const text = await csv.jobsCsv(BASE, NOW);
    const lines = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    assert.match(lines[0]!, /^岗位编号,岗位,招聘人数,工资,/);
    assert.equal(lines.length - 1, (await api.listApiJobs(params(), 'all', BASE, NOW)).total);
    assert.ok(text.includes('面议'));
  });
});
