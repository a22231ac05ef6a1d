'use server';
/**
 * Server actions for courses and their runs: the gated writes of db/admin/courses.ts and
 * db/admin/runs.ts (each names its permission, loads the record and authorises on it —
 * a 培训机构 account only its own provider's — then reads the input with the forms' schemas),
 * made into actions by adminAction(), which adds the session and the client address.
 */
import { adminAction } from '@/db/admin/action';
import { createCourse, deleteCourse, transitionCourse, updateCourse } from '@/db/admin/courses';
import { cloneRun, createRun, deleteRun, transitionRun, updateRun } from '@/db/admin/runs';
import { ct } from '@/components/admin/courses/strings';

export const createCourseAction = adminAction(createCourse);
export const updateCourseAction = adminAction(updateCourse);
export const deleteCourseAction = adminAction(deleteCourse, ct.deletedDraft);
export const transitionCourseAction = adminAction(transitionCourse);
export const createRunAction = adminAction(createRun);
export const updateRunAction = adminAction(updateRun);
export const cloneRunAction = adminAction(cloneRun, ct.clonedRun);
export const deleteRunAction = adminAction(deleteRun, ct.deletedRun);
export const transitionRunAction = adminAction(transitionRun);
