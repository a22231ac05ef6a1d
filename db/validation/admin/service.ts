/**
 * The service catalogue (医保经办事项) as admins edit it: what to bring (办理需带, one item a line
 * in the form) and whether it can be done on a phone, with a short note saying where. The form
 * checks it in the browser, the server action again. Refusals are codes; the words live in
 * components/admin/services/strings.ts.
 */
import { z } from 'zod';
import { checkbox, optionalText, recordId, version } from './fields';

export const SERVICE_PROBLEMS = ['materialsTooMany', 'materialTooLong', 'serviceMissing'] as const;
export type ServiceProblem = (typeof SERVICE_PROBLEMS)[number];

/** At most this many items: what fits under a service on a phone and on the 办事卡. */
export const MATERIALS_MAX = 10;
/** One item, e.g. '社保卡（医保卡）或医保电子凭证'. */
export const MATERIAL_MAX_LENGTH = 40;

/** The form's lines (or a list) → trimmed items, blank lines and repeats dropped, in the order given. */
export function materialLines(raw: unknown): unknown {
  const items = typeof raw === 'string' ? raw.split(/\r?\n/) : Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : raw;
  if (!Array.isArray(items)) return items;
  const out: string[] = [];
  for (const x of items) {
    if (typeof x !== 'string') return items;
    const s = x.trim();
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

const materials = z.preprocess(
  materialLines,
  z
    .array(z.string(), { error: 'materialsTooMany' satisfies ServiceProblem })
    .max(MATERIALS_MAX, 'materialsTooMany' satisfies ServiceProblem)
    // On the list, not the item, so the message sits beside the one field the form has.
    .refine((xs) => xs.every((x) => x.length <= MATERIAL_MAX_LENGTH), 'materialTooLong' satisfies ServiceProblem),
);

export const serviceUpdateSchema = z
  .object({
    id: recordId,
    version,
    materials,
    online: checkbox,
    onlineNote: optionalText(null, 60),
  })
  // A note on where to do it on a phone means nothing for a service that cannot be done there.
  .transform((d) => ({ ...d, onlineNote: d.online ? d.onlineNote : '' }));

export type ServiceUpdate = z.output<typeof serviceUpdateSchema>;
