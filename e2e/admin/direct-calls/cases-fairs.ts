import type { Cases } from './types';

/** Direct-call cases for the fairs actions (see types.ts). */
export const fairsCases: Cases = {};
