import { z } from 'zod';

/** A fair id from the URL: digits only, no sign or leading zero, within SQLite's integer keys. */
export const fairIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .pipe(z.number().int().max(2_147_483_647));

/** The id, or null for anything that is not one (the page answers 404, never 500). */
export function parseFairId(raw: string): number | null {
  const r = fairIdSchema.safeParse(raw);
  return r.success ? r.data : null;
}
