import type { Cases } from './types';

export const sessionCases: Cases = {
  'app/admin/session-actions.ts#signOutAction': { args: () => [], scoped: null },
  // Acts on the caller alone (their one-time password); e2e/admin/direct-calls/one-time.spec.ts covers the rest.
  'app/admin/set-password/actions.ts#setOwnPasswordAction': { args: () => [{ newPassword: 'taken-over-2026', newPasswordConfirm: 'taken-over-2026' }], scoped: null },
  'app/admin/login/actions.ts#signInAction': { args: () => [{}, { username: 'admin', password: 'not-the-password' }], scoped: null, publicEntry: true },
};
