/**
 * Every action code the audit log is written with. `recordAudit` takes only these, so a writer
 * cannot invent a code the log page has no words for (components/admin/audit/strings.ts words
 * each one; audit-actions.test.ts reads the writers' source to make sure).
 */
import type { Transition } from '../auth/permissions';

/** Lifecycle moves are written with the move's own name (db/admin/lifecycle.ts). */
const MOVES = ['submit', 'publish', 'return', 'recall', 'withdraw', 'archive', 'restore'] as const satisfies readonly Transition[];
// Every move has a code: a new one in permissions.ts fails to compile here until it is listed.
true satisfies Exclude<Transition, (typeof MOVES)[number]> extends never ? true : false;

/** Changes to records. */
export const CHANGE_ACTIONS = ['create', 'update', 'delete', 'verify', 'import', 'closeToday', 'reopenToday', ...MOVES, 'disable', 'enable', 'password.reset', 'password.change', 'password.set'] as const;

/** Sign-in events (entity 'session'): the 登录记录 view. */
export const SESSION_ACTIONS = ['signin', 'signin.failed', 'signin.throttled', 'signout'] as const;

export const AUDIT_ACTIONS = [...CHANGE_ACTIONS, ...SESSION_ACTIONS] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(code: string): code is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(code);
}
