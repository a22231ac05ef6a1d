/**
 * The frame of every admin server action:
 *
 *   export async function saveX(input: unknown) {
 *     return guarded('x.save', async () => {
 *       const actor = await requireActor();           // who (or Unauthenticated)
 *       const data = parseInput(xSchema, input);       // what (or Invalid)
 *       return writeTransaction(db, () => {
 *         const row = load(data.id) ?? throw NotFound;
 *         authorize(actor, 'edit', resourceOf(row));   // may they (or Forbidden)
 *         expectVersion(db, 'x', row, data.version, …); // still fresh (or Conflict)
 *         … write, recordAudit(), reindex …
 *       });
 *     });
 *   }
 *
 * guarded() turns the thrown errors into small refusal objects and any other failure into a
 * plain message (the details go to the server log only).
 */
import 'server-only';
import type { z } from 'zod';
import { Forbidden } from '../auth/permissions';
import { Unauthenticated } from '../auth/guard';
import { Conflict, Invalid, NotFound, StateError } from './errors';
import { REFUSAL_MESSAGES, type ActionResult, type Refusal } from './result';
import { zodFieldErrors } from './zod-errors';
import { log } from '../log';

export { Conflict, Invalid, NotFound, StateError } from './errors';
export type { ActionResult, Refusal } from './result';

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

/** Parses an action's input with the same zod schema the form uses, or throws Invalid. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new Invalid(zodFieldErrors(r.error));
  return r.data;
}
