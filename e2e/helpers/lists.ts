import type { Page } from '@playwright/test';

/** A list page's «共 N 条». */
export const resultCount = (page: Page) => page.getByTestId('result-count');

/** The N of a list page's «共 N 条»; fails the test when the page shows none. */
export async function resultTotal(page: Page): Promise<number> {
  const text = (await resultCount(page).textContent()) ?? '';
  const m = /共 (\d+) 条/.exec(text);
  if (!m) throw new Error(`no count in “${text}”`);
  return Number(m[1]);
}

/** The number in a filter option's label: '短训快聘（3）' → 3; fails the test when there is none. */
export function countIn(label: string): number {
  const m = /（(\d+)）/.exec(label);
  if (!m) throw new Error(`no count in “${label}”`);
  return Number(m[1]);
}
