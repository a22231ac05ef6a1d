import type { Cases } from './types';

/** Direct-call cases for the spreadsheets actions (see types.ts). */
export const spreadsheetsCases: Cases = {};
