'use server';
/**
 * Confirming or discarding an uploaded import: the gated writes of
 * db/admin/spreadsheets/gate.ts, made into actions by adminAction(), which adds the session
 * and the client address.
 */
import { adminAction } from '@/db/admin/action';
import { confirmImportWrite, discardImportWrite } from '@/db/admin/spreadsheets/gate';
import { sheets } from '@/components/admin/spreadsheets/strings';

export const confirmImport = adminAction(confirmImportWrite, (r) => ({ message: sheets.result.summary(r.created, r.updated, r.unchanged), ...r }));
export const discardImport = adminAction(discardImportWrite, sheets.preview.discarded);
