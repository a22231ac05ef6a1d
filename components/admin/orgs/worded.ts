/**
 * The 机构与场地 actions' edge: what the writers answered in codes put into words — field problems
 * and refusals through worded() (components/admin/field-words.ts), and "still in use" with the
 * counts the writer found (db/admin/orgs/refusals.ts).
 */
import type { ActionResult } from '@/db/admin/result';
import { readInUse } from '@/db/admin/orgs/refusals';
import { worded, type EntityWords } from '../field-words';
import { inUseMessage } from './strings';

export function orgWorded<I, T extends object>(action: (input: I) => Promise<ActionResult<T>>, words: EntityWords): (input: I) => Promise<ActionResult<T>> {
  const say = worded(action, words);
  return async (input: I) => {
    const result = await say(input);
    if (result.ok) return result;
    const inUse = readInUse(result.message);
    return inUse ? { ...result, message: inUseMessage(inUse) } : result;
  };
}
