/**
 * The admin course list's URL parameters: the resident filters that make sense for a course
 * list, plus publication status and provider. The list-search engine reads them
 * (db/queries/courses/admin-list.ts) with the same filter declarations as the resident list.
 */
import * as z from 'zod/mini';
import { PUBLICATION } from '../../enums';
import { courseSearchShape } from '../course-search';
import { fields, many, one } from '../search-params';

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
