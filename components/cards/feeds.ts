/**
 * Atom feeds of newly published courses and of upcoming fairs (the `feed` package writes the
 * XML; this module decides what goes in). Pure: the route passes rows, the origin and the clock.
 * Dates are RFC 3339 in Beijing time (+08:00), the zone every date on the site is in.
 */
import { Feed } from 'feed';
import type { FeedCourse, FeedFair } from '@/db/queries/feeds';
import { levelLabel } from '@/db/domain/labels-courses';
import { FAIR_STATUS_LABELS, FAIR_TYPE_LABELS } from '@/db/domain/labels-fairs';
import { fairTimeText } from '@/components/fairs/strings';
import { cardText as t } from './strings';

/** 2026-11-23T09:30:00+08:00 — an instant as Beijing wall-clock time in RFC 3339. */
export function beijingRfc3339(at: Date | number): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** Rewrites the library's UTC timestamps (…Z) in <updated> and <published> to Beijing time. */
export function withBeijingDates(xml: string): string {
  return xml.replace(/<(updated|published)>([^<]+)<\/\1>/g, (whole, tag: string, value: string) => {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? whole : `<${tag}>${beijingRfc3339(ms)}</${tag}>`;
  });
}

type FeedPlace = { origin: string; selfUrl: string; now: Date };

function newest(dates: Date[], fallback: Date): Date {
  return dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : fallback;
}

function baseFeed(p: FeedPlace, title: string, description: string, listPath: string, updated: Date): Feed {
  return new Feed({
    id: p.selfUrl,
    title,
    description,
    link: `${p.origin}${listPath}`,
    language: 'zh-CN',
    updated,
    generator: false,
    feedLinks: { atom: p.selfUrl },
    author: { name: t.feedAuthor, link: p.origin },
    copyright: t.feedAuthor,
  });
}

/** The newest published courses (optionally of one occupation) as Atom XML. */
export function coursesFeed(items: FeedCourse[], p: FeedPlace & { occupation: string | null }): string {
  const feed = baseFeed(
    p,
    p.occupation ? t.coursesFeedTitleFor(p.occupation) : t.coursesFeedTitle,
    t.coursesFeedDescription,
    '/courses',
    newest(items.map((c) => c.updatedAt), p.now),
  );
  for (const c of items) {
    const link = `${p.origin}/courses/${c.id}`;
    feed.addItem({
      id: link,
      link,
      title: c.title,
      description: [t.feedCourseSummary(c.occupation, levelLabel(c.level), c.provider), c.summary].filter(Boolean).join('\n'),
      date: c.updatedAt,
      published: c.publishedAt,
      category: [{ name: c.occupation, term: c.occupation }],
    });
  }
  return withBeijingDates(feed.atom1());
}

/** Upcoming published fairs (optionally of one type) as Atom XML. */
export function fairsFeed(items: FeedFair[], p: FeedPlace & { typeLabel: string | null }): string {
  const feed = baseFeed(
    p,
    p.typeLabel ? t.fairsFeedTitleFor(p.typeLabel) : t.fairsFeedTitle,
    t.fairsFeedDescription,
    '/fairs',
    newest(items.map((f) => f.updatedAt), p.now),
  );
  for (const f of items) {
    const link = `${p.origin}/fairs/${f.id}`;
    const status = f.status === 'scheduled' ? null : `${FAIR_STATUS_LABELS[f.status]}${f.statusNote ? `：${f.statusNote}` : ''}`;
    feed.addItem({
      id: link,
      link,
      title: `${t.feedFairStatus[f.status] ?? ''}${f.title}`,
      description: [status, `${t.fairWhen}：${fairTimeText(f, true)}`, `${t.fairWhere}：${f.venue ?? t.online}`, `${FAIR_TYPE_LABELS[f.type]} · ${f.organiser}`, f.description]
        .filter(Boolean)
        .join('\n'),
      date: f.updatedAt,
      category: [{ name: FAIR_TYPE_LABELS[f.type], term: f.type }],
    });
  }
  return withBeijingDates(feed.atom1());
}
