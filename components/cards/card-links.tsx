import Link from 'next/link';
import { buttonStyles } from '@/components/ui/button';
import { cardText as t } from './strings';

/** 「打印办事卡 / 二维码」 on a detail page. */
export function CardLink({ href, className = '', target }: { href: string; className?: string; target?: '_top' }) {
  return (
    <Link href={href} target={target} className={`${buttonStyles.secondary} ${className}`}>
      {t.printCardLink}
    </Link>
  );
}

/** Under each course run: its calendar file and its printable card (the public ones unless the page says otherwise). */
export function RunLinks({
  courseId,
  runId,
  calendarHref = `/courses/${courseId}/runs/${runId}/calendar`,
  cardHref = `/courses/${courseId}/runs/${runId}/card`,
  target,
}: {
  courseId: number;
  runId: number;
  calendarHref?: string;
  cardHref?: string;
  target?: '_top';
}) {
  return (
    <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:flex-wrap">
      <a href={calendarHref} download={`course-${courseId}-run-${runId}.ics`} className={buttonStyles.secondary} title={t.runCalendarHint}>
        {t.runCalendarLink}
      </a>
      <CardLink href={cardHref} target={target} />
    </div>
  );
}
