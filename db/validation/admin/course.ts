/**
 * The course form's rules, shared by the browser form and the server actions. A draft may be
 * incomplete; publishing asks for more (coursePublishProblems).
 */
import { z } from 'zod';
import { id, optionalInt, optionalText, recordId, text, version } from './fields';

/** The seven description sections residents read, in page order, with their labels. */
export const COURSE_SECTIONS = ['suitableFor', 'requirements', 'content', 'method', 'materials', 'assessment', 'outcomes'] as const;
export type CourseSection = (typeof COURSE_SECTIONS)[number];

export const COURSE_FIELD_LABELS = {
  title: '课程名称',
  occupationId: '工种',
  level: '等级',
  providerId: '培训机构',
  durationDays: '培训天数',
  summary: '一句话简介',
  suitableFor: '适合人群',
  requirements: '报名条件',
  content: '学什么',
  method: '怎么学',
  materials: '需携带材料',
  assessment: '考核方式',
  outcomes: '结业后去向',
} as const satisfies Record<string, string>;

const L = COURSE_FIELD_LABELS;

const level = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v)) : v),
  z.number({ error: '请选择等级' }).int('请选择等级').min(1, '请选择等级').max(5, '请选择等级'),
);

export const courseFields = {
  title: text(L.title, 60),
  occupationId: id(L.occupationId),
  level,
  providerId: id(L.providerId),
  durationDays: optionalInt(L.durationDays, { min: 1, max: 365 }),
  summary: optionalText(L.summary, 200),
  suitableFor: optionalText(L.suitableFor),
  requirements: optionalText(L.requirements),
  content: optionalText(L.content),
  method: optionalText(L.method),
  materials: optionalText(L.materials),
  assessment: optionalText(L.assessment),
  outcomes: optionalText(L.outcomes),
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

/** The sections a published course must have; 需携带材料 and 结业后去向 may stay empty. */
export const REQUIRED_AT_PUBLISH = ['summary', 'suitableFor', 'requirements', 'content', 'method', 'assessment'] as const;

/**
 * Publish-time rules for a course as stored: field → what to do. Empty when it may be
 * published. `levelCertified` says whether its occupation certifies its level.
 */
export function coursePublishProblems(
  c: { title: string; durationDays: number | null } & Record<(typeof REQUIRED_AT_PUBLISH)[number], string>,
  levelCertified: boolean,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!c.title.trim()) out.title = `请填写${L.title}`;
  if (!levelCertified) out.level = '这个工种没有这个等级，请改选工种可鉴定的等级';
  if (c.durationDays === null) out.durationDays = '发布前请填写培训天数，居民要据此安排时间';
  for (const k of REQUIRED_AT_PUBLISH) if (!c[k].trim()) out[k] = `发布前请填写「${L[k]}」`;
  return out;
}
