'use server';
/**
 * Server actions of the 补贴规则 pages: the gated writes of db/admin/subsidy.ts (管理员 only, asked
 * before the input is read; then the form's schema, the version and one audited transaction),
 * made into actions by adminAction(), which adds the session and the client address.
 */
import { adminAction } from '@/db/admin/action';
import { createSubsidyRule, deleteSubsidyRule, moveSubsidyRule, setSubsidyRuleActive, updateSubsidyRule } from '@/db/admin/subsidy';
import { subsidyText } from '@/components/subsidy/strings';

const t = subsidyText.admin;

export const createSubsidyRuleAction = adminAction(createSubsidyRule, t.created);
export const updateSubsidyRuleAction = adminAction(updateSubsidyRule, t.saved);
export const setSubsidyRuleActiveAction = adminAction(setSubsidyRuleActive, (r) => ({ message: r.active ? t.activated : t.deactivated, version: r.version }));
export const moveSubsidyRuleAction = adminAction(moveSubsidyRule, t.moved);
export const deleteSubsidyRuleAction = adminAction(deleteSubsidyRule, t.deleted);
