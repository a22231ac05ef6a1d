/**
 * How the 机构与场地 writers find their records and name them to the permission table, said once
 * for the provider and place writers: a 培训机构 account owns its own provider and the places
 * that belong to it.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DB } from '../../client';
import { places, providers } from '../../schema';
import type { Actor } from '../../auth/permissions';
import { recordAudit, snapshot } from '../audit';
import { recordWriter } from '../write';
import type { OrgRefusal } from './refusals';

/**
 * How the gate finds a provider or place. A missing or malformed id reads as 0, which no row has,
 * so it is refused as NotFound (as it always was) rather than as a form error.
 */
const idKey = z.object({ id: z.preprocess((x) => (typeof x === 'string' ? Number(x) : x), z.number().int().positive()) }).loose().catch({ id: 0 });

export const providerResource = (id: number | null) => ({ kind: 'provider' as const, providerId: id });
export const placeResource = (providerId: number | null) => ({ kind: 'place' as const, providerId });

/** Writes on a stored provider: found by id, owned by itself. */
export const providerWrite = recordWriter(
  { key: idKey, row: (db: DB, k: { id: number }) => db.select().from(providers).where(eq(providers.id, k.id)).get(), missing: 'providerNotFound' satisfies OrgRefusal },
  (row) => providerResource(row.id),
);

/** Writes on a stored place: found by id, owned by its provider (none for a public place). */
export const placeWrite = recordWriter(
  { key: idKey, row: (db: DB, k: { id: number }) => db.select().from(places).where(eq(places.id, k.id)).get(), missing: 'placeNotFound' satisfies OrgRefusal },
  (row) => placeResource(row.providerId),
);

/** The provider a raw place input names (null: none or unreadable — the schema reports that later). */
export function rawProviderId(input: unknown): number | null {
  const x = (input as { providerId?: unknown } | null)?.providerId;
  const n = typeof x === 'string' ? (x.trim() === '' ? null : Number(x)) : x;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** The audit row of a deleted provider or place: what it was, at its last version. */
export function auditDelete(db: DB, who: { actor: Actor; ip: string | undefined }, entity: 'provider' | 'place', before: { id: number; version: number }, summary: string) {
  recordAudit(db, { ...who, action: 'delete', entity, entityId: before.id, entityVersion: before.version, summary, before: snapshot(before), after: null });
}
