'use server';
/**
 * Server actions of the 机构与场地 pages: the gated writes of db/admin/orgs.ts (each loads the
 * record and authorises on it — a 培训机构 owns only its own provider and places — then reads
 * the input with the form's schema, in one audited, version-checked transaction), made into
 * actions by adminAction(), which adds the session and the client address. The schema answers in
 * codes; worded() puts them in the record's words (components/admin/orgs/strings.ts).
 */
import { adminAction } from '@/db/admin/action';
import { createPlace, createProvider, deletePlace, deleteProvider, updatePlace, updateProvider } from '@/db/admin/orgs';
import { PLACE_WORDS, PROVIDER_WORDS, orgText } from '@/components/admin/orgs/strings';
import { worded } from '@/components/admin/field-words';

export const createProviderAction = worded(adminAction(createProvider, orgText.providerForm.created), PROVIDER_WORDS);
export const updateProviderAction = worded(adminAction(updateProvider, (r) => ({ message: orgText.providerForm.saved, version: r.version })), PROVIDER_WORDS);
export const deleteProviderAction = worded(adminAction(deleteProvider, orgText.delete.providerDone), PROVIDER_WORDS);
export const createPlaceAction = worded(adminAction(createPlace), PLACE_WORDS);
export const updatePlaceAction = worded(adminAction(updatePlace, (r) => ({ message: r.message, version: r.version })), PLACE_WORDS);
export const deletePlaceAction = worded(adminAction(deletePlace, orgText.delete.placeDone), PLACE_WORDS);
