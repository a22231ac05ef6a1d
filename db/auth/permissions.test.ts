/**
 * The whole permission table, role × verb × resource (with ownership), written out as the
 * README states it, checked against can() cell by cell. A change to permissions.ts that is not
 * also a deliberate change here fails.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  authorize,
  availableTransitions,
  can,
  canTransition,
  Forbidden,
  TRANSITIONS,
  type Actor,
  type Resource,
  type Verb,
} from './permissions';

const VERBS: Verb[] = ['view', 'create', 'edit', 'editSchedule', 'submit', 'publish', 'return', 'withdraw', 'archive', 'restore', 'delete', 'import', 'export', 'rename'];

const actors: Record<'admin' | 'editor' | 'provider' | 'station', Actor> = {
  admin: { id: 1, username: 'admin', displayName: '管理员', role: 'admin', providerId: null, stationId: null },
  editor: { id: 2, username: 'editor', displayName: '编辑', role: 'editor', providerId: null, stationId: null },
  provider: { id: 3, username: 'kangxin', displayName: '康馨', role: 'provider', providerId: 4, stationId: null },
  station: { id: 4, username: 'youanmen', displayName: '右安门', role: 'station', providerId: null, stationId: 1 },
};

/** Every resource the console asks about, with the owner variants that matter. */
const RESOURCES: Record<string, Resource> = {
  'course:own': { kind: 'course', providerId: 4 },
  'course:other': { kind: 'course', providerId: 7 },
  'course:none': { kind: 'course', providerId: null },
  'run:own': { kind: 'run', providerId: 4 },
  'run:other': { kind: 'run', providerId: 7 },
  'station:own': { kind: 'station', stationId: 1 },
  'station:other': { kind: 'station', stationId: 2 },
  'station:none': { kind: 'station', stationId: null },
  fair: { kind: 'fair' },
  'provider:own': { kind: 'provider', providerId: 4 },
  'provider:other': { kind: 'provider', providerId: 7 },
  'provider:none': { kind: 'provider', providerId: null },
  'place:own': { kind: 'place', providerId: 4 },
  'place:other': { kind: 'place', providerId: 7 },
  'place:none': { kind: 'place', providerId: null },
  calendar: { kind: 'calendar' },
  user: { kind: 'user' },
  audit: { kind: 'audit' },
  subsidy: { kind: 'subsidy' },
  service: { kind: 'service' },
  insights: { kind: 'insights' },
  dashboard: { kind: 'dashboard' },
};

const CONTENT: Verb[] = VERBS.filter((v) => v !== 'submit' && v !== 'rename');
const PROVIDERS = ['provider:own', 'provider:other', 'provider:none'];
const PLACES = ['place:own', 'place:other', 'place:none'];
const all = (keys: string[], verbs: Verb[]) => keys.flatMap((k) => verbs.map((v) => `${k}:${v}`));

/** What each role may do: "resource-key:verb". Anything not listed is refused. */
const ALLOWED: Record<keyof typeof actors, Set<string>> = {
  // Everything; "submit for review" only means something for courses and runs.
  admin: new Set([
    ...all(Object.keys(RESOURCES), CONTENT),
    ...all(['course:own', 'course:other', 'course:none', 'run:own', 'run:other'], ['submit']),
    // A provider's name is changed by the bureau: 'rename' means something for providers only.
    ...all(PROVIDERS, ['rename']),
  ]),
  // Content of every owner (publishing included, submitting not needed); reads the audit log and the calendar.
  editor: new Set([
    ...all(['course:own', 'course:other', 'course:none', 'run:own', 'run:other', 'station:own', 'station:other', 'station:none', 'fair'], CONTENT),
    // Providers and places (reference records): create, edit, delete; renaming a provider too.
    ...all([...PROVIDERS, ...PLACES], ['view', 'create', 'edit', 'delete']),
    ...all(PROVIDERS, ['rename']),
    'audit:view',
    'calendar:view',
    'subsidy:view',
    // The service catalogue (办理需带, 手机可办): read and corrected, never created or deleted.
    'service:view',
    'service:edit',
    'insights:view',
    'dashboard:view',
  ]),
  // Its own provider's courses and runs only; cannot publish, archive, import or export.
  // Its own provider's details but not its name; its own places (create and edit, not delete).
  provider: new Set([
    ...all(['course:own', 'run:own'], ['view', 'create', 'edit', 'submit', 'withdraw', 'delete']),
    ...all(['provider:own'], ['view', 'edit']),
    ...all(['place:own'], ['view', 'create', 'edit']),
    'dashboard:view',
  ]),
  // Its own station's schedule only.
  station: new Set(['station:own:view', 'station:own:editSchedule', 'dashboard:view']),
};

describe('can(): the full role × verb × resource table', () => {
  for (const [role, actor] of Object.entries(actors) as [keyof typeof actors, Actor][]) {
    it(`${role}: every cell matches the table`, () => {
      const wrong: string[] = [];
      for (const [key, resource] of Object.entries(RESOURCES)) {
        for (const verb of VERBS) {
          const expected = ALLOWED[role].has(`${key}:${verb}`);
          if (can(actor, verb, resource) !== expected) wrong.push(`${key}:${verb} expected ${expected}`);
        }
      }
      assert.deepEqual(wrong, []);
    });
  }

  it('only 管理员 may open or change accounts and the holiday calendar', () => {
    for (const role of ['editor', 'provider', 'station'] as const) {
      assert.equal(can(actors[role], 'edit', { kind: 'subsidy' }), false, role);
      assert.equal(can(actors[role], 'view', { kind: 'user' }), false, role);
      assert.equal(can(actors[role], 'edit', { kind: 'user' }), false, role);
      assert.equal(can(actors[role], 'edit', { kind: 'calendar' }), false, role);
      assert.equal(can(actors[role], 'delete', { kind: 'calendar' }), false, role);
    }
    assert.equal(can(actors.admin, 'edit', { kind: 'user' }), true);
    assert.equal(can(actors.admin, 'edit', { kind: 'calendar' }), true);
  });

  it('a 培训机构 edits its own provider but may not rename it, and touches no other provider or public place', () => {
    assert.equal(can(actors.provider, 'edit', { kind: 'provider', providerId: 4 }), true);
    assert.equal(can(actors.provider, 'rename', { kind: 'provider', providerId: 4 }), false);
    assert.equal(can(actors.provider, 'edit', { kind: 'provider', providerId: 1 }), false);
    assert.equal(can(actors.provider, 'create', { kind: 'provider', providerId: null }), false);
    assert.equal(can(actors.provider, 'delete', { kind: 'provider', providerId: 4 }), false);
    assert.equal(can(actors.provider, 'create', { kind: 'place', providerId: 4 }), true);
    assert.equal(can(actors.provider, 'edit', { kind: 'place', providerId: null }), false, 'a public fair venue');
    assert.equal(can(actors.provider, 'edit', { kind: 'place', providerId: 1 }), false);
    assert.equal(can(actors.editor, 'rename', { kind: 'provider', providerId: 4 }), true);
    for (const verb of VERBS) {
      assert.equal(can(actors.station, verb, { kind: 'provider', providerId: 4 }), false, verb);
      assert.equal(can(actors.station, verb, { kind: 'place', providerId: null }), false, verb);
    }
  });

  it('a scoped account without its scope id owns nothing', () => {
    const lost: Actor = { ...actors.provider, providerId: null };
    assert.equal(can(lost, 'edit', { kind: 'course', providerId: null }), false);
    assert.equal(can(lost, 'edit', { kind: 'provider', providerId: null }), false);
    assert.equal(can(lost, 'create', { kind: 'place', providerId: null }), false);
    const lostStation: Actor = { ...actors.station, stationId: null };
    assert.equal(can(lostStation, 'editSchedule', { kind: 'station', stationId: null }), false);
  });
});

describe('authorize()', () => {
  it('throws Forbidden with a Chinese message when refused, and nothing when allowed', () => {
    assert.throws(() => authorize(actors.station, 'editSchedule', { kind: 'station', stationId: 2 }), (e: unknown) => {
      assert.ok(e instanceof Forbidden);
      assert.equal(e.code, 'forbidden');
      assert.match(e.message, /没有权限/);
      return true;
    });
    assert.doesNotThrow(() => authorize(actors.station, 'editSchedule', { kind: 'station', stationId: 1 }));
  });
});

describe('lifecycle transitions', () => {
  it('each move starts only from its listed states', () => {
    assert.equal(canTransition('draft', 'publish'), true);
    assert.equal(canTransition('archived', 'publish'), false);
    assert.equal(canTransition('published', 'archive'), false, 'withdraw before archiving');
    assert.equal(canTransition('archived', 'restore'), true);
    assert.equal(canTransition('review', 'return'), true);
    assert.equal(canTransition('draft', 'return'), false);
    for (const [move, spec] of Object.entries(TRANSITIONS)) assert.ok(spec.from.length > 0, move);
  });

  it('a provider can submit its draft but not publish it; an editor can publish but not submit', () => {
    const own: Resource = { kind: 'course', providerId: 4 };
    assert.deepEqual(availableTransitions(actors.provider, 'draft', own), ['submit']);
    // A school takes back its own submission (撤回提交, back to a draft); 撤下 is only for a live record.
    assert.deepEqual(availableTransitions(actors.provider, 'review', own), ['recall']);
    assert.deepEqual(availableTransitions(actors.provider, 'published', own), ['withdraw']);
    assert.deepEqual(availableTransitions(actors.editor, 'review', own), ['publish', 'return']);
    assert.equal(canTransition('review', 'withdraw'), false, 'a submission is taken back or returned, not taken off the site');
    assert.equal(TRANSITIONS.recall.to, 'draft');
    assert.deepEqual(availableTransitions(actors.provider, 'draft', { kind: 'course', providerId: 7 }), []);
  });
});
