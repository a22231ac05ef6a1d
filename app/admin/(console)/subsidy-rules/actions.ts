'use server';
/**
 * Server actions of the 补贴规则 pages: the gated writes of db/admin/subsidy.ts (管理员 only, asked
 * before the input is read; then the form's schema, the version and one audited transaction),
 * made into actions by adminAction(), which adds the session and the client address. The schema
 * and writers answer in codes; worded() puts them in the rule's words (components/subsidy/strings.ts).
 */
import { adminAction } from '@/db/admin/action';
import { createSubsidyRule, deleteSubsidyRule, moveSubsidyRule, setSubsidyRuleActive, updateSubsidyRule } from '@/db/admin/subsidy';
import { SUBSIDY_RULE_WORDS, subsidyText } from '@/components/subsidy/strings';
import { worded } from '@/components/admin/field-words';

const t = subsidyText.admin;

export const createSubsidyRuleAction = worded(adminAction(createSubsidyRule, t.created), SUBSIDY_RULE_WORDS);
export const updateSubsidyRuleAction = worded(adminAction(updateSubsidyRule, t.saved), SUBSIDY_RULE_WORDS);
export const setSubsidyRuleActiveAction = worded(adminAction(setSubsidyRuleActive, (r) => ({ message: r.active ? t.activated : t.deactivated, version: r.version })), SUBSIDY_RULE_WORDS);
export const moveSubsidyRuleAction = worded(adminAction(moveSubsidyRule, t.moved), SUBSIDY_RULE_WORDS);
export const deleteSubsidyRuleAction = worded(adminAction(deleteSubsidyRule, t.deleted), SUBSIDY_RULE_WORDS);
