'use client';
/**
 * Deleting a provider or a place. The server refuses (and says what still uses it) when
 * something does; then nothing changes.
 */
import { useRouter } from 'next/navigation';
import type { ActionResult } from '@/db/admin/result';
import { ConfirmDelete } from '@/components/admin/confirm-delete';

export function DeleteRecord({
  id,
  version,
  help,
  button,
  confirm,
  after,
  action,
}: {
  id: number;
  version: number;
  help: string;
  button: string;
  confirm: string;
  /** Where to go once deleted. */
  after: string;
  action: (input: { id: number; version: number }) => Promise<ActionResult<object>>;
}) {
  const router = useRouter();
  return <ConfirmDelete label={button} question={confirm} help={help} run={() => action({ id, version })} onDone={() => router.push(after)} />;
}
