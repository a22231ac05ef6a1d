/** Wording of the 长辈版 (elder mode) switch. */
export const elder = {
  /** Shown in standard mode: switches to the large-type pages. */
  toElder: '长辈版',
  toElderHint: '字更大、更清楚',
  /** Shown in elder mode: switches back (says what it does; «标准版» read as a label, not a way out). */
  toStandard: '退出长辈版',
  toStandardHint: '回到普通页面',
  /** Screen readers hear which mode is on. */
  currentElder: '当前为长辈版',
  currentStandard: '当前为标准版',
} as const;
