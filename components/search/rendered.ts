import type { ReactNode } from 'react';

/**
 * A list's results as they travel to the browser: the server renders the result part (summary,
 * cards, map list, pagination, what to do when nothing matched) into `view`, on first load and
 * in the read action's answer alike (an action may return React elements: they travel as RSC),
 * so the cards' code never ships to the browser. What the form still needs (values, facets,
 * chips, totals …) stays data; the items and widen links, already rendered, are left out.
 */
export type Rendered<T> = Omit<T, 'items' | 'widen'> & { view: ReactNode };

export function rendered<T extends { items: unknown; widen?: unknown }>(result: T, view: ReactNode): Rendered<T> {
  const { items, widen, ...rest } = result;
  void items;
  void widen;
  return { ...rest, view };
}
