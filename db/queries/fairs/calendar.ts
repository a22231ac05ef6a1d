import 'server-only';
/** What a fair's calendar file (.ics) needs. Public. */
import { getDb } from '@/db';
import { publishedFair } from './detail';
import type { FairCalendarInfo } from './types';

/**
 * What the .ics download of one published fair needs; null when unknown or unpublished. Public.
 * `includeUnpublished` is for the admin preview only (the caller has checked the actor may see it).
 */
export async function getFairCalendarInfo(id: number, opts: { includeUnpublished?: boolean } = {}): Promise<FairCalendarInfo | null> {
  const r = publishedFair(getDb(), id, opts.includeUnpublished === true);
  if (!r) return null;
  return {
    id: r.id,
    title: r.title,
    status: r.status,
    statusNote: r.statusNote,
    organiser: r.organiser,
    timing: { startsAt: r.startsAt, endsAt: r.endsAt, recurrence: r.recurrence },
    location: r.placeName ? [r.placeName, r.address].filter(Boolean).join('，') : null,
    onlineUrl: r.onlineUrl,
    lat: r.lat,
    lng: r.lng,
    description: r.description,
    contactPhone: r.contactPhone,
  };
}

