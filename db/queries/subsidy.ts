import 'server-only';
/**
 * Reads for the subsidy self-check: the rules, what the check needs to know about runs, the
 * upcoming runs the self-check page lists and the 工种 the certificate question offers. Public:
 * rules are what the page explains, and runs are published ones only.
 */
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import type { DB } from '../client';
import { courseRuns, courses, occupationLevels, occupations, runTargetGroups, subsidyRules } from '../schema';
import { beijingToday } from '../domain/time';
import type { RunFacts, SubsidyRuleData } from '../domain/subsidy';

/** Every rule in check order (sort, then id), active and inactive. */
export async function listSubsidyRules(db: DB = getDb()): Promise<(SubsidyRuleData & { version: number; updatedAt: Date })[]> {
  return db.select().from(subsidyRules).orderBy(asc(subsidyRules.sort), asc(subsidyRules.id)).all();
}

/** The rules residents are checked against: active ones, in order. */
export async function activeSubsidyRules(db: DB = getDb()): Promise<SubsidyRuleData[]> {
  return (await listSubsidyRules(db)).filter((r) => r.active);
}

/** Check facts for the given runs (any publication state: callers pass runs they already show). */
export async function runFacts(runIds: readonly number[], db: DB = getDb()): Promise<Map<number, RunFacts>> {
  const out = new Map<number, RunFacts>();
  const ids = [...new Set(runIds)].filter((n) => Number.isSafeInteger(n) && n > 0);
  if (!ids.length) return out;
  const rows = db
    .select({
      id: courseRuns.id,
      costType: courseRuns.costType,
      fee: courseRuns.fee,
      subsidy: courseRuns.subsidy,
      occupationId: courses.occupationId,
      level: courses.level,
    })
    .from(courseRuns)
    .innerJoin(courses, eq(courses.id, courseRuns.courseId))
    .where(inArray(courseRuns.id, ids))
    .all();
  const groups = new Map<number, string[]>();
  for (const g of db.select({ runId: runTargetGroups.runId, code: runTargetGroups.groupCode }).from(runTargetGroups).where(inArray(runTargetGroups.runId, ids)).all()) {
    groups.set(g.runId, [...(groups.get(g.runId) ?? []), g.code]);
  }
  for (const { id, ...r } of rows) out.set(id, { ...r, groups: groups.get(id) ?? [] });
  return out;
}

export type UpcomingRun = {
  runId: number;
  courseId: number;
  courseTitle: string;
  occupation: string;
  level: number;
  label: string;
  startDate: string;
  endDate: string;
  deadline: string;
};

/** Published runs of published courses still taking sign-ups (deadline today or later), soonest first. Public. */
export async function upcomingRunsForCheck(limit = 30, now: Date = new Date(), db: DB = getDb()): Promise<UpcomingRun[]> {
  const today = beijingToday(now);
  return db
    .select({
      runId: courseRuns.id,
      courseId: courses.id,
      courseTitle: courses.title,
      occupation: occupations.name,
      level: courses.level,
      label: courseRuns.label,
      startDate: courseRuns.startDate,
      endDate: courseRuns.endDate,
      deadline: courseRuns.deadline,
    })
    .from(courseRuns)
    .innerJoin(courses, eq(courses.id, courseRuns.courseId))
    .innerJoin(occupations, eq(occupations.id, courses.occupationId))
    .where(and(eq(courseRuns.publication, 'published'), eq(courses.publication, 'published'), gte(courseRuns.deadline, today)))
    .orderBy(asc(courseRuns.startDate), asc(courseRuns.id))
    .limit(limit)
    .all();
}

export type OccupationChoice = { id: number; name: string; levels: number[] };

/** 工种 with their levels, for the "证书" question. Public. */
export async function occupationChoices(db: DB = getDb()): Promise<OccupationChoice[]> {
  const levels = new Map<number, number[]>();
  for (const l of db.select().from(occupationLevels).all()) levels.set(l.occupationId, [...(levels.get(l.occupationId) ?? []), l.level]);
  return db
    .select({ id: occupations.id, name: occupations.name })
    .from(occupations)
    .orderBy(asc(occupations.sort), asc(occupations.id))
    .all()
    .map((o) => ({ ...o, levels: (levels.get(o.id) ?? []).sort((a, b) => b - a) }));
}
