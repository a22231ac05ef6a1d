'use server';
/**
 * Changing one's own password. Acts on the signed-in account only (never on an id sent in).
 * Every session of the account ends, this browser's too; the cookie is cleared and the page
 * sends the user to sign in again with the new password.
 */
import { headers } from 'next/headers';
import { getDb } from '@/db';
import { requireActor } from '@/db/auth/guard';
import { clientIp } from '@/db/auth/client-ip';
import { signOut } from '@/db/auth/next-auth';
import { guarded, parseInput, type ActionResult } from '@/db/admin/action';
import { changeOwnPassword } from '@/db/admin/users';
import { changePasswordSchema } from '@/db/validation/admin/user';
import { usersText } from '@/components/admin/users/strings';

export async function changePasswordAction(input: unknown): Promise<ActionResult<{ next: string }>> {
  return guarded('account.changePassword', async () => {
    const actor = await requireActor();
    // The login name is the signed-in one, whatever the form sent.
    const data = parseInput(changePasswordSchema, { ...(typeof input === 'object' && input ? input : {}), username: actor.username });
    await changeOwnPassword(getDb(), actor, data, clientIp(await headers()));
    await signOut({ redirect: false });
    return { ok: true, next: '/admin/login?reason=passwordChanged', message: usersText.account.done };
  });
}
