'use client';
import { ErrorSummary, RefusalNotice } from '@/components/admin/form';
import type { Refusal } from '@/db/admin/result';

/**
 * What a refused save shows: for invalid input, the summary of the form's field errors (from
 * the browser check or from the server), each linking to its field; otherwise the refusal.
 */
export function FormProblems({ refusal, errors, labels }: { refusal: Refusal | null; errors: Record<string, string>; labels?: Record<string, string> }) {
  if (refusal?.code === 'invalid' && Object.keys(errors).length > 0) return <ErrorSummary errors={errors} labels={labels} title={refusal.message} />;
  return <RefusalNotice refusal={refusal} labels={labels} />;
}
