import Link from 'next/link';
import { buttonStyles } from '@/components/ui/button';
import { cardText as t } from './strings';

/** 「打印办事卡 / 二维码」 on a detail page. */
export function CardLink({ href, className = '' }: { href: string; className?: string }) {
  return (
    <Link href={href} className={`${buttonStyles.secondary} ${className}`}>
      {t.printCardLink}
    </Link>
  );
}

/** Under each course run: its calendar file and its printable card. */
export function RunLinks({ courseId, runId }: { courseId: number; runId: number }) {
  const base = `/courses/${courseId}/runs/${runId}`;
  return (
    <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:flex-wrap">
      <a href={`${base}/calendar`} download={`course-${courseId}-run-${runId}.ics`} className={buttonStyles.secondary} title={t.runCalendarHint}>
        {t.runCalendarLink}
      </a>
      <CardLink href={`${base}/card`} />
    </div>
  );
}
