'use server';
/**
 * Account management. 管理员 only: the role is checked first thing, before the input is read.
 * Disabling an account or resetting its password ends its sessions at once (db/admin/users.ts).
 */
import { headers } from 'next/headers';
import { getDb } from '@/db';
import { requireActor } from '@/db/auth/guard';
import { authorize } from '@/db/auth/permissions';
import { clientIp } from '@/db/auth/client-ip';
import { guarded, parseInput, type ActionResult } from '@/db/admin/action';
import { createUser, resetUserPassword, setUserDisabled, updateUser } from '@/db/admin/users';
import { createUserSchema, resetPasswordSchema, setDisabledSchema, updateUserSchema } from '@/db/validation/admin/user';
import { usersText } from '@/components/admin/users/strings';

export async function createUserAction(input: unknown): Promise<ActionResult<{ id: number }>> {
  return guarded('users.create', async () => {
    const actor = await requireActor();
    authorize(actor, 'create', { kind: 'user' });
    const data = parseInput(createUserSchema, input);
    const r = await createUser(getDb(), actor, data, clientIp(await headers()));
    return { ok: true, id: r.id, message: usersText.created };
  });
}

export async function updateUserAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return guarded('users.update', async () => {
    const actor = await requireActor();
    authorize(actor, 'edit', { kind: 'user' });
    const data = parseInput(updateUserSchema, input);
    const r = updateUser(getDb(), actor, data, clientIp(await headers()));
    return { ok: true, version: r.version, message: usersText.saved };
  });
}

export async function setUserDisabledAction(input: unknown): Promise<ActionResult<{ version: number; disabled: boolean }>> {
  return guarded('users.setDisabled', async () => {
    const actor = await requireActor();
    authorize(actor, 'edit', { kind: 'user' });
    const data = parseInput(setDisabledSchema, input);
    const r = setUserDisabled(getDb(), actor, data, clientIp(await headers()));
    return { ok: true, version: r.version, disabled: data.disabled, message: data.disabled ? usersText.disabledDone : usersText.enabledDone };
  });
}

export async function resetUserPasswordAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return guarded('users.resetPassword', async () => {
    const actor = await requireActor();
    authorize(actor, 'edit', { kind: 'user' });
    const data = parseInput(resetPasswordSchema, input);
    const r = await resetUserPassword(getDb(), actor, data, clientIp(await headers()));
    return { ok: true, version: r.version, message: usersText.resetDone };
  });
}
