/**
 * What the course and run (班期) writers answer when they refuse, as codes: a field's problem
 * (a choice the database does not know) or a refusal's message. components/admin/courses/strings.ts
 * words them (COURSE_WORDS, RUN_WORDS). No database here: the forms' words read it too.
 */
export const COURSE_REFUSALS = [
  'occupationMissing',
  'levelNotOffered',
  'providerMissing',
  'unknownMove',
  'courseArchived',
  'courseNotDeletable',
  'courseNotFound',
  'courseGone',
  'courseArchivedNoRuns',
  'courseNotPublished',
  'courseWithdrawn',
  'returnNoteNeeded',
  'withdrawReasonNeeded',
  'runArchived',
  'runLiveIncomplete',
  'runNotDeletable',
  'runNotFound',
  'theoryPlaceMissing',
  'practicePlaceMissing',
] as const;
export type CourseRefusal = (typeof COURSE_REFUSALS)[number];

/** Each code as itself, typed: `refused.courseArchived` is 'courseArchived'. */
export const refused = Object.fromEntries(COURSE_REFUSALS.map((k) => [k, k])) as { [K in CourseRefusal]: K };
