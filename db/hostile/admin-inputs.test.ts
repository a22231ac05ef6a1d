/**
 * Property-based hostile input for the admin side: every zod schema an admin action parses with
 * gets 1000 generated records (fields of the schema with hostile values, extra keys, non-objects)
 * and must answer with safeParse, never a throw. Every write function that takes the raw input
 * (below the session check, called with the admin account as the actions do) gets 1000 records
 * its schema refuses, and must refuse them with one of our refusal errors — never a TypeError or
 * a SQLite error — with nothing written (SQLite's total_changes() unchanged).
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { z } from 'zod';
import { useSeededTestDb } from '@/db/test-helpers';
import { Forbidden, type Actor } from '@/db/auth/permissions';
import { Conflict, Invalid, NotFound, StateError } from '@/db/admin/errors';
import * as courseV from '@/db/validation/admin/course';
import * as runV from '@/db/validation/admin/run';
import * as stationV from '@/db/validation/admin/station';
import * as orgV from '@/db/validation/admin/org';
import * as fairV from '@/db/validation/admin/fair';
import * as subsidyV from '@/db/validation/admin/subsidy';
import * as serviceV from '@/db/validation/admin/service';
import * as userV from '@/db/validation/admin/user';
import * as calendarV from '@/db/validation/admin/calendar';
import * as importV from '@/db/validation/admin/import';
import { anything, hostileString } from './arbitraries';

const db = useSeededTestDb();
const admin: Actor = { id: 1, username: 'admin', displayName: '演示管理员', role: 'admin', providerId: null, stationId: null };
const RUNS = { numRuns: 1000 };
const changes = () => db.$client.prepare('SELECT total_changes()').pluck().get() as number;

let courses: typeof import('@/db/admin/courses');
let runs: typeof import('@/db/admin/runs');
let stations: typeof import('@/db/admin/stations');
let orgs: typeof import('@/db/admin/orgs');
let subsidy: typeof import('@/db/admin/subsidy');
let services: typeof import('@/db/admin/services');
let calendarRange: typeof import('@/db/admin/calendar-range');
before(async () => {
  db.$client
    .prepare('INSERT INTO users (id, username, display_name, password_hash, role) VALUES (?, ?, ?, ?, ?)')
    .run(admin.id, admin.username, admin.displayName, 'not-a-hash', admin.role);
  courses = await import('@/db/admin/courses');
  runs = await import('@/db/admin/runs');
  stations = await import('@/db/admin/stations');
  orgs = await import('@/db/admin/orgs');
  subsidy = await import('@/db/admin/subsidy');
  services = await import('@/db/admin/services');
  calendarRange = await import('@/db/admin/calendar-range');
});

const tally = new Map<string, { tried: number; refused: number }>();
process.on('exit', () => {
  const rows = [...tally];
  const tried = rows.reduce((a, [, t]) => a + t.tried, 0);
  const refused = rows.reduce((a, [, t]) => a + t.refused, 0);
  console.log(`hostile admin inputs (unit): ${tried} inputs over ${rows.length} schemas/writes, ${refused} refused: ${rows.map(([k, t]) => `${k} ${t.tried}/${t.refused}`).join(', ')}`);
});
function note(name: string, refused: boolean) {
  const t = tally.get(name) ?? { tried: 0, refused: 0 };
  t.tried++;
  if (refused) t.refused++;
  tally.set(name, t);
}

type AnySchema = z.ZodType;

/** The field names of an object schema, through refinements and transforms. */
function keysOf(schema: AnySchema): string[] {
  let s: unknown = schema;
  for (let i = 0; i < 5 && s; i++) {
    const shape = (s as { shape?: Record<string, unknown> }).shape;
    if (shape) return Object.keys(shape);
    const def = (s as { def?: { in?: unknown; innerType?: unknown; schema?: unknown } }).def;
    s = def?.in ?? def?.innerType ?? def?.schema;
  }
  return [];
}

/** A value a form field might carry: hostile text, numbers, booleans, nested junk, arrays of records. */
const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, 1, 2, 3, -1, 2 ** 31, Number.MAX_SAFE_INTEGER + 2)) },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, undefined, 'on', '', '2026-11-30', '09:00', '2026-12-01T09:00') },
  { weight: 1, arbitrary: fc.array(fc.dictionary(fc.constantFrom('opens', 'closes', 'weekday', 'scope', 'kind', 'name', 'issuer', 'id', 'serviceId', 'mode'), hostileString, { maxKeys: 4 }), { maxLength: 4 }) },
  { weight: 1, arbitrary: anything },
);

/** A record shaped like the schema's form (some fields missing, some extra), or not a record at all. */
function recordFor(schema: AnySchema): fc.Arbitrary<unknown> {
  const keys = keysOf(schema);
  const record = fc.dictionary(
    keys.length ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'extra', '') }) : fc.string(),
    fieldValue,
    { maxKeys: keys.length + 3 },
  );
  return fc.oneof({ weight: 8, arbitrary: record }, { weight: 1, arbitrary: anything });
}

const SCHEMAS: Record<string, AnySchema> = {
  courseCreate: courseV.courseCreateSchema,
  courseUpdate: courseV.courseUpdateSchema,
  runCreate: runV.runCreateSchema,
  runUpdate: runV.runUpdateSchema,
  runClone: runV.runCloneSchema,
  stationDetails: stationV.stationDetailsSchema,
  stationHours: stationV.hoursSchema,
  stationException: stationV.exceptionSchema,
  stationDeleteException: stationV.deleteExceptionSchema,
  stationServices: stationV.servicesSchema,
  stationCloseToday: stationV.closeTodaySchema,
  stationReopenToday: stationV.reopenTodaySchema,
  stationVerify: stationV.verifySchema,
  stationTransition: stationV.transitionSchema,
  providerCreate: orgV.providerCreateSchema,
  providerUpdate: orgV.providerUpdateSchema,
  placeCreate: orgV.placeCreateSchema,
  placeUpdate: orgV.placeUpdateSchema,
  orgDelete: orgV.orgDeleteSchema,
  fairCreate: fairV.fairCreateSchema,
  fairUpdate: fairV.fairUpdateSchema,
  fairEmployer: fairV.employerSchema,
  fairEmployerDelete: fairV.employerDeleteSchema,
  fairPosition: fairV.positionSchema,
  fairPositionDelete: fairV.positionDeleteSchema,
  fairClone: fairV.fairCloneSchema,
  fairTransition: fairV.fairTransitionSchema,
  subsidyCreate: subsidyV.subsidyRuleCreateSchema,
  subsidyUpdate: subsidyV.subsidyRuleUpdateSchema,
  subsidyRef: subsidyV.subsidyRuleRefSchema,
  subsidyActive: subsidyV.subsidyRuleActiveSchema,
  subsidyMove: subsidyV.subsidyRuleMoveSchema,
  serviceUpdate: serviceV.serviceUpdateSchema,
  userCreate: userV.createUserSchema,
  userUpdate: userV.updateUserSchema,
  userSetDisabled: userV.setDisabledSchema,
  userResetPassword: userV.resetPasswordSchema,
  userChangePassword: userV.changePasswordSchema,
  calendarDay: calendarV.calendarDaySchema,
  calendarEdit: calendarV.calendarEditSchema,
  calendarDelete: calendarV.calendarDeleteSchema,
  calendarRange: calendarV.calendarRangeSchema,
  calendarRangeDelete: calendarV.calendarRangeDeleteSchema,
  importStationRow: importV.stationRowSchema,
  importRunRow: importV.runRowSchema,
};

describe('admin schemas: 1000 hostile records each, safeParse answers and never throws', () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(name, () => {
      fc.assert(
        fc.property(recordFor(schema), (input) => {
          let r: { success: boolean; error?: { issues: unknown[] } } | undefined;
          assert.doesNotThrow(() => {
            r = schema.safeParse(input);
          });
          note(`schema ${name}`, !r!.success);
          if (!r!.success) assert.ok(r!.error!.issues.length > 0);
          // Something that is not a record is never accepted as one.
          if (input === null || typeof input !== 'object' || Array.isArray(input)) assert.equal(r!.success, false);
        }),
        RUNS,
      );
    });
  }

  it('ids and versions that are not positive integers are refused', () => {
    const bad = fc.oneof(fc.constantFrom('-1', '0', '1.5', 'NaN', 'Infinity', '1e309', '', '１', '0x1', 'abc', -1, 0, 1.5, NaN, null, true), anything.filter((x) => typeof x === 'object'));
    fc.assert(
      fc.property(bad, bad, (id, version) => {
        for (const s of [courseV.courseUpdateSchema, stationV.verifySchema, orgV.orgDeleteSchema, subsidyV.subsidyRuleRefSchema, fairV.fairTransitionSchema, userV.setDisabledSchema]) {
          assert.equal(s.safeParse({ id, version, move: 'publish', disabled: true }).success, false);
        }
      }),
      RUNS,
    );
  });
});

const REFUSALS = [Invalid, NotFound, Forbidden, Conflict, StateError];

describe('admin writes: 1000 refused records each, a refusal error and nothing written', () => {
  type Write = { schema: () => AnySchema; run: (input: unknown) => unknown };
  const ctx = { actor: admin, ip: '198.18.0.1' };
  const WRITES: Record<string, Write> = {
    createCourse: { schema: () => courseV.courseCreateSchema, run: (i) => courses.createCourse(db, admin, i) },
    updateCourse: { schema: () => courseV.courseUpdateSchema, run: (i) => courses.updateCourse(db, admin, i) },
    transitionCourse: { schema: () => courses.transitionInput, run: (i) => courses.transitionCourse(db, admin, i) },
    createRun: { schema: () => runV.runCreateSchema, run: (i) => runs.createRun(db, admin, i) },
    updateRun: { schema: () => runV.runUpdateSchema, run: (i) => runs.updateRun(db, admin, i) },
    cloneRun: { schema: () => runV.runCloneSchema, run: (i) => runs.cloneRun(db, admin, i) },
    createStation: { schema: () => stationV.stationDetailsSchema, run: (i) => stations.createStation(db, admin, i) },
    updateStationDetails: { schema: () => stationV.stationDetailsSchema, run: (i) => stations.updateStationDetails(db, admin, i) },
    saveStationHours: { schema: () => stationV.hoursSchema, run: (i) => stations.saveStationHours(db, admin, i) },
    saveStationException: { schema: () => stationV.exceptionSchema, run: (i) => stations.saveStationException(db, admin, i) },
    deleteStationException: { schema: () => stationV.deleteExceptionSchema, run: (i) => stations.deleteStationException(db, admin, i) },
    saveStationServices: { schema: () => stationV.servicesSchema, run: (i) => stations.saveStationServices(db, admin, i) },
    closeStationToday: { schema: () => stationV.closeTodaySchema, run: (i) => stations.closeStationToday(db, admin, i) },
    markVerifiedToday: { schema: () => stationV.verifySchema, run: (i) => stations.markVerifiedToday(db, admin, i) },
    transitionStation: { schema: () => stationV.transitionSchema, run: (i) => stations.transitionStation(db, admin, i) },
    createProvider: { schema: () => orgV.providerCreateSchema, run: (i) => orgs.createProvider(db, ctx.actor, i, ctx.ip) },
    updateProvider: { schema: () => orgV.providerUpdateSchema, run: (i) => orgs.updateProvider(db, ctx.actor, i, ctx.ip) },
    deleteProvider: { schema: () => orgV.orgDeleteSchema, run: (i) => orgs.deleteProvider(db, ctx.actor, i, ctx.ip) },
    createPlace: { schema: () => orgV.placeCreateSchema, run: (i) => orgs.createPlace(db, ctx.actor, i, ctx.ip) },
    updatePlace: { schema: () => orgV.placeUpdateSchema, run: (i) => orgs.updatePlace(db, ctx.actor, i, ctx.ip) },
    deletePlace: { schema: () => orgV.orgDeleteSchema, run: (i) => orgs.deletePlace(db, ctx.actor, i, ctx.ip) },
    createSubsidyRule: { schema: () => subsidyV.subsidyRuleCreateSchema, run: (i) => subsidy.createSubsidyRule(db, ctx.actor, i, ctx.ip) },
    updateSubsidyRule: { schema: () => subsidyV.subsidyRuleUpdateSchema, run: (i) => subsidy.updateSubsidyRule(db, ctx.actor, i, ctx.ip) },
    setSubsidyRuleActive: { schema: () => subsidyV.subsidyRuleActiveSchema, run: (i) => subsidy.setSubsidyRuleActive(db, ctx.actor, i, ctx.ip) },
    moveSubsidyRule: { schema: () => subsidyV.subsidyRuleMoveSchema, run: (i) => subsidy.moveSubsidyRule(db, ctx.actor, i, ctx.ip) },
    deleteSubsidyRule: { schema: () => subsidyV.subsidyRuleRefSchema, run: (i) => subsidy.deleteSubsidyRule(db, ctx.actor, i, ctx.ip) },
    updateService: { schema: () => serviceV.serviceUpdateSchema, run: (i) => services.updateService(db, ctx.actor, i, ctx.ip) },
    saveCalendarRange: { schema: () => calendarV.calendarRangeSchema, run: (i) => calendarRange.calendarRangeWrites.save(db, ctx.actor, i, ctx.ip) },
    deleteCalendarRange: { schema: () => calendarV.calendarRangeDeleteSchema, run: (i) => calendarRange.calendarRangeWrites.delete(db, ctx.actor, i, ctx.ip) },
  };
  for (const [name, w] of Object.entries(WRITES)) {
    it(name, () => {
      const schema = w.schema();
      fc.assert(
        fc.property(
          recordFor(schema).filter((i) => !schema.safeParse(i).success),
          (input) => {
            const before = changes();
            let thrown: unknown = null;
            try {
              w.run(input);
            } catch (e) {
              thrown = e;
            }
            note(`write ${name}`, thrown !== null);
            assert.ok(thrown !== null, `${name} accepted a record its schema refuses`);
            assert.ok(REFUSALS.some((C) => thrown instanceof C), `${name} threw ${String(thrown)}`);
            assert.equal(changes(), before, `${name} wrote while refusing`);
          },
        ),
        RUNS,
      );
    });
  }
});
