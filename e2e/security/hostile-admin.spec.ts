/**
 * A representative HTTP sample of hostile admin input: signed in as the admin (who may do
 * everything, so only validation stands in the way), 100 generated bodies are POSTed raw to each
 * of five admin actions. Each body is the action's direct-call case with hostile values in
 * random fields and a version that is not a positive integer, so every one must be refused as
 * invalid — with no 5xx and the database digest unchanged. (The 1000-per-schema figure is the
 * unit test db/hostile/admin-inputs.test.ts; this proves the same holds through Next.)
 *
 * Runs in its own project (playwright.config.ts 'hostile-admin'), alone after direct-calls:
 * its sign-in and the digest must not overlap another spec's writes.
 */
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { fingerprint, withDb } from '../helpers/db';
import { signedInContext } from '../helpers/auth';
import { anything, hostileString } from '@/db/hostile/arbitraries';
import { actionsUnder, check, newTally, pool, postAction, report, type Tally } from './hostile-helpers';
import { CASES } from '../admin/direct-calls/cases';

const PER_ACTION = Number(process.env.HOSTILE_ADMIN_RUNS ?? 100);
const SEED = Number(process.env.HOSTILE_SEED ?? Date.now() % 2 ** 31);
const SAMPLE = [
  'app/admin/(console)/courses/actions.ts#updateCourseAction',
  'app/admin/(console)/stations/actions.ts#updateStationDetailsAction',
  'app/admin/(console)/stations/actions.ts#transitionStationAction',
  'app/admin/(console)/fairs/actions.ts#updateFairAction',
  'app/admin/(console)/subsidy-rules/actions.ts#updateSubsidyRuleAction',
];

/** A version no schema accepts. */
const badVersion = fc.constantFrom('-1', '0', '', '1.5', 'NaN', '0x1', '1e3', '１', null, -3, 2.5, true, [], {});

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const tallies: Record<string, Tally> = {};
/** Answers that were an action's refusal result ({ ok: false, … }), per action. */
const refusals: Record<string, number> = {};
test.afterAll(() => {
  console.log(report(`hostile admin HTTP sample (seed ${SEED}, ${PER_ACTION} per action, signed in as admin)`, tallies));
  console.log(`  refused with an error result: ${Object.entries(refusals).map(([k, n]) => `${k} ${n}`).join(', ')}`);
});

const ACTIONS = actionsUnder('app/admin/');

for (const key of SAMPLE) {
  test(`${key.split('#')[1]}: ${PER_ACTION} hostile bodies refused, nothing written`, async ({ browser }) => {
    const action = ACTIONS.find((a) => a.key === key);
    expect(action, `${key} in the build`).toBeTruthy();
    const base = withDb((db) => CASES[key]!.args(db))[0] as Record<string, unknown>;
    const fieldNames = Object.keys(base);
    const body = fc.oneof(
      { weight: 8, arbitrary: fc.tuple(fc.dictionary(fc.constantFrom(...fieldNames), fc.oneof(hostileString, anything), { maxKeys: 4 }), badVersion).map(([over, version]) => ({ ...base, ...over, version })) },
      { weight: 1, arbitrary: anything.filter((x) => x === null || typeof x !== 'object' || Array.isArray(x)) },
    );
    const bodies = fc.sample(body, { numRuns: PER_ACTION, seed: SEED }).map((arg) => {
      try {
        return JSON.stringify([arg]);
      } catch {
        return JSON.stringify([String(arg)]);
      }
    });
    const { context, page } = await signedInContext(browser, 'admin');
    const name = key.split('#')[1] ?? key;
    const t = (tallies[name] = newTally());
    const refusedAsInvalid: string[] = [];
    try {
      const before = fingerprint();
      await pool(
        bodies.map((b) => async (ip: string) => {
          await check(t, `${key}(${b.slice(0, 80)})`, async () => {
            const res = await postAction(page.request, '/admin', action!.id, b, ip);
            const text = await res.text();
            if (text.includes('"ok":false')) refusals[name] = (refusals[name] ?? 0) + 1;
            if (res.status() < 400 && !text.includes('"ok":false')) refusedAsInvalid.push(`accepted: ${b.slice(0, 120)} → ${text.slice(0, 120)}`);
            return res;
          });
        }),
        4,
      );
      expect(t.problems.slice(0, 5)).toEqual([]);
      expect(refusedAsInvalid.slice(0, 5), 'every hostile body is refused').toEqual([]);
      expect(fingerprint(), 'database unchanged').toBe(before);
    } finally {
      await context.close();
    }
  });
}
