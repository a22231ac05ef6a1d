/**
 * The admin fair edit page's data (the fair, its employers and positions, the moves the actor
 * may make) and the publishing rules every save is held to.
 */
import { count, eq, sql } from 'drizzle-orm';
import type { DB } from '../../client';
import { fairEmployers, fairPositions, fairs, type Fair } from '../../schema';
import { availableTransitions, type Actor, type Transition } from '../../auth/permissions';
import { employersWithPositions } from '../../queries/fairs/detail';
import { fairPublishProblems } from '../../validation/admin/fair';
import { Invalid } from '../errors';

const FAIR: { kind: 'fair' } = { kind: 'fair' };

export type AdminPosition = {
  id: number;
  title: string;
  headcount: number;
  payMin: number | null;
  payMax: number | null;
  payUnit: 'month' | 'day' | 'hour';
  requirements: string;
  courseId: number | null;
  courseTitle: string | null;
  coursePublished: boolean;
};

export type AdminEmployer = {
  id: number;
  name: string;
  industry: string;
  intro: string;
  booth: string | null;
  positions: AdminPosition[];
};

export type AdminFair = Fair & { employers: AdminEmployer[]; moves: Transition[]; problems: Record<string, string> };

/** A fair with its employers and positions, for the edit page; null when there is none. */
export async function loadAdminFair(db: DB, actor: Actor, id: number): Promise<AdminFair | null> {
  const fair = db.select().from(fairs).where(eq(fairs.id, id)).get();
  if (!fair) return null;
  const { employers, positions } = await employersWithPositions(db, id);
  return {
    ...fair,
    employers: employers.map((e) => ({
      ...e,
      positions: positions
        .filter((p) => p.employerId === e.id)
        .map(({ employerId: _e, coursePublication, ...p }) => ({ ...p, coursePublished: coursePublication === 'published' })),
    })),
    moves: availableTransitions(actor, fair.publication, FAIR),
    problems: checkFairPublishable(db, id),
  };
}

/** What the fair lacks before it may be published (field → message). */
export function checkFairPublishable(db: DB, id: number): Record<string, string> {
  const f = db.select().from(fairs).where(eq(fairs.id, id)).get();
  if (!f) return {};
  const counts = db
    .select({
      employers: sql<number>`count(distinct ${fairEmployers.id})`,
      positions: count(fairPositions.id),
    })
    .from(fairEmployers)
    .leftJoin(fairPositions, eq(fairPositions.employerId, fairEmployers.id))
    .where(eq(fairEmployers.fairId, id))
    .get();
  return fairPublishProblems({ ...f, employerCount: counts?.employers ?? 0, positionCount: counts?.positions ?? 0 });
}

/** A published fair is held to the publishing rules on every save: refuse a change that breaks them. */
export function keepPublishable(db: DB, fair: Fair) {
  if (fair.publication !== 'published') return;
  const problems = checkFairPublishable(db, fair.id);
  if (Object.keys(problems).length > 0) throw new Invalid(problems, '这场招聘会已经发布，保存后它必须仍然完整。请先改正以下内容：');
}

