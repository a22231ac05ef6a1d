import 'server-only';
import { cache } from 'react';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { SAMPLE_DATA_KEY, siteMeta } from '@/db/schema';

/** Whether this database holds the fictitious sample data (the footer then says so). Once per request. */
export const isSampleData = cache(async (): Promise<boolean> => {
  return getDb().select({ v: siteMeta.value }).from(siteMeta).where(eq(siteMeta.key, SAMPLE_DATA_KEY)).get() !== undefined;
});
