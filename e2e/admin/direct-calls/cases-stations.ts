import type { Cases } from './types';

/** Direct-call cases for the stations actions (see types.ts). */
export const stationsCases: Cases = {};
