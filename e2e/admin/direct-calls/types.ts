/**
 * How the direct-call test attacks one admin server action. Every action exported from a
 * 'use server' file under app/admin must have a case (direct-calls.spec.ts fails otherwise).
 */
import type { Database } from 'better-sqlite3';

export type DirectCallCase = {
  /**
   * The arguments (JSON) sent with the raw POST. They should aim at a record the scoped
   * account does NOT own, so the scoped call is a real attempt on someone else's data.
   */
  args: (db: Database) => unknown[];
  /**
   * Which scoped demo account makes the second attempt: 'kangxin' (培训机构, provider 4) or
   * 'youanmen' (驿站, station 1). null only for actions that act on the caller alone (sign-out).
   */
  scoped: 'kangxin' | 'youanmen' | null;
  /** The sign-in action: the way in, public by design (checked separately). */
  publicEntry?: true;
};

export type Cases = Record<string, DirectCallCase>;
