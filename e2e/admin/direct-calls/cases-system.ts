import type { Cases } from './types';

/** Direct-call cases for the system actions (see types.ts). */
export const systemCases: Cases = {};
