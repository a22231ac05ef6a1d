/**
 * 机构与场地 in the admin console: training providers and places. Each file is one thing — the
 * two lists (on the list-search engine), the edit pages' reads, the usage counts, and the writers
 * of each record (through the one gated write path, db/admin/write.ts). Refusals are codes
 * (./refusals.ts); components/admin/orgs/strings.ts words them.
 */
export { adminProviderList, listProvidersForAdmin, providerListQuery, PROVIDER_PAGE_SIZE, type ProviderListItem, type ProviderListValues } from './providers-list';
export { adminPlaceList, listPlacesForAdmin, placeListQuery, PLACE_PAGE_SIZE, type PlaceListItem, type PlaceListValues } from './places-list';
export { loadPlace, loadProvider, providerOptions, streetChoices, type ProviderPage } from './load';
export { createProvider, deleteProvider, updateProvider } from './provider-writers';
export { createPlace, deletePlace, updatePlace } from './place-writers';
