/**
 * schema.org JSON-LD for the course and station pages, built from the API's own shapes so the
 * page, the API and search engines say the same thing.
 */
import { openDataText as T } from '@/components/open-data/strings';
import type { RunStatus } from '@/db/domain/course-run';
import type { ApiCourseDetail } from './courses';
import type { PlaceOut } from './format';
import type { ApiStationDetail } from './stations';

/** Days ahead JSON-LD lists special opening hours for. */
export const JSON_LD_SPECIAL_DAYS = 30;

type Json = Record<string, unknown>;

/** JSON for a <script type="application/ld+json">: nothing in it can close the tag or open a comment. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function postalAddress(address: string): Json {
  return { '@type': 'PostalAddress', streetAddress: address, addressLocality: '丰台区', addressRegion: '北京市', addressCountry: 'CN' };
}

function place(p: PlaceOut): Json {
  return {
    '@type': 'Place',
    name: p.name,
    address: postalAddress(p.address),
    geo: { '@type': 'GeoCoordinates', latitude: p.lat, longitude: p.lng },
  };
}

const AVAILABILITY: Record<RunStatus, string> = {
  open: 'https://schema.org/InStock',
  full: 'https://schema.org/SoldOut',
  closed: 'https://schema.org/Discontinued',
  running: 'https://schema.org/Discontinued',
  ended: 'https://schema.org/Discontinued',
};

export function courseJsonLd(c: ApiCourseDetail): Json {
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: c.title,
    description: c.summary || c.sections.content || c.title,
    url: c.url,
    inLanguage: 'zh-CN',
    educationalLevel: c.level_label,
    about: c.occupation.name,
    ...(c.duration_days ? { timeRequired: `P${c.duration_days}D` } : {}),
    provider: {
      '@type': 'Organization',
      name: c.provider_detail.name,
      ...(c.provider_detail.phone ? { telephone: c.provider_detail.phone } : {}),
      ...(c.provider_detail.address ? { address: postalAddress(c.provider_detail.address) } : {}),
    },
    hasCourseInstance: c.runs.map((r) => ({
      '@type': 'CourseInstance',
      name: r.label,
      courseMode: 'onsite',
      startDate: r.start_date,
      endDate: r.end_date,
      location: place(r.theory_place),
      offers: {
        '@type': 'Offer',
        price: r.cost_type === 'free' ? 0 : (r.fee ?? 0),
        priceCurrency: 'CNY',
        availability: AVAILABILITY[r.status],
        validThrough: r.deadline,
        url: r.url,
      },
    })),
  };
}

const DAY_URLS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((d) => (d ? `https://schema.org/${d}` : ''));

/**
 * A station as a GovernmentService whose channel is the station itself: a Place with its
 * regular hours and, for the next 30 days, its closures and changed hours (exceptions and
 * holidays). A closed day is opens = closes = '00:00', as schema.org recommends.
 *
 * A station not open yet (status 'planned', as the page and the API say on `today`) must not
 * look open to a search engine: its weekly hours carry validFrom = the opening date, and with
 * no opening date announced it publishes no hours at all.
 */
export function stationJsonLd(s: ApiStationDetail, today: string, until: string): Json {
  const planned = s.status === 'planned';
  const from = planned ? s.opening_date : null;
  const publishHours = !planned || from !== null;
  const opening = publishHours
    ? s.weekly_hours.flatMap((d) =>
        d.sessions.map((x) => ({
          '@type': 'OpeningHoursSpecification',
          dayOfWeek: DAY_URLS[d.weekday],
          opens: x.opens,
          closes: x.closes,
          ...(from ? { validFrom: from } : {}),
        })),
      )
    : [];
  const firstDay = from && from > today ? from : today;
  const special = s.special_days
    .filter((c) => publishHours && c.end_date >= firstDay && c.start_date <= until)
    .flatMap((c) => {
      const validFrom = c.start_date < firstDay ? firstDay : c.start_date;
      const validThrough = c.end_date > until ? until : c.end_date;
      const sessions = c.closed || c.sessions.length === 0 ? [{ opens: '00:00', closes: '00:00' }] : c.sessions;
      return sessions.map((x) => ({ '@type': 'OpeningHoursSpecification', opens: x.opens, closes: x.closes, validFrom, validThrough, description: c.text }));
    });
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: `${s.name}（医保服务）`,
    serviceType: '医疗保障经办服务',
    url: s.url,
    areaServed: { '@type': 'AdministrativeArea', name: '北京市丰台区' },
    provider: { '@type': 'GovernmentOrganization', name: T.bureauIns },
    ...(s.services.length ? { description: s.services.map((x) => x.name).join('、') } : {}),
    availableChannel: {
      '@type': 'ServiceChannel',
      name: s.name,
      servicePhone: { '@type': 'ContactPoint', telephone: s.phone },
      serviceLocation: {
        '@type': 'Place',
        name: s.name,
        address: postalAddress(s.address),
        telephone: s.phone,
        geo: { '@type': 'GeoCoordinates', latitude: s.location.lat, longitude: s.location.lng },
        ...(opening.length ? { openingHoursSpecification: opening } : {}),
        ...(special.length ? { specialOpeningHoursSpecification: special } : {}),
      },
    },
  };
}
