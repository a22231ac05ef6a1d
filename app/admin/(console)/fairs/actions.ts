'use server';
/**
 * Server actions of the admin fair pages. Each is a public POST endpoint, so each checks for
 * itself: a live session, then — first thing, because no 培训机构 or 驿站 account may touch a
 * fair at all — the role, then the input (the same zod schema the form ran), then the record
 * inside the write (db/admin/fairs.ts authorises again with the row it loaded).
 */
import { headers } from 'next/headers';
import { getDb } from '@/db';
import { authorize, requireActor } from '@/db/auth/guard';
import { clientIp } from '@/db/auth/client-ip';
import { guarded, parseInput, type ActionResult } from '@/db/admin/action';
import {
  cloneFair,
  createFair,
  deleteEmployer,
  deletePosition,
  saveEmployer,
  savePosition,
  transitionFair,
  updateFair,
} from '@/db/admin/fairs';
import {
  employerDeleteSchema,
  employerSchema,
  fairCloneSchema,
  fairCreateSchema,
  fairTransitionSchema,
  fairUpdateSchema,
  positionDeleteSchema,
  positionSchema,
} from '@/db/validation/admin/fair';
import type { Verb } from '@/db/auth/permissions';
import { fairAdmin } from '@/components/admin/fairs/strings';

/** Who is asking, refused unless they may `verb` fairs; and where from, for the audit log. */
async function fairActor(verb: Verb) {
  const actor = await requireActor();
  authorize(actor, verb, { kind: 'fair' });
  return { actor, ip: clientIp(await headers()) };
}

export async function createFairAction(input: unknown): Promise<ActionResult<{ id: number; version: number }>> {
  return guarded('fairs.create', async () => {
    const ctx = await fairActor('create');
    const data = parseInput(fairCreateSchema, input);
    return { ok: true, message: fairAdmin.form.created, ...createFair(getDb(), ctx, data) };
  });
}

export async function updateFairAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return guarded('fairs.update', async () => {
    const ctx = await fairActor('edit');
    const data = parseInput(fairUpdateSchema, input);
    return { ok: true, message: fairAdmin.form.saved, ...updateFair(getDb(), ctx, data) };
  });
}

export async function transitionFairAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return guarded('fairs.transition', async () => {
    const ctx = await fairActor('view');
    const data = parseInput(fairTransitionSchema, input);
    const r = transitionFair(getDb(), ctx, data);
    return { ok: true, version: r.version };
  });
}

export async function saveEmployerAction(input: unknown): Promise<ActionResult<{ version: number; employerId: number }>> {
  return guarded('fairs.employer.save', async () => {
    const ctx = await fairActor('edit');
    const data = parseInput(employerSchema, input);
    return { ok: true, message: fairAdmin.employers.saved, ...saveEmployer(getDb(), ctx, data) };
  });
}

export async function deleteEmployerAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return guarded('fairs.employer.delete', async () => {
    const ctx = await fairActor('edit');
    const data = parseInput(employerDeleteSchema, input);
    return { ok: true, message: fairAdmin.employers.removed, ...deleteEmployer(getDb(), ctx, data) };
  });
}

export async function savePositionAction(input: unknown): Promise<ActionResult<{ version: number; positionId: number }>> {
  return guarded('fairs.position.save', async () => {
    const ctx = await fairActor('edit');
    const data = parseInput(positionSchema, input);
    return { ok: true, message: fairAdmin.positions.saved, ...savePosition(getDb(), ctx, data) };
  });
}

export async function deletePositionAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return guarded('fairs.position.delete', async () => {
    const ctx = await fairActor('edit');
    const data = parseInput(positionDeleteSchema, input);
    return { ok: true, message: fairAdmin.employers.removed, ...deletePosition(getDb(), ctx, data) };
  });
}

export async function cloneFairAction(input: unknown): Promise<ActionResult<{ id: number }>> {
  return guarded('fairs.clone', async () => {
    const ctx = await fairActor('create');
    const data = parseInput(fairCloneSchema, input);
    return { ok: true, message: fairAdmin.cloneForm.done, ...cloneFair(getDb(), ctx, data) };
  });
}
