/**
 * The course form's rules, shared by the browser form and the server actions. A draft may be
 * incomplete; publishing asks for more (coursePublishProblems).
 *
 * Refusals are codes (CourseProblem here, FieldProblem from ./fields) keyed by field; the course's
 * labels and sentences live once in components/admin/courses/strings.ts.
 */
import { z } from 'zod';
import { id, optionalInt, optionalText, recordId, version, type FieldProblem, name } from './fields';

/** The seven description sections residents read, in page order. */
export const COURSE_SECTIONS = ['suitableFor', 'requirements', 'content', 'method', 'materials', 'assessment', 'outcomes'] as const;
export type CourseSection = (typeof COURSE_SECTIONS)[number];

/** The sections a published course must have; 需携带材料 and 结业后去向 may stay empty. */
export const REQUIRED_AT_PUBLISH = ['summary', 'suitableFor', 'requirements', 'content', 'method', 'assessment'] as const;
type RequiredSection = (typeof REQUIRED_AT_PUBLISH)[number];

/** Problems particular to courses, beyond what ./fields says of any field: the publish-time rules. */
export type CourseProblem = 'levelUncertified' | 'durationNeeded' | `${RequiredSection}Needed`;

/** A level 1 to 5, from a select ('' → missing). */
const level = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v)) : v),
  z.number({ error: 'choose' }).int('choose').min(1, 'choose').max(5, 'choose'),
);

export const courseFields = {
  title: name(null, 60),
  occupationId: id(null),
  level,
  providerId: id(null),
  durationDays: optionalInt(null, { min: 1, max: 365 }),
  summary: optionalText(null, 200),
  suitableFor: optionalText(null),
  requirements: optionalText(null),
  content: optionalText(null),
  method: optionalText(null),
  materials: optionalText(null),
  assessment: optionalText(null),
  outcomes: optionalText(null),
};

/** A new course (saved as a draft). */
export const courseCreateSchema = z.object(courseFields);
/** A change to an existing course, from the version the editor loaded. */
export const courseUpdateSchema = z.object({ id: recordId, version, ...courseFields });

export type CourseInput = z.output<typeof courseCreateSchema>;

/** What the form holds (strings, as controls give them). */
export type CourseFormValues = {
  id?: number;
  version?: number;
  title: string;
  occupationId: string;
  level: string;
  providerId: string;
  durationDays: string;
  summary: string;
} & Record<CourseSection, string>;

/**
 * Publish-time rules for a course as stored: field → what to do. Empty when it may be
 * published. `levelCertified` says whether its occupation certifies its level. The answers are
 * codes, worded in components/admin/courses/strings.ts (COURSE_WORDS).
 */
export function coursePublishProblems(
  c: { title: string; durationDays: number | null } & Record<(typeof REQUIRED_AT_PUBLISH)[number], string>,
  levelCertified: boolean,
): Record<string, FieldProblem | CourseProblem> {
  const out: Record<string, FieldProblem | CourseProblem> = {};
  if (!c.title.trim()) out.title = 'required';
  if (!levelCertified) out.level = 'levelUncertified';
  if (c.durationDays === null) out.durationDays = 'durationNeeded';
  for (const k of REQUIRED_AT_PUBLISH) if (!c[k].trim()) out[k] = `${k}Needed`;
  return out;
}
