'use server';
/**
 * Server actions for courses and their runs. Each one: who (requireActor), may they on THIS
 * record (inside the db/admin functions, on the row loaded from the database), is the input
 * right (the same zod schemas the forms use), then one audited transaction. They return small
 * objects, never rows.
 */
import { headers } from 'next/headers';
import { getDb } from '@/db';
import { requireActor } from '@/db/auth/guard';
import { clientIp } from '@/db/auth/client-ip';
import { guarded } from '@/db/admin/action';
import * as courses from '@/db/admin/courses';
import * as runs from '@/db/admin/runs';

async function ip() {
  return clientIp(await headers());
}

export async function createCourseAction(input: unknown) {
  return guarded('course.create', async () => {
    const actor = await requireActor();
    return { ok: true as const, ...courses.createCourse(getDb(), actor, input, await ip()) };
  });
}

export async function updateCourseAction(input: unknown) {
  return guarded('course.update', async () => {
    const actor = await requireActor();
    return { ok: true as const, ...courses.updateCourse(getDb(), actor, input, await ip()) };
  });
}

export async function deleteCourseAction(input: unknown) {
  return guarded('course.delete', async () => {
    const actor = await requireActor();
    return { ok: true as const, ...courses.deleteCourse(getDb(), actor, input, await ip()), message: '已删除这份草稿。' };
  });
}

export async function transitionCourseAction(input: unknown) {
  return guarded('course.transition', async () => {
    const actor = await requireActor();
    return { ok: true as const, ...courses.transitionCourse(getDb(), actor, input, await ip()) };
  });
}

export async function createRunAction(input: unknown) {
  return guarded('run.create', async () => {
    const actor = await requireActor();
    return { ok: true as const, ...runs.createRun(getDb(), actor, input, await ip()) };
  });
}

export async function updateRunAction(input: unknown) {
  return guarded('run.update', async () => {
    const actor = await requireActor();
    return { ok: true as const, ...runs.updateRun(getDb(), actor, input, await ip()) };
  });
}

export async function cloneRunAction(input: unknown) {
  return guarded('run.clone', async () => {
    const actor = await requireActor();
    return { ok: true as const, ...runs.cloneRun(getDb(), actor, input, await ip()), message: '已复制为新班期（草稿）。' };
  });
}

export async function deleteRunAction(input: unknown) {
  return guarded('run.delete', async () => {
    const actor = await requireActor();
    return { ok: true as const, ...runs.deleteRun(getDb(), actor, input, await ip()), message: '已删除这个草稿班期。' };
  });
}

export async function transitionRunAction(input: unknown) {
  return guarded('run.transition', async () => {
    const actor = await requireActor();
    return { ok: true as const, ...runs.transitionRun(getDb(), actor, input, await ip()) };
  });
}
