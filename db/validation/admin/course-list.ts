/**
 * The admin course list's URL parameters: the resident filters that make sense for a course
 * list, plus publication status and provider. Parsed with the same machinery as the public
 * list; turned into the public values shape so ONE filter builder serves both.
 */
import * as z from 'zod/mini';
import { PUBLICATION, type Publication } from '../../enums';
import { courseSearchShape, type CourseSearchValues } from '../course-search';
import { fields, many, one, parseParams } from '../search-params';

export const adminCourseListShape = {
  q: courseSearchShape.q,
  occupation: courseSearchShape.occupation,
  level: courseSearchShape.level,
  street: courseSearchShape.street,
  cost: courseSearchShape.cost,
  dual: courseSearchShape.dual,
  group: courseSearchShape.group,
  publication: many(z.enum(PUBLICATION), PUBLICATION.length),
  provider: one(fields.id, null as number | null),
  page: courseSearchShape.page,
};

export type AdminCourseListParams = {
  values: CourseSearchValues;
  publication: Publication[];
  provider: number | null;
  invalid: string[];
};

export function parseAdminCourseList(input: Parameters<typeof parseParams>[0]): AdminCourseListParams {
  const { values: v, invalid } = parseParams(input, adminCourseListShape);
  return {
    values: {
      q: v.q,
      occupation: v.occupation,
      level: v.level,
      street: v.street,
      cost: v.cost,
      dual: v.dual,
      group: v.group,
      start: 'any',
      status: [],
      sort: 'start',
      from: null,
      page: v.page,
    },
    publication: v.publication,
    provider: v.provider,
    invalid,
  };
}
