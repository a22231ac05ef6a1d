'use server';
/**
 * Server actions of the 补贴规则 pages. Each is a public POST endpoint, so each checks for
 * itself: a live session (requireActor), then — inside db/admin/subsidy.ts — the permission
 * (管理员 only; 编辑 reads), the input with the same zod schema the form ran, the version, and
 * one audited transaction. They return small objects, never rows.
 */
import { headers } from 'next/headers';
import { getDb } from '@/db';
import { requireActor } from '@/db/auth/guard';
import { clientIp } from '@/db/auth/client-ip';
import { guarded, type ActionResult } from '@/db/admin/action';
import { createSubsidyRule, deleteSubsidyRule, moveSubsidyRule, setSubsidyRuleActive, updateSubsidyRule, type SubsidyContext } from '@/db/admin/subsidy';
import { subsidyText } from '@/components/subsidy/strings';

const t = subsidyText.admin;

async function context(): Promise<SubsidyContext> {
  const actor = await requireActor();
  return { actor, ip: clientIp(await headers()) };
}

export async function createSubsidyRuleAction(input: unknown): Promise<ActionResult<{ id: number; version: number }>> {
  return guarded('subsidy.create', async () => ({ ok: true, message: t.created, ...createSubsidyRule(getDb(), await context(), input) }));
}

export async function updateSubsidyRuleAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return guarded('subsidy.update', async () => ({ ok: true, message: t.saved, ...updateSubsidyRule(getDb(), await context(), input) }));
}

export async function setSubsidyRuleActiveAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return guarded('subsidy.active', async () => {
    const r = setSubsidyRuleActive(getDb(), await context(), input);
    return { ok: true, message: r.active ? t.activated : t.deactivated, version: r.version };
  });
}

export async function moveSubsidyRuleAction(input: unknown): Promise<ActionResult<{ moved: boolean }>> {
  return guarded('subsidy.move', async () => ({ ok: true, message: t.moved, ...moveSubsidyRule(getDb(), await context(), input) }));
}

export async function deleteSubsidyRuleAction(input: unknown): Promise<ActionResult<{ id: number }>> {
  return guarded('subsidy.delete', async () => ({ ok: true, message: t.deleted, ...deleteSubsidyRule(getDb(), await context(), input) }));
}
