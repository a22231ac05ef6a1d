/**
 * Who may do what: the one table of admin permissions, as a pure function so it can be tested
 * without a database. Server actions and pages ask `can()` (or `authorize()`, which throws)
 * with the record they are about to touch; ownership is part of the question.
 *
 * | role     | may |
 * |----------|-----|
 * | admin    | everything, including users, the holiday calendar and the subsidy rules |
 * | editor   | create, edit, publish, withdraw, archive courses, runs, stations, fairs; import/export; read the audit log; |
 * |          | view and edit the service catalogue (what to bring, whether a phone will do); |
 * |          | create, edit, rename and delete training providers and places (机构与场地); |
 * |          | read the subsidy rules, the 15-minute coverage view and the zero-result searches |
 * | provider | its own provider's courses and runs: create, edit, submit for review, take a submission back, withdraw; delete its own drafts; |
 * |          | its own provider's details (phone, address, intro — not its name: 'rename' is the bureau's); |
 * |          | create and edit places that belong to its own provider |
 * | station  | its own station's hours, exceptions, services, 今日临时闭站 |
 * | everyone | its own account (我的账号): view it, change its password |
 */
import type { Publication, Role } from '../enums';

export type Actor = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  providerId: number | null;
  stationId: number | null;
};

export type Verb =
  | 'view'
  | 'create'
  | 'edit'
  /** Hours, exceptions, services and 今日临时闭站 of a station. */
  | 'editSchedule'
  | 'submit'
  /** Take back one's own submission before it is reviewed (review → draft): 撤回提交. */
  | 'recall'
  | 'publish'
  /** Send a submission back to its author (review → draft). */
  | 'return'
  /** Take a published record off the public site: 撤下. */
  | 'withdraw'
  | 'archive'
  /** Bring an archived record back as a draft. */
  | 'restore'
  | 'delete'
  | 'import'
  | 'export'
  /** Change a training provider's name or short name (how residents and the bureau know it). */
  | 'rename';

export type Resource =
  | { kind: 'course'; providerId: number | null }
  | { kind: 'run'; providerId: number | null }
  | { kind: 'station'; stationId: number | null }
  | { kind: 'fair' }
  /** A training provider; providerId is the provider's own id (null: one not yet created). */
  | { kind: 'provider'; providerId: number | null }
  /** A place (classroom, practice base, venue, landmark); providerId is its owner, null for public places. */
  | { kind: 'place'; providerId: number | null }
  | { kind: 'calendar' }
  | { kind: 'user' }
  | { kind: 'audit' }
  /** The subsidy self-check's rules: 管理员 edits them, 编辑 reads them. */
  | { kind: 'subsidy' }
  /** The service catalogue (医保经办事项: what to bring, whether a phone will do): 管理员 and 编辑 edit it. */
  | { kind: 'service' }
  /** What the bureau learns from residents: 15-minute coverage and zero-result searches. */
  | { kind: 'insights' }
  /** The admin dashboard and lists: anyone signed in sees their own scope. */
  | { kind: 'dashboard' }
  /** One's own account (我的账号): anyone signed in sees it and changes its password. */
  | { kind: 'account' };

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  editor: '编辑',
  provider: '培训机构',
  station: '驿站',
};

const CONTENT_VERBS: readonly Verb[] = [
  'view',
  'create',
  'edit',
  'editSchedule',
  'publish',
  'return',
  'withdraw',
  'archive',
  'restore',
  'delete',
  'import',
  'export',
];

const PROVIDER_VERBS: readonly Verb[] = ['view', 'create', 'edit', 'submit', 'recall', 'withdraw', 'delete'];

/** What 编辑 may do with providers and places (reference records: no lifecycle). */
const ORG_VERBS: readonly Verb[] = ['view', 'create', 'edit', 'delete'];

export function can(actor: Actor, verb: Verb, resource: Resource): boolean {
  if (verb === 'rename' && resource.kind !== 'provider') return false;
  if (resource.kind === 'account') return verb === 'view' || verb === 'edit';
  if (actor.role === 'admin') return (verb !== 'submit' && verb !== 'recall') || resource.kind === 'course' || resource.kind === 'run';
  if (resource.kind === 'dashboard') return verb === 'view';
  switch (actor.role) {
    case 'editor':
      if (resource.kind === 'provider') return ORG_VERBS.includes(verb) || verb === 'rename';
      if (resource.kind === 'place') return ORG_VERBS.includes(verb);
      if (resource.kind === 'course' || resource.kind === 'run' || resource.kind === 'fair') return CONTENT_VERBS.includes(verb);
      if (resource.kind === 'station') return CONTENT_VERBS.includes(verb);
      if (resource.kind === 'audit') return verb === 'view';
      if (resource.kind === 'calendar') return verb === 'view';
      if (resource.kind === 'subsidy') return verb === 'view';
      if (resource.kind === 'service') return verb === 'view' || verb === 'edit';
      if (resource.kind === 'insights') return verb === 'view';
      return false;
    case 'provider':
      if (resource.kind === 'course' || resource.kind === 'run')
        return actor.providerId !== null && resource.providerId === actor.providerId && PROVIDER_VERBS.includes(verb);
      // Its own provider's details (not its name), and its own places; never another's, nor public venues.
      if (resource.kind === 'provider')
        return actor.providerId !== null && resource.providerId === actor.providerId && (verb === 'view' || verb === 'edit');
      if (resource.kind === 'place')
        return actor.providerId !== null && resource.providerId === actor.providerId && (verb === 'view' || verb === 'create' || verb === 'edit');
      return false;
    case 'station':
      if (resource.kind === 'station')
        return actor.stationId !== null && resource.stationId === actor.stationId && (verb === 'view' || verb === 'editSchedule');
      return false;
  }
}

/** Thrown when an actor may not do something; action wrappers turn it into a refusal. */
export class Forbidden extends Error {
  readonly code = 'forbidden';
  constructor(message = '您没有权限进行这项操作') {
    super(message);
  }
}

export function authorize(actor: Actor, verb: Verb, resource: Resource): void {
  if (!can(actor, verb, resource)) throw new Forbidden();
}

/** The lifecycle moves and the states each may start from. */
export const TRANSITIONS = {
  submit: { from: ['draft', 'withdrawn'], to: 'review' },
  publish: { from: ['draft', 'review', 'withdrawn'], to: 'published' },
  return: { from: ['review'], to: 'draft' },
  // Taking back a submission is not taking a record off the site: it was never live, so it is a draft again.
  recall: { from: ['review'], to: 'draft' },
  withdraw: { from: ['published'], to: 'withdrawn' },
  archive: { from: ['draft', 'withdrawn'], to: 'archived' },
  restore: { from: ['archived'], to: 'draft' },
} as const satisfies Record<string, { from: readonly Publication[]; to: Publication }>;

export type Transition = keyof typeof TRANSITIONS;

export function canTransition(from: Publication, move: Transition): boolean {
  return (TRANSITIONS[move].from as readonly Publication[]).includes(from);
}

/** The moves an actor could make on a record in state `from` (for showing buttons). */
export function availableTransitions(actor: Actor, from: Publication, resource: Resource): Transition[] {
  return (Object.keys(TRANSITIONS) as Transition[]).filter((m) => canTransition(from, m) && can(actor, m, resource));
}

export const PUBLICATION_LABELS: Record<Publication, string> = {
  draft: '草稿',
  review: '待审核',
  published: '已发布',
  withdrawn: '已撤下',
  archived: '已归档',
};

export const TRANSITION_LABELS: Record<Transition, string> = {
  submit: '提交审核',
  publish: '发布',
  return: '退回修改',
  recall: '撤回提交',
  withdraw: '撤下',
  archive: '归档',
  restore: '恢复为草稿',
};
