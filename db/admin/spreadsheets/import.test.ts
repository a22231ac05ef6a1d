/**
 * Imports on the seeded sample data: cell formats, every row checked with row and column in
 * the message, export → import round trips that change nothing, and confirmed imports that
 * write records, audit rows and the search index in one transaction — or nothing at all.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { useSeededTestDb } from '@/db/test-helpers';
import type { Actor } from '@/db/auth/permissions';
import { certificatesCell, parseCertificates, parseSessions, parseWeekdays, STATION_COLUMNS, RUN_COLUMNS } from '@/db/validation/admin/import';
import type * as ImportModule from './import';
import type * as ExportModule from './exports';
import { readCsv, toCsv, type ReadTable } from './sheet';

const db = useSeededTestDb();
let imp: typeof ImportModule;
let exp: typeof ExportModule;

before(async () => {
  db.$client.prepare(`INSERT INTO users (id, username, display_name, password_hash, role) VALUES (2, 'editor', '编辑', 'x', 'editor')`).run();
  imp = await import('./import');
  exp = await import('./exports');
});

const editor: Actor = { id: 2, username: 'editor', displayName: '编辑', role: 'editor', providerId: null, stationId: null };

function count(q: string): number {
  return db.get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${q}`))!.n;
}

/** A table with the template's header and rows given as column → value. */
function table(columns: { key: string; header: string }[], rows: Record<string, string>[]): ReadTable {
  return {
    headers: columns.map((c) => c.header),
    rows: rows.map((r, i) => ({ line: i + 2, cells: columns.map((c) => r[c.key] ?? '') })),
  };
}

const WEEK = { day1: '09:00-12:00,13:30-17:00', day2: '09:00-17:00', day3: '09:00-17:00', day4: '09:00-17:00', day5: '09:00-17:00', day6: '休息', day7: '' };
const NEW_STATION = {
  name: '测试街道便民服务中心医保服务驿站',
  hostType: '街镇便民服务中心',
  hostName: '丰台区测试便民服务中心',
  street: '右安门',
  address: '北京市丰台区测试路1号',
  phone: '010-5555-0001',
  ...WEEK,
};

describe('cell formats', () => {
  it('reads hours the way clerks write them', async () => {
    assert.deepEqual(parseSessions('9:00-12:00，13:30～17:00'), {
      ok: true,
      sessions: [
        { opens: '09:00', closes: '12:00' },
        { opens: '13:30', closes: '17:00' },
      ],
    });
    assert.deepEqual(parseSessions('休息'), { ok: true, sessions: [] });
    assert.deepEqual(parseSessions(''), { ok: true, sessions: [] });
    assert.equal(parseSessions('9点到5点').ok, false);
    assert.equal(parseSessions('17:00-09:00').ok, false);
    assert.equal(parseSessions('09:00-12:00,11:00-13:00').ok, false);
  });

  it('reads weekdays and certificates, and writes them back the same', async () => {
    assert.deepEqual(parseWeekdays('周一至周五'), [1, 2, 3, 4, 5]);
    assert.deepEqual(parseWeekdays('周六、周日'), [6, 7]);
    assert.deepEqual(parseWeekdays('每天'), [1, 2, 3, 4, 5, 6, 7]);
    assert.equal(parseWeekdays('周八'), null);
    const certs = [
      { kind: 'skill' as const, name: '园林绿化工五级证书', issuer: '某评价组织（社会培训评价组织）' },
      { kind: 'licence' as const, name: '低压电工作业', issuer: '北京市应急管理局' },
    ];
    assert.deepEqual(parseCertificates(certificatesCell(certs)), { ok: true, certs });
    assert.equal(parseCertificates('随便写的').ok, false);
  });
});

describe('export → import round trip', () => {
  it('an unchanged station export plans no writes and no errors', async () => {
    const t = readCsv(new TextEncoder().encode(toCsv(await exp.EXPORTS.stations.sheet(db))));
    const plan = await imp.planImport(db, 'stations', t);
    assert.deepEqual(plan.errors, []);
    assert.equal(plan.counts.create + plan.counts.update, 0);
    assert.equal(plan.counts.unchanged, count('stations'));
    assert.ok(plan.notes.every((n) => !n.includes('忽略')), 'export-only columns are known');
  });

  it('an unchanged run export plans no writes and no errors', async () => {
    const t = readCsv(new TextEncoder().encode(toCsv(await exp.EXPORTS.runs.sheet(db))));
    const plan = await imp.planImport(db, 'runs', t);
    assert.deepEqual(plan.errors, []);
    assert.equal(plan.counts.update, 0);
    assert.equal(plan.counts.unchanged, count('course_runs'));
  });

  it('every export table builds with Chinese headers', async () => {
    for (const t of exp.EXPORT_TABLES) {
      const s = await exp.EXPORTS[t].sheet(db);
      assert.ok(s.headers.every((h) => /[\u4e00-\u9fff]/.test(h)), t);
    }
  });
});

describe('row checks', () => {
  it('names the row and column of every problem and writes nothing', async () => {
    const before = count('stations');
    const t = table(STATION_COLUMNS, [
      { ...NEW_STATION },
      { ...NEW_STATION, name: '另一个驿站', day3: '9点-5点', phone: '' },
      { ...NEW_STATION, name: '第三个驿站', street: '不存在街道' },
      { ...NEW_STATION, name: '第四个驿站', id: '9999' },
      { ...NEW_STATION, name: '第五个驿站', hostType: '超市' },
    ]);
    const plan = await imp.planImport(db, 'stations', t);
    const lines = plan.errors.map((e) => `${e.line}|${e.column}`);
    assert.ok(lines.includes('3|周三'), lines.join());
    assert.ok(lines.includes('3|联系电话'));
    assert.ok(lines.includes('4|所在街镇'));
    assert.ok(lines.includes('5|驿站编号'));
    assert.ok(lines.includes('6|承办类型'));
    assert.match(plan.errors.find((e) => e.column === '周三')!.message, /09:00-17:00/);
    assert.equal(plan.counts.create, 1);
    assert.throws(() => imp.applyImport(db, editor, 'stations', t, { fileName: 'x.csv', previewVersions: {} }), /什么也没有导入/);
    assert.equal(count('stations'), before);
  });

  it('refuses a file without the template columns', async () => {
    const plan = await imp.planImport(db, 'runs', { headers: ['名称'], rows: [{ line: 2, cells: ['x'] }] });
    assert.equal(plan.errors.length, 1);
    assert.match(plan.errors[0]!.message, /缺少这些列/);
  });

  it('checks runs: course by title, places by name, dates in order', async () => {
    const plan = await imp.planImport(
      db,
      'runs',
      table(RUN_COLUMNS, [
        {
          courseTitle: '园林绿化工（五级/初级工）培训班',
          label: '2027年第1期',
          startDate: '2027-01-11',
          endDate: '2027-01-08',
          deadline: '2027-01-06',
          theoryPlace: '不存在的教室',
          seats: '30',
          costType: '免费',
          contactName: '陈老师',
          contactPhone: '010-5555-1110',
        },
      ]),
    );
    const cols = plan.errors.map((e) => e.column).sort();
    assert.deepEqual(cols, ['结课日期']);
    // Row-level rules come first; once dates are right the place is checked against the database.
  });
});

describe('confirmed import', () => {
  it('creates a draft station with hours and updates another, with audit rows and one summary', async () => {
    const s1 = db.get<{ version: number; name: string }>(sql`SELECT version, name FROM stations WHERE id = 1`)!;
    const exported = readCsv(new TextEncoder().encode(toCsv(await exp.EXPORTS.stations.sheet(db))));
    const hdr = exported.headers;
    const row1 = exported.rows.find((r) => r.cells[hdr.indexOf('驿站编号')] === '1')!;
    row1.cells[hdr.indexOf('周六')] = '09:00-12:00';
    const t: ReadTable = {
      headers: hdr,
      rows: [row1, { line: 99, cells: hdr.map((h) => ({ ...Object.fromEntries(STATION_COLUMNS.map((c) => [c.header, (NEW_STATION as Record<string, string>)[c.key] ?? ''])) })[h] ?? '') }],
    };
    const plan = await imp.planImport(db, 'stations', t);
    assert.deepEqual(plan.errors, []);
    assert.equal(plan.counts.create, 1);
    assert.equal(plan.counts.update, 1);
    assert.deepEqual(plan.items.find((i) => i.id === 1)!.changes, ['开放时间']);
    const auditBefore = count('audit_log');
    const r = imp.applyImport(db, editor, 'stations', t, { fileName: '驿站.csv', previewVersions: imp.planVersions(plan) });
    assert.equal(r.created, 1);
    assert.equal(r.updated, 1);
    assert.equal(count('audit_log'), auditBefore + 3);
    const created = db.get<{ id: number; publication: string; version: number }>(sql`SELECT id, publication, version FROM stations WHERE name = ${NEW_STATION.name}`)!;
    assert.equal(created.publication, 'draft');
    assert.equal(count(`station_hours WHERE station_id = ${created.id}`), 6);
    assert.equal(db.get<{ version: number }>(sql`SELECT version FROM stations WHERE id = 1`)!.version, s1.version + 1);
    assert.equal(count(`station_hours WHERE station_id = 1 AND weekday = 6`), 1);
    const audit = db.get<{ before: string; after: string; entity_version: number }>(sql`SELECT before, after, entity_version FROM audit_log WHERE entity = 'station' AND entity_id = 1 ORDER BY id DESC LIMIT 1`)!;
    assert.equal(audit.entity_version, s1.version + 1);
    assert.ok(!JSON.parse(audit.before).hours.includes('周六 09:00-12:00'));
    assert.ok(JSON.parse(audit.after).hours.includes('周六 09:00-12:00'));
    assert.equal(count(`audit_log WHERE entity = 'import' AND action = 'import'`), 1);
    assert.equal(count(`search_docs WHERE kind = 'station' AND ref_id = ${created.id}`), 1);
  });

  it('refuses with a conflict when a record changed after the preview, writing nothing', async () => {
    const exported = readCsv(new TextEncoder().encode(toCsv(await exp.EXPORTS.stations.sheet(db))));
    const hdr = exported.headers;
    const row = exported.rows.find((r) => r.cells[hdr.indexOf('驿站编号')] === '2')!;
    row.cells[hdr.indexOf('联系电话')] = '010-5555-9999';
    row.cells[hdr.indexOf('版本')] = '';
    const t: ReadTable = { headers: hdr, rows: [row] };
    const plan = await imp.planImport(db, 'stations', t);
    assert.equal(plan.counts.update, 1);
    const versions = imp.planVersions(plan);
    // Someone else saves station 2 in between.
    db.run(sql`UPDATE stations SET version = version + 1, address = address || '（新）' WHERE id = 2`);
    const before = count('audit_log');
    assert.throws(
      () => imp.applyImport(db, editor, 'stations', t, { fileName: 'x.csv', previewVersions: versions }),
      (e: unknown) => (e as { code?: string }).code === 'conflict',
    );
    assert.equal(count('audit_log'), before);
    assert.equal(db.get<{ phone: string }>(sql`SELECT phone FROM stations WHERE id = 2`)!.phone !== '010-5555-9999', true);
  });

  it('flags a stale export by its 版本 column', async () => {
    const exported = readCsv(new TextEncoder().encode(toCsv(await exp.EXPORTS.stations.sheet(db))));
    const hdr = exported.headers;
    const row = exported.rows.find((r) => r.cells[hdr.indexOf('驿站编号')] === '3')!;
    row.cells[hdr.indexOf('版本')] = '0';
    const plan = await imp.planImport(db, 'stations', { headers: hdr, rows: [row] });
    assert.equal(plan.errors[0]?.column, '版本');
  });

  it('creates a run by course title and place name, as a draft with groups and certificates', async () => {
    const t = table(RUN_COLUMNS, [
      {
        courseTitle: '园林绿化工（五级/初级工）培训班',
        label: '测试第99期',
        startDate: '2027-01-11',
        endDate: '2027-01-15',
        deadline: '2027-01-06',
        theoryPlace: '区职业技能培训学院（丰台北路校区）',
        seats: '30',
        costType: '补贴',
        fee: '1200',
        subsidy: '800',
        contactName: '陈老师',
        contactPhone: '010-5555-1110',
        targetGroups: '失业人员、农村劳动力',
        certificates: '职业技能等级证书：园林绿化工五级证书，发证：某评价组织',
      },
    ]);
    const plan = await imp.planImport(db, 'runs', t);
    assert.deepEqual(plan.errors, []);
    const r = imp.applyImport(db, editor, 'runs', t, { fileName: 'runs.xlsx', previewVersions: {} });
    const id = r.ids[0]!;
    const run = db.get<{ publication: string; seats_left: number; course_id: number }>(sql`SELECT publication, seats_left, course_id FROM course_runs WHERE id = ${id}`)!;
    assert.equal(run.publication, 'draft');
    assert.equal(run.seats_left, 30);
    assert.equal(run.course_id, 1);
    assert.equal(count(`run_target_groups WHERE run_id = ${id}`), 2);
    assert.equal(count(`run_certificates WHERE run_id = ${id}`), 1);
    // The same file again would make a duplicate: refused with the existing id.
    const again = await imp.planImport(db, 'runs', t);
    assert.match(again.errors[0]!.message, new RegExp(`班期编号 ${id}`));
  });
});
