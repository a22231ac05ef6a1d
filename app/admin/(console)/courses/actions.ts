'use server';
/**
 * Server actions for courses and their runs: the gated writes of db/admin/courses.ts and
 * db/admin/runs.ts (each names its permission, loads the record and authorises on it —
 * a 培训机构 account only its own provider's — then reads the input with the forms' schemas),
 * made into actions by adminAction(), which adds the session and the client address. The writers
 * answer in codes; worded() puts them in the course's or the run's words (components/admin/courses/strings.ts).
 */
import { adminAction } from '@/db/admin/action';
import { createCourse, deleteCourse, transitionCourse, updateCourse } from '@/db/admin/courses';
import { cloneRun, createRun, deleteRun, transitionRun, updateRun } from '@/db/admin/runs';
import { CLONE_WORDS, COURSE_WORDS, RUN_WORDS, ct, savedMessage } from '@/components/admin/courses/strings';
import { worded } from '@/components/admin/field-words';

export const createCourseAction = worded(adminAction(createCourse), COURSE_WORDS);
export const updateCourseAction = worded(adminAction(updateCourse, (r) => ({ message: savedMessage(r), version: r.version })), COURSE_WORDS);
export const deleteCourseAction = worded(adminAction(deleteCourse, ct.deletedDraft), COURSE_WORDS);
export const transitionCourseAction = worded(adminAction(transitionCourse), COURSE_WORDS);
export const createRunAction = worded(adminAction(createRun), RUN_WORDS);
export const updateRunAction = worded(adminAction(updateRun, (r) => ({ message: savedMessage(r), version: r.version })), RUN_WORDS);
export const cloneRunAction = worded(adminAction(cloneRun, ct.clonedRun), CLONE_WORDS);
export const deleteRunAction = worded(adminAction(deleteRun, ct.deletedRun), RUN_WORDS);
export const transitionRunAction = worded(adminAction(transitionRun), RUN_WORDS);
