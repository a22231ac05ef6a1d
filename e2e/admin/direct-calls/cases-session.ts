import type { Cases } from './types';

export const sessionCases: Cases = {
  'app/admin/session-actions.ts#signOutAction': { args: () => [], scoped: null },
  'app/admin/login/actions.ts#signInAction': { args: () => [{}, { username: 'admin', password: 'not-the-password' }], scoped: null, publicEntry: true },
};
