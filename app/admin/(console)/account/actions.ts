'use server';
/**
 * Changing one's own password (the gated write in db/admin/users.ts acts on the signed-in
 * account only, never on an id sent in). Every session of the account ends, this browser's
 * too; the cookie is cleared and the page sends the user to sign in again with the new password.
 */
import { signOut } from '@/db/auth/next-auth';
import { adminAction } from '@/db/admin/action';
import { userWrites } from '@/db/admin/users';
import { usersText } from '@/components/admin/users/strings';

export const changePasswordAction = adminAction(userWrites.changeOwnPassword, async () => {
  await signOut({ redirect: false });
  return { next: '/admin/login?reason=passwordChanged', message: usersText.account.done };
});
