import { Badge, type Tone } from '@/components/ui/badge';
import { RUN_STATUS_LABELS, deadlineWords, type RunStatus } from '@/db/domain/course-run';

const TONES: Record<RunStatus, Tone> = {
  open: 'ok',
  full: 'bad',
  closed: 'warn',
  running: 'info',
  ended: 'neutral',
};

/**
 * A run's status in words, plus the registration countdown while sign-up is open. The words
 * carry the meaning; the colour only repeats it.
 */
export function RunStatusBadges({ status, deadline, deadlineDays }: { status: RunStatus; deadline: string; deadlineDays: number }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Badge tone={TONES[status]}>{RUN_STATUS_LABELS[status]}</Badge>
      {status === 'open' && (
        <Badge tone={deadlineDays <= 3 ? 'warn' : 'neutral'}>{deadlineWords(deadlineDays, deadline)}</Badge>
      )}
    </span>
  );
}
