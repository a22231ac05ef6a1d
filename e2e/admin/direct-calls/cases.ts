import type { Cases } from './types';
import { sessionCases } from './cases-session';
import { coursesCases } from './cases-courses';
import { stationsCases } from './cases-stations';
import { fairsCases } from './cases-fairs';
import { systemCases } from './cases-system';
import { spreadsheetsCases } from './cases-spreadsheets';
import { orgsCases } from './cases-orgs';
import { subsidyCases } from './cases-subsidy';
import { servicesCases } from './cases-services';

export const CASES: Cases = {
  ...sessionCases,
  ...coursesCases,
  ...stationsCases,
  ...fairsCases,
  ...systemCases,
  ...spreadsheetsCases,
  ...orgsCases,
  ...subsidyCases,
  ...servicesCases,
};
