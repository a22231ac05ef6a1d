import { parseRouteId } from '@/db/validation/search-params';

/** A fair id from the URL, or null for anything that is not one (the page answers 404). */
export const parseFairId = parseRouteId;
