/**
 * The one way an admin server action is made:
 *
 *   export const saveStationHoursAction = adminAction(saveStationHours);
 *   export const createStationAction = adminAction(createStation, t.details.created);
 *
 * adminAction() takes a gated write (writer()/asyncWriter() in ./write.ts, which names its
 * permission and schema) and adds what only the web knows: the session (Unauthenticated when
 * there is none alive) and the client address for the audit row. guarded() turns the thrown
 * errors into small refusal objects and any other failure into a plain message (the details go
 * to the server log only). Server actions are public POST endpoints: none may skip this.
 */
import 'server-only';
import { Forbidden, type Actor } from '../auth/permissions';
import { requireActor, Unauthenticated } from '../auth/guard';
import { Conflict, Invalid, NotFound, StateError } from './errors';
import { REFUSAL_MESSAGES, type ActionResult, type AdminAction, type MergeNotice, type Refusal } from './result';
import { log } from '../log';
import { clientIp } from '../auth/client-ip';
import { getDb } from '../index';
import type { Writer } from './write';
import { headers } from 'next/headers';

export { Conflict, Invalid, NotFound, StateError } from './errors';
export type { ActionResult, AdminAction, MergeNotice, Refusal } from './result';
export { parseInput } from './write';

export function refusal(code: Refusal['code'], message?: string, extra?: Partial<Refusal>): Refusal {
  return { ok: false, code, message: message ?? REFUSAL_MESSAGES[code], ...extra };
}

function isNextControlFlow(e: unknown): boolean {
  const digest = (e as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK') || digest === 'DYNAMIC_SERVER_USAGE');
}

export async function guarded<T extends object>(name: string, fn: () => Promise<ActionResult<T>> | ActionResult<T>): Promise<ActionResult<T>> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof Unauthenticated) return refusal('unauthenticated');
    if (e instanceof Forbidden) return refusal('forbidden', e.message);
    if (e instanceof Invalid) return refusal('invalid', e.message, { fieldErrors: e.fieldErrors });
    if (e instanceof NotFound) return refusal('not_found', e.message);
    if (e instanceof Conflict) return refusal('conflict', e.message, { conflict: e.info });
    if (e instanceof StateError) return refusal('state', e.message);
    if (isNextControlFlow(e)) throw e;
    log.error('admin.action.failed', { action: name, err: e });
    return refusal('error');
  }
}

/** What a gated write gives back once awaited. */
type Result<W> = W extends Writer<infer R> ? Awaited<R> : never;

/**
 * A server action for a gated write. `reply` is the success message, or a function building the
 * success object from the write's result (its message and the fields the page needs).
 */

export function adminAction<W extends Writer<unknown>>(write: W, reply?: string): AdminAction<Result<W> & object>;
export function adminAction<W extends Writer<unknown>, X extends object>(
  write: W,
  reply: (result: Result<W>, actor: Actor) => (X & { message?: string }) | Promise<X & { message?: string }>,
): AdminAction<X>;
export function adminAction<W extends Writer<unknown>, X extends object>(
  write: W,
  reply?: string | ((result: Result<W>, actor: Actor) => (X & { message?: string }) | Promise<X & { message?: string }>),
): AdminAction<object> {
  return async (input: unknown) =>
    guarded<object>(write.writeName, async () => {
      const actor = await requireActor();
      const ip = clientIp(await headers());
      const result = (await write(getDb(), actor, input, ip)) as Result<W> & object;
      // A save merged with someone else's changes says so, whatever else its reply holds.
      const merged = (result as { merged?: MergeNotice }).merged;
      if (typeof reply === 'function') return { ok: true, ...(await reply(result, actor)), ...(merged ? { merged } : {}) };
      return reply === undefined ? { ok: true, ...result } : { ok: true, message: reply, ...result };
    });
}
