import type { Publication } from '@/db/enums';
import { PUBLICATION_LABELS } from '@/db/auth/permissions';
import { Badge, type Tone } from '@/components/ui/badge';

const TONES: Record<Publication, Tone> = {
  draft: 'neutral',
  review: 'warn',
  published: 'ok',
  withdrawn: 'bad',
  archived: 'neutral',
};

export function StatusBadge({ publication }: { publication: Publication }) {
  return <Badge tone={TONES[publication]}>{PUBLICATION_LABELS[publication]}</Badge>;
}
