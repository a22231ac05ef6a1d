/**
 * The one gate every admin write goes through, without the web around it (the session and the
 * client address come from adminAction() in ./action.ts, or from a test):
 *
 *   0. where a write says so, a check on the account alone (no scoped account may import);
 *   1. the key of the record (a small schema read first), and the record itself (or NotFound);
 *   2. the permission, asked about THAT record (ownership included), before the rest of the
 *      input is read — a scoped account aiming at someone else's record is refused whatever it
 *      sent (Forbidden, never Invalid);
 *   3. the whole input, with the same zod schema the form runs (or Invalid with field messages);
 *   4. the write itself, handed the typed data and the loaded row, inside one write transaction
 *      with its audit row (throwing anywhere rolls it all back).
 *
 * `permission` and `on` are required fields of the spec, so a write cannot be declared without
 * saying what it needs; adminAction() only accepts what writer()/asyncWriter() made.
 */
import 'server-only';
import { z } from 'zod';
import type { DB } from '../client';
import { authorize, can, Forbidden, type Actor, type Resource, type Verb } from '../auth/permissions';
import { Invalid, NotFound } from './errors';
import { writeTransaction } from './tx';
import { zodFieldErrors } from './zod-errors';
import { reconcileSave, type SaveTarget, type Settled } from './conflict';
import type { MergeNotice } from './result';

/**
 * A save of a versioned record checked against the record now (./conflict.ts reconcileSave):
 * the data to write, merged with changes made since the editor's version, or Conflict.
 */
export type Reconcile = <D extends { version: number }>(target: SaveTarget, data: D) => D;

/** What the write itself is handed: who, the parsed input, the record it loaded, and from where. */
export type WriteContext<D, R> = { actor: Actor; data: D; row: R; ip: string | undefined; reconcile: Reconcile };

/** Conflicting fields the editor decided after seeing both values (sent back with the next save). */
const settledInput = z
  .object({ against: z.number().int().positive(), fields: z.array(z.string().max(80)).max(200) })
  .optional()
  .catch(undefined);

/**
 * The reconcile() a write is handed: the merge checks a merged result with the write's own
 * schema, and keeps its notice for the answer (a merged save says what it merged).
 */
function reconcilerFor(db: DB, schema: z.ZodType, input: unknown, kept: { notice: MergeNotice | null }): Reconcile {
  const settled: Settled | undefined = settledInput.parse((input as { resolved?: unknown } | null)?.resolved);
  return (target, data) => {
    // The save as the form would send it with their values in it, read by the write's own schema.
    const check = (taken: Record<string, unknown>) => schema.safeParse({ ...(input as object), ...asSent(taken) }).success;
    const r = reconcileSave(db, target, data, { settled, check });
    kept.notice = r.notice;
    return r.data;
  };
}

/** Stored values as a form sends them (numbers as text, nothing as ''), which every schema reads. */
function asSent(values: Record<string, unknown>): Record<string, unknown> {
  const one = (v: unknown): unknown =>
    v === null || v === undefined
      ? ''
      : typeof v === 'number'
        ? String(v)
        : Array.isArray(v)
          ? v.map(one)
          : typeof v === 'object'
            ? Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, one(x)]))
            : v;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, one(v)]));
}

/** The write's answer, with the merge notice when the save was merged. */
function withNotice<T>(result: T, notice: MergeNotice | null): T {
  if (!notice || result === null || typeof result !== 'object') return result;
  return { ...result, merged: notice };
}

type Loader<K, R> = {
  /** The part of the input that names the record (e.g. `{ id }`), read before anything else. */
  key: z.ZodType<K>;
  /** The actor is there for records kept per account (an upload's preview). */
  row: (db: DB, key: K, actor: Actor) => R | null | undefined;
  /** The refusal when there is no such record. */
  missing?: string;
};

type Spec<S extends z.ZodType, R, K> = {
  /** For the server log when something unexpected fails (e.g. 'station.hours'). */
  name: string;
  /** The verb asked of permissions.ts; a function when the input names it (a lifecycle move). */
  permission: Verb | ((input: unknown) => Verb);
  /**
   * The resource the permission is asked about, from the loaded record (null when there is none);
   * a create reads the owner it names from the raw input, so ownership is still asked first.
   * A list means "any of these" (an import may be of stations or of runs).
   */
  on: (row: R | null, input: unknown) => Resource | readonly Resource[];
  schema: S;
  /** A further check once the input is read (moving a course to another provider needs that provider too). */
  authorize?: (actor: Actor, data: z.output<S>, row: R) => void;
  load?: Loader<K, R>;
  /** A check on the account alone, before anything is read (no scoped account may import at all). */
  account?: (actor: Actor) => void;
  /** Reshapes the raw input before it is read (e.g. the signed-in login name, whatever was sent). */
  input?: (raw: unknown, actor: Actor) => unknown;
};

export type SyncSpec<S extends z.ZodType, R, K, T> = Spec<S, R, K> & {
  run: (db: DB, ctx: WriteContext<z.output<S>, R>) => T;
};

export type AsyncSpec<S extends z.ZodType, R, K, T> = Spec<S, R, K> & {
  /** Opens its own write transaction after its slow step (password hashing must not hold the lock). */
  run: (db: DB, ctx: WriteContext<z.output<S>, R>) => Promise<T>;
};

declare const WRITER: unique symbol;

/** A gated write: call it with the raw input. Only writer()/asyncWriter() make one. */
export type Writer<T> = ((db: DB, actor: Actor, input: unknown, ip?: string) => T) & {
  readonly [WRITER]: true;
  readonly writeName: string;
};

/** The schema's output, or Invalid with a message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new Invalid(zodFieldErrors(r.error));
  return r.data;
}

/** Steps 1–3: the record, the permission on it, then the whole input. */
function open<S extends z.ZodType, R, K>(db: DB, actor: Actor, raw: unknown, spec: Spec<S, R, K>): { row: R | null; data: z.output<S>; input: unknown } {
  spec.account?.(actor);
  const input = spec.input ? spec.input(raw, actor) : raw;
  let row: R | null = null;
  if (spec.load) {
    const key = parseInput(spec.load.key, input);
    row = spec.load.row(db, key, actor) ?? null;
    if (row === null) throw new NotFound(spec.load.missing);
  }
  const verb = typeof spec.permission === 'function' ? spec.permission(input) : spec.permission;
  const on = spec.on(row, input);
  if (Array.isArray(on)) {
    if (!on.some((r: Resource) => can(actor, verb, r))) throw new Forbidden();
  } else authorize(actor, verb, on as Resource);
  const data = parseInput(spec.schema, input);
  spec.authorize?.(actor, data, row as R);
  return { row, data, input };
}

function brand<F extends (...a: never[]) => unknown>(f: F, name: string) {
  return Object.assign(f, { writeName: name }) as unknown as F & { readonly [WRITER]: true; readonly writeName: string };
}

/** A write whose every step runs inside one write transaction (the record is read under the lock). */
export function writer<S extends z.ZodType, T, R = null, K = unknown>(spec: SyncSpec<S, R, K, T>): Writer<T> {
  return brand(
    (db: DB, actor: Actor, raw: unknown, ip?: string): T =>
      writeTransaction(db, () => {
        const { row, data, input } = open(db, actor, raw, spec);
        const kept = { notice: null as MergeNotice | null };
        const result = spec.run(db, { actor, data, row: row as R, ip, reconcile: reconcilerFor(db, spec.schema, input, kept) });
        return withNotice(result, kept.notice);
      }),
    spec.name,
  );
}

/** A write with a slow step (password hashing): the checks run first, then `run`, which takes the lock itself. */
export function asyncWriter<S extends z.ZodType, T, R = null, K = unknown>(spec: AsyncSpec<S, R, K, T>): Writer<Promise<T>> {
  return brand(async (db: DB, actor: Actor, raw: unknown, ip?: string): Promise<T> => {
    const { row, data, input } = open(db, actor, raw, spec);
    const kept = { notice: null as MergeNotice | null };
    const result = await spec.run(db, { actor, data, row: row as R, ip, reconcile: reconcilerFor(db, spec.schema, input, kept) });
    return withNotice(result, kept.notice);
  }, spec.name);
}

/**
 * Writes on one kind of stored record: how to find it and what it is to the permission table
 * are said once; each write names its permission, its schema and what it does.
 */
export function recordWriter<R, K>(load: Loader<K, R>, on: (row: R) => Resource) {
  return <S extends z.ZodType, T>(
    name: string,
    permission: Verb | ((input: unknown) => Verb),
    schema: S,
    run: (db: DB, ctx: WriteContext<z.output<S>, R>) => T,
    more: Pick<Spec<S, R, K>, 'authorize'> = {},
  ): Writer<T> =>
    // With a loader the gate has found the row (or refused NotFound) before asking `on`.
    writer<S, T, R, K>({ name, permission, on: (row) => on(row as R), schema, load, run, ...more });
}

/**
 * Writes on records no account owns (fairs, the holiday calendar, accounts, subsidy rules): the
 * role alone decides, before the input is read.
 */
export function unownedWriter(resource: Resource) {
  return <S extends z.ZodType, T>(
    name: string,
    permission: Verb,
    schema: S,
    run: (db: DB, ctx: { actor: Actor; ip: string | undefined; reconcile: Reconcile }, data: z.output<S>) => T,
  ): Writer<T> =>
    writer({ name, permission, on: () => resource, schema, run: (db, c) => run(db, c, c.data) });
}
