import { Badge, type Tone } from '@/components/ui/badge';
import type { StationStatusView } from '@/db/queries/stations';
import { holidayText } from '@/components/calendar/strings';
import { stationStrings as t } from './strings';

const TONES: Record<StationStatusView['label'], Tone> = {
  营业中: 'ok',
  休息中: 'warn',
  今日休息: 'neutral',
  尚未启用: 'info',
  暂停服务: 'bad',
};

/**
 * Today's status: a badge whose word says it (营业中, 今日休息 …) followed by the rest of the
 * engine's sentence, so the word is never read twice ('营业中，17:00 结束' → [营业中] 17:00 结束).
 */
export function StationStatus({ status, className = '', noteSaid = false }: { status: StationStatusView; className?: string; noteSaid?: boolean }) {
  const rest = status.text.startsWith(status.label) ? status.text.slice(status.label.length).replace(/^，/, '') : status.text;
  return (
    <>
      <p className={`flex flex-wrap items-center gap-x-2 gap-y-1 ${className}`} data-testid="station-status">
        {status.scope === 'counter' && <span className="font-bold">{t.counterPrefix}</span>}
        <Badge tone={TONES[status.label]}>{status.label}</Badge>
        {rest && <span className="font-medium">{rest}</span>}
      </p>
      {/* The status rests on a holiday year that is still a guess: say so right under it (once, where the station's line above said it already). */}
      {status.provisionalYears.length > 0 && !noteSaid && (
        <p className="mt-1 text-base text-muted" data-testid="status-provisional">
          {holidayText.provisional(status.provisionalYears)}
        </p>
      )}
    </>
  );
}
