/**
 * Moving a publishable record through its lifecycle (submit, publish, return, withdraw,
 * archive, restore), the same way for courses, runs, stations and fairs: check the move is
 * allowed from the current state and for this actor, check the version, run the stricter
 * publish validation, write, audit and reindex in one transaction.
 */
import { eq } from 'drizzle-orm';
import type { DB } from '../client';
import { courseRuns, courses, fairs, stations, type AuditEntity, type Publication } from '../schema';
import { authorize, canTransition, PUBLICATION_LABELS, TRANSITION_LABELS, TRANSITIONS, type Actor, type Resource, type Transition } from '../auth/permissions';
import { recordAudit, snapshot } from './audit';
import { expectVersion } from './conflict';
import { Invalid, NotFound, StateError } from './errors';
import { writeTransaction } from './tx';

export type PublishableEntity = Extract<AuditEntity, 'course' | 'run' | 'station' | 'fair'>;

const TABLES = { course: courses, run: courseRuns, station: stations, fair: fairs } as const;

export type TransitionSpec = {
  entity: PublishableEntity;
  id: number;
  move: Transition;
  expectedVersion: number;
  actor: Actor;
  /** Who owns the row (for scoped roles). */
  resourceOf: (row: { id: number }) => Resource;
  /**
   * Publish-time validation: field path → message for what is missing or wrong. Asked before a
   * publish and before a submit (a school learns what is missing when it sends, not when the
   * editor publishes); `move` says which.
   */
  checkPublishable?: (db: DB, id: number, move: 'publish' | 'submit') => Record<string, string>;
  /** Why (退回修改's note, 撤下's reason): kept on a course or run with its state, and in the audit line. */
  note?: string;
  /** Words after the record's name in the audit line, e.g. 「（随课程一起）」. */
  summaryTail?: string;
  /** Keeps the search index in step. */
  reindex?: (db: DB, id: number) => void;
  /** What to call the record in the audit line, e.g. 课程《园林绿化工》. */
  describe: (row: Record<string, unknown>) => string;
  /** Field names as editors know them, for the conflict notice (e.g. summary → 一句话简介). */
  fieldLabels?: Record<string, string>;
  ip?: string;
};

export function applyTransition(db: DB, spec: TransitionSpec): { version: number; publication: Publication } {
  const table = TABLES[spec.entity];
  return writeTransaction(db, () => {
    // The four tables share id / publication / version / updatedAt.
    const row = db.select().from(table).where(eq(table.id, spec.id)).get() as
      | ({ id: number; publication: Publication; version: number } & Record<string, unknown>)
      | undefined;
    if (!row) throw new NotFound();
    authorize(spec.actor, spec.move, spec.resourceOf(row));
    expectVersion(db, spec.entity, row.id, row.version, spec.expectedVersion, spec.fieldLabels);
    if (!canTransition(row.publication, spec.move)) {
      throw new StateError(`这条记录现在是「${PUBLICATION_LABELS[row.publication]}」，不能${TRANSITION_LABELS[spec.move]}。`);
    }
    if ((spec.move === 'publish' || spec.move === 'submit') && spec.checkPublishable) {
      const problems = spec.checkPublishable(db, row.id, spec.move);
      if (Object.keys(problems).length > 0) throw new Invalid(problems, spec.move === 'submit' ? '提交审核前还需要补全或改正以下内容：' : '发布前还需要补全或改正以下内容：');
    }
    const to = TRANSITIONS[spec.move].to;
    const version = row.version + 1;
    const set: Record<string, unknown> = { publication: to, version, updatedAt: new Date() };
    if (spec.entity === 'course' && to === 'published' && !row.publishedAt) set.publishedAt = new Date();
    const note = spec.note?.trim() ?? '';
    // The note belongs to the state it was given with: the next move replaces it (the audit keeps it).
    if (spec.entity === 'course' || spec.entity === 'run')
      Object.assign(set, { stateNote: note, stateNoteBy: note ? spec.actor.displayName : null, stateNoteAt: note ? new Date() : null });
    db.update(table).set(set).where(eq(table.id, row.id)).run();
    recordAudit(db, {
      actor: spec.actor,
      action: spec.move,
      entity: spec.entity,
      entityId: row.id,
      entityVersion: version,
      summary: `${TRANSITION_LABELS[spec.move]}${spec.describe(row)}${spec.summaryTail ?? ''}${note ? `：${note}` : ''}`,
      before: { publication: row.publication },
      after: note ? { publication: to, note } : { publication: to },
      ip: spec.ip,
    });
    spec.reindex?.(db, row.id);
    return { version, publication: to };
  });
}

export { snapshot };
