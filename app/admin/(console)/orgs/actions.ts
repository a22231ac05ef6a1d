'use server';
/**
 * Server actions of the 机构与场地 pages: the gated writes of db/admin/orgs (each loads the
 * record and authorises on it — a 培训机构 owns only its own provider and places — then reads
 * the input with the form's schema, in one audited, version-checked transaction), made into
 * actions by adminAction(), which adds the session and the client address. The schemas and
 * writers answer in codes; orgWorded() puts them in the record's words (components/admin/orgs/strings.ts).
 */
import { adminAction } from '@/db/admin/action';
import { createPlace, createProvider, deletePlace, deleteProvider, updatePlace, updateProvider } from '@/db/admin/orgs';
import { PLACE_WORDS, PROVIDER_WORDS, orgText, placeSavedMessage } from '@/components/admin/orgs/strings';
import { orgWorded } from '@/components/admin/orgs/worded';

export const createProviderAction = orgWorded(adminAction(createProvider, orgText.providerForm.created), PROVIDER_WORDS);
export const updateProviderAction = orgWorded(adminAction(updateProvider, (r) => ({ message: orgText.providerForm.saved, version: r.version })), PROVIDER_WORDS);
export const deleteProviderAction = orgWorded(adminAction(deleteProvider, orgText.delete.providerDone), PROVIDER_WORDS);
export const createPlaceAction = orgWorded(adminAction(createPlace, (r) => ({ id: r.id, version: r.version, message: placeSavedMessage('created', r.centreStreet) })), PLACE_WORDS);
export const updatePlaceAction = orgWorded(adminAction(updatePlace, (r) => ({ message: placeSavedMessage('saved', r.centreStreet), version: r.version })), PLACE_WORDS);
export const deletePlaceAction = orgWorded(adminAction(deletePlace, orgText.delete.placeDone), PLACE_WORDS);
