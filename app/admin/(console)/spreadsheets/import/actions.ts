'use server';
/**
 * Confirming or discarding an uploaded import: the gated writes of
 * db/admin/spreadsheets/gate.ts, made into actions by adminAction(), which adds the session
 * and the client address; worded() turns the gate's refusal codes into the page's words.
 */
import { adminAction } from '@/db/admin/action';
import { confirmImportWrite, discardImportWrite } from '@/db/admin/spreadsheets/gate';
import { IMPORT_WORDS, sheets } from '@/components/admin/spreadsheets/strings';
import { worded } from '@/components/admin/field-words';

export const confirmImport = worded(adminAction(confirmImportWrite, (r) => ({ message: sheets.result.summary(r.created, r.updated, r.unchanged), ...r })), IMPORT_WORDS);
export const discardImport = worded(adminAction(discardImportWrite, sheets.preview.discarded), IMPORT_WORDS);
