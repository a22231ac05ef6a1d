'use server';
/**
 * Signing out: ends every session of this user at once (the session version moves on and
 * the rows go), records it, then clears the cookie. A copied cookie is dead from here on.
 */
import { headers } from 'next/headers';
import { getDb } from '@/db';
import { currentSession } from '@/db/auth/guard';
import { signOut } from '@/db/auth/next-auth';
import { endAllSessions } from '@/db/auth/sessions';
import { clientIp } from '@/db/auth/client-ip';
import { recordAudit } from '@/db/admin/audit';
import { writeTransaction } from '@/db/admin/tx';
import { log } from '@/db/log';

export async function signOutAction(): Promise<void> {
  const session = await currentSession();
  if (session.ok) {
    const db = getDb();
    const ip = clientIp(await headers());
    writeTransaction(db, () => {
      endAllSessions(db, session.actor.id);
      recordAudit(db, { actor: session.actor, action: 'signout', entity: 'session', entityId: session.actor.id, summary: '退出登录（所有设备）', ip });
    });
    log.info('auth.signout', { username: session.actor.username, ip });
  }
  await signOut({ redirectTo: '/admin/login?reason=signedOut' });
}
