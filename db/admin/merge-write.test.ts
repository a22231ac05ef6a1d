/**
 * The merge on the write path, against a real seeded SQLite file: a save from an older version
 * merges with the changes made since when they touch other fields, is refused with both values
 * when both changed a field differently, and rebuilds the version it started from out of the
 * audit log (a seeded record with no creation row, a lifecycle move in between, a spreadsheet
 * import's snapshot). A forged version or a forged decision never writes over unseen changes.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { useSeededTestDb } from '@/db/test-helpers';
import { auditLog, courseRuns, courses, runTargetGroups, users } from '@/db/schema';
import type { Actor } from '@/db/auth/permissions';
import { Conflict } from './errors';
import type { ConflictInfo, MergeNotice } from './result';
import { RUN_COLUMNS } from '../validation/admin/import';
import { classroomOf, runInput } from './fixtures/course-inputs';

const db = useSeededTestDb();
const editor: Actor = { id: 2, username: 'editor', displayName: '编辑小王', role: 'editor', providerId: null, stationId: null };
const admin: Actor = { id: 1, username: 'admin', displayName: '管理员', role: 'admin', providerId: null, stationId: null };

let c: typeof import('./courses');
let r: typeof import('./runs');
let imp: typeof import('./spreadsheets/import');
before(async () => {
  for (const a of [admin, editor])
    db.insert(users).values({ id: a.id, username: a.username, displayName: a.displayName, passwordHash: 'x', role: a.role, providerId: null, stationId: null }).onConflictDoNothing().run();
  c = await import('./courses');
  r = await import('./runs');
  imp = await import('./spreadsheets/import');
});

/** A stored course as the edit form sends it back (strings, as controls hold them). */
function formOf(id: number): Record<string, unknown> {
  const row = db.select().from(courses).where(eq(courses.id, id)).get()!;
  return {
    id,
    version: row.version,
    title: row.title,
    occupationId: String(row.occupationId),
    level: String(row.level),
    providerId: String(row.providerId),
    durationDays: row.durationDays === null ? '' : String(row.durationDays),
    summary: row.summary,
    suitableFor: row.suitableFor,
    requirements: row.requirements,
    content: row.content,
    method: row.method,
    materials: row.materials,
    assessment: row.assessment,
    outcomes: row.outcomes,
  };
}

const course = (id: number) => db.select().from(courses).where(eq(courses.id, id)).get()!;
type Merged = { version: number; merged?: MergeNotice };

function conflictOf(run: () => unknown): ConflictInfo {
  try {
    run();
  } catch (e) {
    assert.ok(e instanceof Conflict, String(e));
    return e.info;
  }
  assert.fail('expected a conflict');
}

describe('courses', () => {
  it('a seeded course (no creation row in the log): edits to different fields merge, with a notice of who and what', () => {
    const id = db.select().from(courses).where(eq(courses.version, 1)).get()!.id;
    const mine = formOf(id);
    c.updateCourse(db, admin, { ...formOf(id), title: '合并测试：新名称' });
    const res = c.updateCourse(db, editor, { ...mine, summary: '合并测试：新简介' }) as Merged;
    assert.equal(res.version, 3);
    assert.deepEqual([course(id).title, course(id).summary], ['合并测试：新名称', '合并测试：新简介']);
    assert.deepEqual([res.merged?.by, res.merged?.theirs, res.merged?.mine], [['管理员'], ['title'], ['summary']]);
    assert.deepEqual(res.merged?.values, { title: '合并测试：新名称' });
    assert.match(res.merged!.at, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // The audit row of the merged save holds the whole result.
    const last = db.select().from(auditLog).where(and(eq(auditLog.entity, 'course'), eq(auditLog.entityId, id), eq(auditLog.entityVersion, 3))).get()!;
    assert.deepEqual([last.after?.title, last.after?.summary], ['合并测试：新名称', '合并测试：新简介']);
  });

  it('the same value typed on both sides is no conflict; the same field changed differently is refused with both values, nothing written', () => {
    const { id } = c.createCourse(db, editor, { ...formOf(1), title: '冲突值测试' });
    const mine = formOf(id);
    c.updateCourse(db, admin, { ...formOf(id), title: '管理员的名称', durationDays: '7' });
    const same = c.updateCourse(db, editor, { ...mine, durationDays: '7' }) as Merged;
    assert.deepEqual(same.merged?.theirs, ['title']);
    const before = course(id);
    const info = conflictOf(() => c.updateCourse(db, editor, { ...mine, title: '编辑的名称', summary: '别的简介' }));
    assert.equal(info.currentVersion, before.version);
    assert.deepEqual(info.fields, [{ field: 'title', theirs: '管理员的名称', mine: '编辑的名称' }]);
    assert.ok(info.changes.some((ch) => ch.by === db.select().from(users).where(eq(users.id, admin.id)).get()!.displayName && ch.fields.includes('title')));
    assert.deepEqual(course(id), before);
  });

  it('a decision sent back against the version it was shown saves; against any other version it is refused again', () => {
    const { id } = c.createCourse(db, editor, { ...formOf(1), title: '决定测试' });
    const mine = formOf(id);
    c.updateCourse(db, admin, { ...formOf(id), title: '管理员改的', summary: '管理员的简介' });
    const info = conflictOf(() => c.updateCourse(db, editor, { ...mine, title: '编辑改的' }));
    // A forged "against" (the old version, or one from the future) decides nothing.
    for (const against of [mine.version as number, info.currentVersion + 5])
      conflictOf(() => c.updateCourse(db, editor, { ...mine, title: '编辑改的', resolved: { against, fields: ['title'] } }));
    const ok = c.updateCourse(db, editor, { ...mine, title: '编辑改的', resolved: { against: info.currentVersion, fields: ['title'] } }) as Merged;
    // The other person's summary is still merged in; the decided title stands.
    assert.deepEqual([course(id).title, course(id).summary], ['编辑改的', '管理员的简介']);
    assert.deepEqual([ok.merged?.theirs, ok.merged?.mine], [['summary'], ['title']]);
  });

  it('a forged version refuses as before: one from the future, one the log cannot rebuild, a missing one', () => {
    const { id } = c.createCourse(db, editor, { ...formOf(1), title: '伪造版本测试' });
    const before = course(id);
    const ahead = conflictOf(() => c.updateCourse(db, editor, { ...formOf(id), version: before.version + 3, summary: 'x' }));
    assert.equal(ahead.fields, undefined);
    c.updateCourse(db, admin, { ...formOf(id), summary: '管理员改过' });
    // Version 0 never existed: nothing to compare with, so nothing is merged.
    assert.throws(() => c.updateCourse(db, editor, { ...formOf(id), version: 0, title: 'y' }), (e: unknown) => !(e instanceof Conflict) || e.info.fields === undefined);
    assert.throws(() => c.updateCourse(db, editor, { ...formOf(id), version: undefined, title: 'y' }), (e: unknown) => (e as { code?: string }).code === 'invalid');
    assert.equal(course(id).title, '伪造版本测试');
  });

  it('a lifecycle move in between (its snapshot holds only the state) does not hide the fields', () => {
    const { id } = c.createCourse(db, editor, { ...formOf(1), title: '流转后合并' });
    const mine = formOf(id);
    c.transitionCourse(db, admin, { id, version: 1, move: 'publish' });
    c.updateCourse(db, admin, { ...formOf(id), outcomes: '管理员写的去向' });
    const res = c.updateCourse(db, editor, { ...mine, method: '编辑写的方式' }) as Merged;
    assert.deepEqual([res.merged?.theirs, res.merged?.mine], [['outcomes'], ['method']]);
    assert.equal(course(id).publication, 'published');
  });
});

describe('runs', () => {
  let courseId: number;
  let place: string;
  before(() => {
    courseId = c.createCourse(db, editor, { ...formOf(1), providerId: '4', title: '班期合并测试课程' }).id;
    place = classroomOf(db, 4);
  });
  // The shared run input, on dates of its own, for the unemployed.
  const runForm = (over: Record<string, unknown> = {}) =>
    runInput(db, courseId, { label: '合并测试期', startDate: '2027-03-01', endDate: '2027-03-05', deadline: '2027-02-25', theoryPlaceId: place, groups: ['unemployed'], ...over });
  const edit = (id: number, version: number, over: Record<string, unknown> = {}) => ({ ...runForm(over), courseId: undefined, id, version });
  const groupsOf = (id: number) => db.select().from(runTargetGroups).where(eq(runTargetGroups.runId, id)).all().map((g) => g.groupCode).sort();

  it('target groups are one value: one side changing them merges; both changing them differently conflicts', () => {
    const { id } = r.createRun(db, editor, runForm({ label: '人群测试期' }));
    r.updateRun(db, admin, edit(id, 1, { label: '人群测试期', groups: ['unemployed', 'rural'] }));
    const res = r.updateRun(db, editor, edit(id, 1, { label: '人群测试期', note: '带上身份证' })) as Merged;
    assert.deepEqual([res.merged?.theirs, res.merged?.mine], [['groups'], ['note']]);
    assert.deepEqual(groupsOf(id), ['rural', 'unemployed']);
    const info = conflictOf(() => r.updateRun(db, editor, edit(id, 1, { label: '人群测试期', groups: ['graduates'] })));
    assert.deepEqual(info.fields?.map((f) => f.field), ['groups']);
    assert.deepEqual(info.fields?.[0]?.theirs, ['rural', 'unemployed']);
  });

  it('a merge the rules refuse (their start after my end) is a conflict on the fields either side changed', () => {
    const { id } = r.createRun(db, editor, runForm({ label: '日期测试期' }));
    r.updateRun(db, admin, edit(id, 1, { label: '日期测试期', startDate: '2027-03-04', deadline: '2027-03-01' }));
    const info = conflictOf(() => r.updateRun(db, editor, edit(id, 1, { label: '日期测试期', endDate: '2027-03-03' })));
    assert.deepEqual(info.fields?.map((f) => f.field).sort(), ['deadline', 'endDate', 'startDate']);
    assert.equal(db.select().from(courseRuns).where(eq(courseRuns.id, id)).get()!.endDate, '2027-03-05');
  });

  it('a run updated by a spreadsheet import (its own snapshot shape) merges with a form save from before', async () => {
    const { id } = r.createRun(db, editor, runForm({ label: '导入合并期' }));
    const header = RUN_COLUMNS;
    const cells: Record<string, string> = {
      id: String(id), courseId: String(courseId), label: '导入合并期', startDate: '2027-03-01', endDate: '2027-03-05', deadline: '2027-02-25',
      theoryPlace: db.$client.prepare(`SELECT name FROM places WHERE id = ?`).pluck().get(Number(place)) as string,
      dailyTime: '09:00-16:00', seats: '40', seatsLeft: '40', costType: '免费', contactName: '李老师', contactPhone: '010-63800001', targetGroups: '失业人员',
    };
    const t = { headers: header.map((h) => h.header), rows: [{ line: 2, cells: header.map((h) => cells[h.key] ?? '') }] };
    const plan = await imp.planImport(db, 'runs', t);
    assert.deepEqual(plan.errors, []);
    imp.applyImport(db, admin, 'runs', t, { fileName: 'runs.csv', previewVersions: imp.planVersions(plan) });
    const res = r.updateRun(db, editor, edit(id, 1, { label: '导入合并期', contactName: '王老师' })) as Merged;
    assert.deepEqual(res.merged?.theirs.sort(), ['seats', 'seatsLeft']);
    const row = db.select().from(courseRuns).where(eq(courseRuns.id, id)).get()!;
    assert.deepEqual([row.seats, row.contactName], [40, '王老师']);
  });
});

describe('fairs', () => {
  const fairForm = (title: string, over: Record<string, unknown> = {}) => ({
    title, type: 'general', organiser: '', placeId: '', onlineUrl: '', startsAt: '2027-04-10T09:00', endsAt: '2027-04-10T12:00',
    weekdays: [], opens: '', closes: '', status: 'scheduled', statusNote: '', description: '', howToAttend: '', contactPhone: '', ...over,
  });

  it('an employer added in between (its snapshot is the employer’s) and a change of another field both survive a stale save', async () => {
    const f = await import('./fairs/writers');
    const { id } = f.fairWrites.create(db, editor, fairForm('合并测试招聘会'));
    f.fairWrites.saveEmployer(db, admin, { fairId: id, fairVersion: 1, employerId: null, name: '合并测试单位', industry: '餐饮', intro: '', booth: '' });
    const v2 = db.$client.prepare(`SELECT version FROM fairs WHERE id = ?`).pluck().get(id) as number;
    f.fairWrites.update(db, admin, { ...fairForm('合并测试招聘会', { howToAttend: '带简历' }), id, version: v2 });
    const res = f.fairWrites.update(db, editor, { ...fairForm('合并测试招聘会', { description: '春风行动专场' }), id, version: 1 }) as Merged;
    assert.deepEqual([res.merged?.theirs, res.merged?.mine], [['如何参加'], ['招聘会介绍']]);
    const row = db.$client.prepare(`SELECT how_to_attend AS h, description AS d FROM fairs WHERE id = ?`).get(id) as { h: string; d: string };
    assert.deepEqual([row.h, row.d], ['带简历', '春风行动专场']);
    assert.equal(db.$client.prepare(`SELECT COUNT(*) FROM fair_employers WHERE fair_id = ?`).pluck().get(id), 1);
    const info = conflictOf(() => f.fairWrites.update(db, editor, { ...fairForm('合并测试招聘会', { howToAttend: '不用带简历' }), id, version: 1 }));
    assert.deepEqual(info.fields?.map((x) => x.field), ['howToAttend']);
  });
});

describe('station details', () => {
  it('a 今天已核实 in between and another person’s phone change survive a stale save of the directions', async () => {
    const S = await import('./stations');
    const row = db.$client.prepare(`SELECT * FROM stations WHERE id = 3`).get() as Record<string, unknown>;
    const form = {
      id: 3, version: row.version, name: row.name, hostType: row.host_type, hostName: row.host_name, streetId: String(row.street_id), address: row.address,
      lat: String(row.lat ?? ''), lng: String(row.lng ?? ''), phone: row.phone, hasWindow: row.has_window === 1, hasSelfService: row.has_self_service === 1,
      hasAiAvatar: row.has_ai_avatar === 1, isAccessible: row.is_accessible === 1, status: row.status, openingDate: row.opening_date ?? '',
      statusReason: row.status_reason ?? '', lastVerifiedOn: row.last_verified_on, directions: row.directions ?? '',
    };
    S.updateStationDetails(db, admin, { ...form, phone: '010-63811111' });
    const res = S.updateStationDetails(db, editor, { ...form, directions: '从北门进，一楼左手' }) as Merged;
    assert.deepEqual([res.merged?.theirs, res.merged?.mine], [['phone'], ['directions']]);
    const now = db.$client.prepare(`SELECT phone, directions FROM stations WHERE id = 3`).get() as { phone: string; directions: string };
    assert.deepEqual([now.phone, now.directions], ['010-63811111', '从北门进，一楼左手']);
    assert.deepEqual(conflictOf(() => S.updateStationDetails(db, editor, { ...form, phone: '010-63822222' })).fields?.map((f) => f.field), ['phone']);
  });
});

describe('users', () => {
  it('one admin renames an account while another moves it to a station: both kept; the same field both ways is refused', async () => {
    const u = await import('./users');
    const { id } = await u.createUser(db, admin, { username: 'merge.test', displayName: '合并测试', role: 'editor', providerId: null, stationId: null, password: 'merge-pass-123', passwordConfirm: 'merge-pass-123' });
    const v = db.$client.prepare(`SELECT version FROM users WHERE id = ?`).pluck().get(id) as number;
    await u.userWrites.update(db, admin, { id, version: v, displayName: '合并测试（改名）', role: 'editor', providerId: '', stationId: '' });
    const res = (await u.userWrites.update(db, admin, { id, version: v, displayName: '合并测试', role: 'station', providerId: '', stationId: '2' })) as Merged;
    assert.ok(res.merged?.theirs.length === 1 && res.merged.mine.length >= 1);
    const row = db.$client.prepare(`SELECT display_name AS n, role, station_id AS s FROM users WHERE id = ?`).get(id) as { n: string; role: string; s: number };
    assert.deepEqual([row.n, row.role, row.s], ['合并测试（改名）', 'station', 2]);
    await assert.rejects(
      async () => u.userWrites.update(db, admin, { id, version: v, displayName: '第三个名字', role: 'editor', providerId: '', stationId: '' }),
      (e: unknown) => e instanceof Conflict && (e.info.fields ?? []).some((f) => f.field === 'displayName'),
    );
  });
});
