/**
 * The calendar's one-step writes against the seeded sample data: an arrangement and its make-up
 * days in one transaction with one audit row; overlaps refused unless agreed as seen; a range
 * deleted in one step; 管理员 only.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, asc, between, eq } from 'drizzle-orm';
import { useSeededTestDb } from '@/db/test-helpers';
import { auditLog, calendarDays, users } from '@/db/schema';
import { Forbidden, type Actor } from '@/db/auth/permissions';
import { Conflict, Invalid } from './errors';

const db = useSeededTestDb();
type Mod = typeof import('./calendar-range');
const admin: Actor = { id: 1, username: 'admin', displayName: '管理员', role: 'admin', providerId: null, stationId: null };
const editor: Actor = { id: 2, username: 'editor', displayName: '编辑', role: 'editor', providerId: null, stationId: null };
let m: Mod;
before(async () => {
  for (const a of [admin, editor]) {
    db.insert(users).values({ id: a.id, username: a.username, displayName: a.displayName, passwordHash: 'not-a-hash', role: a.role, providerId: a.providerId, stationId: a.stationId }).run();
  }
  m = await import('./calendar-range');
});

const days = (from: string, to: string) =>
  db.select().from(calendarDays).where(between(calendarDays.date, from, to)).orderBy(asc(calendarDays.date)).all();
const audits = () => db.select().from(auditLog).where(eq(auditLog.entity, 'calendar')).all().length;

describe('calendar ranges', () => {
  it('writes 2030 春节 and its two make-up days in one transaction with one audit row', () => {
    const before = audits();
    const r = m.calendarRangeWrites.save(db, admin, {
      name: '春节',
      kind: 'holiday',
      from: '2030-02-02',
      to: '2030-02-08',
      asWeekday: '',
      makeup: [
        { date: '2030-01-26', asWeekday: '1' },
        { date: '2030-02-09', asWeekday: '5' },
      ],
    });
    assert.deepEqual(r, { from: '2030-01-26', to: '2030-02-09', days: 9, replaced: 0 });
    const rows = days('2030-01-01', '2030-02-28');
    assert.equal(rows.length, 9);
    assert.deepEqual(
      rows.filter((d) => d.kind === 'workday').map((d) => [d.date, d.name, d.asWeekday]),
      [
        ['2030-01-26', '春节调休上班', 1],
        ['2030-02-09', '春节调休上班', 5],
      ],
    );
    assert.equal(audits(), before + 1);
    const entry = db.select().from(auditLog).where(and(eq(auditLog.entity, 'calendar'), eq(auditLog.entityId, 20300126))).get();
    assert.match(entry!.summary, /春节：放假 2030-02-02至2030-02-08（7天）；调休上班 2030-01-26（周六，按周一时间）、2030-02-09（周六，按周五时间）/);
  });

  it('refuses an overlap it was not shown, and replaces exactly the rows agreed', () => {
    const seeded = days('2026-10-01', '2026-10-07');
    assert.equal(seeded.length, 7);
    const input = { name: '国庆节', kind: 'holiday', from: '2026-10-01', to: '2026-10-08', asWeekday: '', makeup: [] };
    const before = audits();
    assert.throws(() => m.calendarRangeWrites.save(db, admin, input), (e) => e instanceof Invalid && e.fieldErrors.overlaps === 'overlap');
    // Agreeing to a stale picture (one row differs) is refused too.
    const seen = seeded.map((d) => ({ date: d.date, kind: d.kind, name: d.name, asWeekday: d.asWeekday }));
    assert.throws(() => m.calendarRangeWrites.save(db, admin, { ...input, replace: [{ ...seen[0]!, name: '别的' }, ...seen.slice(1)] }), Invalid);
    assert.equal(days('2026-10-08', '2026-10-08').length, 0);
    assert.equal(audits(), before);
    const r = m.calendarRangeWrites.save(db, admin, { ...input, replace: seen });
    assert.equal(r.replaced, 7);
    assert.equal(days('2026-10-01', '2026-10-08').length, 8);
    assert.equal(audits(), before + 1);
  });

  it('refuses bad input in codes and anyone but 管理员 before reading it', () => {
    assert.throws(
      () => m.calendarRangeWrites.save(db, admin, { name: '', kind: 'holiday', from: '2031-05-05', to: '2031-05-01', makeup: [{ date: '2031-05-06', asWeekday: '1' }] }),
      (e) => e instanceof Invalid && e.fieldErrors.name === 'required' && e.fieldErrors.to === 'range_before_from',
    );
    assert.throws(
      () => m.calendarRangeWrites.save(db, admin, { name: '调休', kind: 'workday', from: '2031-05-09', to: '', asWeekday: '1' }),
      (e) => e instanceof Invalid && e.fieldErrors.from === 'range_not_weekend',
    );
    assert.throws(() => m.calendarRangeWrites.save(db, editor, { name: 'x', kind: 'holiday', from: '2031-05-01', to: '', makeup: [] }), Forbidden);
  });

  it('deletes an arrangement in one step, only as it was seen', () => {
    const rows = days('2030-01-26', '2030-02-09');
    const seen = rows.map((d) => ({ date: d.date, kind: d.kind, name: d.name, asWeekday: d.asWeekday }));
    // The refusal names who changed the days since, as colleagues know them (display name, not login name).
    assert.throws(
      () => m.calendarRangeWrites.delete(db, admin, { name: '春节', days: [{ ...seen[0]!, asWeekday: 3 }, ...seen.slice(1)] }),
      (e) => e instanceof Conflict && e.info.changes[0]?.by === admin.displayName,
    );
    assert.throws(() => m.calendarRangeWrites.delete(db, editor, { name: '春节', days: seen }), Forbidden);
    const before = audits();
    assert.deepEqual(m.calendarRangeWrites.delete(db, admin, { name: '春节', days: seen }), { name: '春节', days: 9 });
    assert.equal(days('2030-01-01', '2030-02-28').length, 0);
    assert.equal(audits(), before + 1);
  });
});
