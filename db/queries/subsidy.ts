import 'server-only';
/**
 * Reads for the subsidy self-check: the rules, what the check needs to know about runs, the
 * upcoming runs the self-check page lists and the 工种 the certificate question offers. Public:
 * rules are what the page explains, and runs are published ones only.
 */
import { asc, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import type { DB } from '../client';
import { occupationLevels, occupations, subsidyRules, type CostType } from '../schema';
import { beijingToday } from '../domain/time';
import type { RunFacts, SubsidyRuleData } from '../domain/subsidy';

/** Every rule in check order (sort, then id), active and inactive. */
export function listSubsidyRules(db: DB = getDb()): (SubsidyRuleData & { version: number; updatedAt: Date })[] {
  return db.select().from(subsidyRules).orderBy(asc(subsidyRules.sort), asc(subsidyRules.id)).all();
}

/** The rules residents are checked against: active ones, in order. */
export function activeSubsidyRules(db: DB = getDb()): SubsidyRuleData[] {
  return listSubsidyRules(db).filter((r) => r.active);
}

type FactsRow = { id: number; costType: CostType; fee: number | null; subsidy: number | null; occupationId: number; level: number };

/** Check facts for the given runs (any publication state: callers pass runs they already show). */
export function runFacts(runIds: readonly number[], db: DB = getDb()): Map<number, RunFacts> {
  const out = new Map<number, RunFacts>();
  const ids = [...new Set(runIds)].filter((n) => Number.isSafeInteger(n) && n > 0);
  if (!ids.length) return out;
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = db.all<FactsRow>(sql`
    SELECT r.id, r.cost_type AS costType, r.fee, r.subsidy, c.occupation_id AS occupationId, c.level
    FROM course_runs r JOIN courses c ON c.id = r.course_id WHERE r.id IN (${list})`);
  const groups = new Map<number, string[]>();
  for (const g of db.all<{ runId: number; code: string }>(sql`SELECT run_id AS runId, group_code AS code FROM run_target_groups WHERE run_id IN (${list})`)) {
    groups.set(g.runId, [...(groups.get(g.runId) ?? []), g.code]);
  }
  for (const r of rows) out.set(r.id, { costType: r.costType, fee: r.fee, subsidy: r.subsidy, occupationId: r.occupationId, level: r.level, groups: groups.get(r.id) ?? [] });
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

/** Published runs of published courses still taking sign-ups (deadline today or later), soonest first. */
export function upcomingRunsForCheck(limit = 30, now: Date = new Date(), db: DB = getDb()): UpcomingRun[] {
  const today = beijingToday(now);
  return db.all<UpcomingRun>(sql`
    SELECT r.id AS runId, c.id AS courseId, c.title AS courseTitle, o.name AS occupation, c.level,
      r.label, r.start_date AS startDate, r.end_date AS endDate, r.deadline
    FROM course_runs r JOIN courses c ON c.id = r.course_id JOIN occupations o ON o.id = c.occupation_id
    WHERE r.publication = 'published' AND c.publication = 'published' AND r.deadline >= ${today}
    ORDER BY r.start_date, r.id LIMIT ${limit}`);
}

export type OccupationChoice = { id: number; name: string; levels: number[] };

/** 工种 with their levels, for the "证书" question. */
export function occupationChoices(db: DB = getDb()): OccupationChoice[] {
  const levels = new Map<number, number[]>();
  for (const l of db.select().from(occupationLevels).all()) levels.set(l.occupationId, [...(levels.get(l.occupationId) ?? []), l.level]);
  return db
    .select({ id: occupations.id, name: occupations.name })
    .from(occupations)
    .orderBy(asc(occupations.sort), asc(occupations.id))
    .all()
    .map((o) => ({ ...o, levels: (levels.get(o.id) ?? []).sort((a, b) => b - a) }));
}
