/** How the admin exports write a cell: yes/no, instants and local times in Beijing, publication in Chinese. */
import { PUBLICATION_LABELS } from '../../auth/permissions';
import type { Publication } from '../../enums';
import { formatInstant } from '../../domain/time';

export const yesNo = (b: unknown) => (b ? '是' : '否');
export const instant = (at: Date | number | null) => (at === null ? null : formatInstant(at));
export const localTime = (s: string) => s.replace('T', ' ');
export const pub = (p: Publication) => PUBLICATION_LABELS[p];

/** The header an import reads for `key`, so an exported file can be imported back. */
export function headerOf(columns: { key: string; header: string }[], key: string): string {
  const c = columns.find((x) => x.key === key);
  if (!c) throw new Error(`no column ${key}`);
  return c.header;
}
