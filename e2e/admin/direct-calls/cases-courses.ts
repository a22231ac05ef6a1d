import type { Cases } from './types';

/** Direct-call cases for the courses actions (see types.ts). */
export const coursesCases: Cases = {};
