/**
 * What the course, run and copy forms and actions say when something is refused: the schemas and
 * writers answer in codes (db/validation/admin/course-run.test.ts, db/admin/courses.test.ts); the
 * words are COURSE_WORDS, RUN_WORDS and CLONE_WORDS, used by the forms (in the browser) and the
 * actions alike. The sentences are the ones the admin console said before the codes, unchanged.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { z } from 'zod';
import { courseCreateSchema, coursePublishProblems } from '@/db/validation/admin/course';
import { runCloneSchema, runCreateSchema, runPublishProblems, type StoredRun } from '@/db/validation/admin/run';
import { zodFieldErrors } from '@/db/admin/zod-errors';
import { RUN_FORM } from '@/db/validation/admin/run-form.fixture';
import type { ActionResult } from '@/db/admin/result';
import { fieldMessages, wordRefusal, worded, type EntityWords } from '../field-words';
import { CLONE_WORDS, COURSE_WORDS, RUN_WORDS, savedMessage } from './strings';

function wordsFor(schema: z.ZodType, input: unknown, words: EntityWords): Record<string, string> {
  const r = schema.safeParse(input);
  assert.equal(r.success, false);
  return fieldMessages(zodFieldErrors(r.error!), words);
}

const course = { title: '课程', occupationId: '1', level: '4', providerId: '2', durationDays: '', summary: '', suitableFor: '', requirements: '', content: '', method: '', materials: '', assessment: '', outcomes: '' };
const run = RUN_FORM;
const stored: StoredRun = {
  startDate: '2026-12-14',
  endDate: '2026-12-18',
  dailyStart: '09:00',
  dailyEnd: '16:00',
  seats: 0,
  seatsLeft: 0,
  deadline: '2026-12-20',
  costType: 'subsidy',
  fee: null,
  subsidy: null,
  contactName: '',
  contactPhone: '',
  classDays: '',
};

describe('course words', () => {
  it('the course form: each refused field in a sentence that names it', () => {
    assert.deepEqual(wordsFor(courseCreateSchema, { ...course, title: '  ', occupationId: '', level: '', durationDays: '五天', summary: 'x'.repeat(201) }, COURSE_WORDS), {
      title: '请填写课程名称',
      occupationId: '请选择工种',
      level: '请选择等级',
      durationDays: '培训天数请填写数字',
      summary: '一句话简介不能超过 200 个字',
    });
  });

  it('publishing a course: what is missing, in words', () => {
    const p = coursePublishProblems({ title: ' ', durationDays: null, summary: '', suitableFor: 'x', requirements: '', content: '', method: '', assessment: '' }, false);
    assert.deepEqual(fieldMessages(p, COURSE_WORDS), {
      title: '请填写课程名称',
      level: '这个工种没有这个等级，请改选工种可鉴定的等级',
      durationDays: '发布前请填写培训天数，居民要据此安排时间',
      summary: '发布前请填写「一句话简介」',
      requirements: '发布前请填写「报名条件」',
      content: '发布前请填写「学什么」',
      method: '发布前请填写「怎么学」',
      assessment: '发布前请填写「考核方式」',
    });
  });

  it('the course writers’ refusals and a conflict’s fields, in words', () => {
    const refusal = wordRefusal({ ok: false, code: 'invalid', message: '', fieldErrors: { occupationId: 'occupationMissing', level: 'levelNotOffered', providerId: 'providerMissing' } }, COURSE_WORDS);
    assert.deepEqual(refusal.fieldErrors, { occupationId: '请从列表中选择工种', level: '这个工种不鉴定这个等级，请从列表中选择', providerId: '请从列表中选择培训机构' });
    assert.equal(wordRefusal({ ok: false, code: 'state', message: 'courseArchived' }, COURSE_WORDS).message, '这门课程已归档，请先恢复为草稿再修改。');
    assert.equal(wordRefusal({ ok: false, code: 'state', message: 'courseNotDeletable' }, COURSE_WORDS).message, '只能删除从未发布过的草稿。已发布过的课程请用「撤下」或「归档」，记录会保留。');
    assert.equal(wordRefusal({ ok: false, code: 'invalid', message: '', fieldErrors: { title: 'courseNotFound' } }, COURSE_WORDS).fieldErrors!.title, '找不到这门课程');
    assert.equal(wordRefusal({ ok: false, code: 'invalid', message: '', fieldErrors: { move: 'unknownMove' } }, COURSE_WORDS).fieldErrors!.move, '未知的操作');
    const conflict = { currentVersion: 3, changes: [{ at: '2026-12-01T10:00:00+08:00', by: '编辑', fields: ['title', 'summary'] }] };
    assert.deepEqual(wordRefusal({ ok: false, code: 'conflict', message: '', conflict }, COURSE_WORDS).conflict!.changes[0]!.fields, ['课程名称', '一句话简介']);
  });

  it('a save says whether residents see it now', () => {
    assert.equal(savedMessage({ live: true }), '已保存，居民现在看到的是新内容。');
    assert.equal(savedMessage({ live: false }), '已保存。');
  });
});

describe('run words', () => {
  it('the run form: field rules and the rules across fields, in words', () => {
    assert.deepEqual(wordsFor(runCreateSchema, { ...run, endDate: '2026-12-01', seatsLeft: '31', dailyEnd: '08:00' }, RUN_WORDS), {
      endDate: '结课日期不能早于开课日期',
      seatsLeft: '剩余名额不能多于总名额',
      dailyEnd: '每天结束时间要晚于开始时间',
    });
    const bad = wordsFor(runCreateSchema, { ...run, label: '', startDate: '2026-02-30', seats: 'abc', classDays: [], contactPhone: 'call me', costType: 'gift', theoryPlaceId: '' }, RUN_WORDS);
    assert.deepEqual(bad, {
      label: '请填写班期名称',
      startDate: '开课日期请按 2026-12-01 的格式填写真实存在的日期',
      seats: '总名额请填写数字',
      classDays: '请至少选择一个上课日',
      contactPhone: '联系电话只能包含数字、空格、横线和括号，例如 010-63812345',
      costType: '请选择费用类型',
      theoryPlaceId: '请选择理论授课地点',
    });
    assert.equal(wordsFor(runCreateSchema, { ...run, classDays: 'mon' }, RUN_WORDS).classDays, '请选择上课日');
    assert.equal(wordsFor(runCreateSchema, { ...run, groups: ['不是代码'] }, RUN_WORDS)['groups.0'], '请从列表中选择适合人群');
  });

  it('certificates: each field named, and at most six', () => {
    const cert = { kind: 'skill', name: '养老护理员五级', issuer: '北京市职业技能鉴定中心' };
    assert.deepEqual(wordsFor(runCreateSchema, { ...run, certificates: [{ kind: 'gift', name: '', issuer: 'x'.repeat(61) }] }, RUN_WORDS), {
      'certificates.0.kind': '请选择证书类型',
      'certificates.0.name': '请填写证书名称',
      'certificates.0.issuer': '发证机构不能超过 60 个字',
    });
    assert.equal(wordsFor(runCreateSchema, { ...run, certificates: Array(7).fill(cert) }, RUN_WORDS).certificates, '一个班期最多填写 6 个证书');
  });

  it('publishing a run: what is missing or wrong, in words', () => {
    assert.deepEqual(fieldMessages(runPublishProblems(stored, '2026-11-23'), RUN_WORDS), {
      deadline: '报名截止不能晚于开课日期',
      seats: '总名额要大于 0',
      classDays: '请至少选择一个上课日',
      fee: '补贴班期请填写费用（元），即补贴前的价格',
      subsidy: '补贴班期请填写补贴金额（元）',
      contactName: '发布前请填写联系人，居民要知道找谁报名',
      contactPhone: '发布前请填写联系电话，例如 010-63812345',
    });
    const self = fieldMessages(runPublishProblems({ ...stored, costType: 'self', startDate: '2026-10-01', endDate: '2026-09-30', seatsLeft: 5, dailyEnd: '08:00' }, '2026-11-23'), RUN_WORDS);
    assert.equal(self.fee, '自费班期请填写费用（元）');
    assert.equal(self.endDate, '这个班期已经结束，不能再发布；如要再开班，请用「复制为新班期」');
    assert.equal(self.seatsLeft, '剩余名额不能多于总名额');
    assert.equal(self.dailyEnd, '每天结束时间要晚于开始时间');
    assert.equal(fieldMessages(runPublishProblems({ ...stored, fee: 500, subsidy: 800 }, '2026-11-23'), RUN_WORDS).subsidy, '补贴金额不能多于费用');
  });

  it('the run writers’ refusals, in words', () => {
    const say = (message: string) => wordRefusal({ ok: false, code: 'state', message }, RUN_WORDS).message;
    assert.equal(say('courseNotPublished'), '所属课程还没有发布。请先发布课程，再发布班期。');
    assert.equal(say('courseArchivedNoRuns'), '这门课程已归档，不能再添加班期。');
    assert.equal(say('runArchived'), '这个班期已归档，请先恢复为草稿再修改。');
    assert.equal(say('runNotDeletable'), '只能删除从未发布过的草稿班期。已发布过的班期请用「撤下」或「归档」，记录会保留。');
    assert.equal(say('courseGone'), '找不到这门课程，可能已被删除。');
    const live = wordRefusal({ ok: false, code: 'invalid', message: 'runLiveIncomplete', fieldErrors: { fee: 'feeNeededSelf', label: 'runNotFound' } }, RUN_WORDS);
    assert.equal(live.message, '这个班期已发布，保存后要仍然完整正确：');
    assert.deepEqual(live.fieldErrors, { fee: '自费班期请填写费用（元）', label: '找不到这个班期' });
    const refs = wordRefusal({ ok: false, code: 'invalid', message: '', fieldErrors: { theoryPlaceId: 'theoryPlaceMissing', practicePlaceId: 'practicePlaceMissing', groups: 'groupMissing' } }, RUN_WORDS);
    assert.deepEqual(refs.fieldErrors, { theoryPlaceId: '请从列表中选择理论授课地点', practicePlaceId: '请从列表中选择实操地点', groups: '请从列表中选择适合人群' });
    const conflict = { currentVersion: 2, changes: [{ at: '2026-12-01T10:00:00+08:00', by: '编辑', fields: ['seatsLeft', 'certificates'] }] };
    assert.deepEqual(wordRefusal({ ok: false, code: 'conflict', message: '', conflict }, RUN_WORDS).conflict!.changes[0]!.fields, ['剩余名额', '证书']);
  });

  it('the copy form names the new run’s start date', () => {
    assert.deepEqual(wordsFor(runCloneSchema, { id: 5, startDate: '', label: '' }, CLONE_WORDS), { startDate: '请填写新班期的开课日期', label: '请填写班期名称' });
  });

  it('an action’s refusal reaches the browser worded', async () => {
    const action = worded(async (): Promise<ActionResult> => ({ ok: false, code: 'invalid', message: '', fieldErrors: { endDate: 'endBeforeStart' } }), RUN_WORDS);
    const r = await action(undefined);
    assert.equal(r.ok, false);
    assert.deepEqual(!r.ok && r.fieldErrors, { endDate: '结课日期不能早于开课日期' });
  });
});
