'use server';
/**
 * Server actions of the 机构与场地 pages. Each is a public POST endpoint, so each checks for
 * itself: a live session (requireActor), then — inside db/admin/orgs.ts — the record loaded from
 * the database and the actor's right over it (a 培训机构 owns only its own provider and places),
 * then the input with the same zod schema the form ran, then one audited, version-checked
 * transaction. They return small objects, never rows.
 */
import { headers } from 'next/headers';
import { getDb } from '@/db';
import { requireActor } from '@/db/auth/guard';
import { clientIp } from '@/db/auth/client-ip';
import { guarded, type ActionResult } from '@/db/admin/action';
import { createPlace, createProvider, deletePlace, deleteProvider, updatePlace, updateProvider, type OrgContext } from '@/db/admin/orgs';
import { orgText } from '@/components/admin/orgs/strings';

async function orgContext(): Promise<OrgContext> {
  const actor = await requireActor();
  return { actor, ip: clientIp(await headers()) };
}

export async function createProviderAction(input: unknown): Promise<ActionResult<{ id: number; version: number }>> {
  return guarded('orgs.provider.create', async () => {
    const ctx = await orgContext();
    return { ok: true, message: orgText.providerForm.created, ...createProvider(getDb(), ctx, input) };
  });
}

export async function updateProviderAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return guarded('orgs.provider.update', async () => {
    const ctx = await orgContext();
    const r = updateProvider(getDb(), ctx, input);
    return { ok: true, message: orgText.providerForm.saved, version: r.version };
  });
}

export async function deleteProviderAction(input: unknown): Promise<ActionResult<{ id: number }>> {
  return guarded('orgs.provider.delete', async () => {
    const ctx = await orgContext();
    return { ok: true, message: orgText.delete.providerDone, ...deleteProvider(getDb(), ctx, input) };
  });
}

export async function createPlaceAction(input: unknown): Promise<ActionResult<{ id: number; version: number }>> {
  return guarded('orgs.place.create', async () => {
    const ctx = await orgContext();
    return { ok: true, ...createPlace(getDb(), ctx, input) };
  });
}

export async function updatePlaceAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return guarded('orgs.place.update', async () => {
    const ctx = await orgContext();
    const r = updatePlace(getDb(), ctx, input);
    return { ok: true, message: r.message, version: r.version };
  });
}

export async function deletePlaceAction(input: unknown): Promise<ActionResult<{ id: number }>> {
  return guarded('orgs.place.delete', async () => {
    const ctx = await orgContext();
    return { ok: true, message: orgText.delete.placeDone, ...deletePlace(getDb(), ctx, input) };
  });
}
