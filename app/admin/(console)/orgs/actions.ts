'use server';
/**
 * Server actions of the 机构与场地 pages: the gated writes of db/admin/orgs.ts (each loads the
 * record and authorises on it — a 培训机构 owns only its own provider and places — then reads
 * the input with the form's schema, in one audited, version-checked transaction), made into
 * actions by adminAction(), which adds the session and the client address.
 */
import { adminAction } from '@/db/admin/action';
import { createPlace, createProvider, deletePlace, deleteProvider, updatePlace, updateProvider } from '@/db/admin/orgs';
import { orgText } from '@/components/admin/orgs/strings';

export const createProviderAction = adminAction(createProvider, orgText.providerForm.created);
export const updateProviderAction = adminAction(updateProvider, (r) => ({ message: orgText.providerForm.saved, version: r.version }));
export const deleteProviderAction = adminAction(deleteProvider, orgText.delete.providerDone);
export const createPlaceAction = adminAction(createPlace);
export const updatePlaceAction = adminAction(updatePlace, (r) => ({ message: r.message, version: r.version }));
export const deletePlaceAction = adminAction(deletePlace, orgText.delete.placeDone);
