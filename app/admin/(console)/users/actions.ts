'use server';
/**
 * Account management: the gated writes of db/admin/users.ts (管理员 only, asked before the input
 * is read), made into actions by adminAction(), which adds the session and the client address.
 * Disabling an account or resetting its password ends its sessions at once (db/admin/users.ts).
 */
import { adminAction } from '@/db/admin/action';
import { userWrites as w } from '@/db/admin/users';
import { usersText } from '@/components/admin/users/strings';

export const createUserAction = adminAction(w.create, (r) => ({ id: r.id, message: usersText.created }));
export const updateUserAction = adminAction(w.update, (r) => ({ version: r.version, message: usersText.saved }));
export const setUserDisabledAction = adminAction(w.setDisabled, (r) => ({
  version: r.version,
  disabled: r.disabled,
  message: r.disabled ? usersText.disabledDone : usersText.enabledDone,
}));
export const resetUserPasswordAction = adminAction(w.resetPassword, (r) => ({ version: r.version, message: usersText.resetDone }));
