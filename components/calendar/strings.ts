/**
 * Words about the district holiday calendar that residents read wherever holiday days are
 * shown (station pages and cards, the open-data API, calendar files): a year whose holidays
 * are still a guess (calendar_years.provisional) says so.
 */
export const holidayText = {
  /** e.g. «2027年节假日安排尚未公布，按往年惯例预估，以官方通知为准» */
  provisional: (years: readonly number[]): string =>
    `${[...new Set(years)].sort((a, b) => a - b).join('、')}年节假日安排尚未公布，按往年惯例预估，以官方通知为准`,
  /** After one change of hours that rests on a guessed holiday. */
  provisionalMark: '（暂定）',
};
