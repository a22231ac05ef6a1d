import type { CertificateKind } from '@/db/schema';
import { CERTIFICATE_KIND_LABELS } from '@/db/domain/labels-courses';

/**
 * A certificate as a run lists it: its name, and its kind in brackets only when the name does
 * not already say it (no «电工四级职业技能等级证书（职业技能等级证书）»).
 */
export function certificateText(name: string, kind: CertificateKind): string {
  const label = CERTIFICATE_KIND_LABELS[kind];
  const says = [label, ...label.split('/')].some((part) => part !== '' && name.includes(part));
  return says ? name : `${name}（${label}）`;
}
