'use server';
/**
 * 设置新密码: the one action an account on a one-time password may call. It cannot go through
 * adminAction(), whose guard refuses such an account; it checks the session itself (alive,
 * whatever the flag) and hands the rest to the gated write, which asks the flag, the permission
 * and the schema. On success this browser stays signed in and goes on to the console.
 */
import { headers } from 'next/headers';
import { getDb } from '@/db';
import { requireSession } from '@/db/auth/guard';
import { clientIp } from '@/db/auth/client-ip';
import { guarded, type ActionResult } from '@/db/admin/action';
import { setOwnPasswordWrite } from '@/db/admin/one-time-password';
import { usersText } from '@/components/admin/users/strings';

export async function setOwnPasswordAction(input: unknown): Promise<ActionResult<{ next: string }>> {
  return guarded('account.setPassword', async () => {
    const s = await requireSession();
    const ip = clientIp(await headers());
    await setOwnPasswordWrite(s.sessionId)(getDb(), s.actor, input, ip);
    return { ok: true, next: '/admin', message: usersText.setPassword.done };
  });
}
