'use server';
/**
 * Server actions of the admin station pages. Each is a gated write from db/admin/stations.ts
 * (which names its permission and schema, loads the station and authorises on it — ownership
 * for 驿站 accounts) made into an action by adminAction(), which adds the session and the
 * client address.
 */
import { adminAction } from '@/db/admin/action';
import {
  closeStationToday,
  createStation,
  deleteStationException,
  markVerifiedToday,
  reopenStationToday,
  saveStationException,
  saveStationHours,
  saveStationServices,
  transitionStation,
  updateStationDetails,
} from '@/db/admin/stations';
import { stationAdmin as t } from '@/components/admin/stations/strings';

export const createStationAction = adminAction(createStation, t.details.created);
export const updateStationDetailsAction = adminAction(updateStationDetails);
export const markStationVerifiedAction = adminAction(markVerifiedToday, t.overview.verifiedDone);
export const saveStationHoursAction = adminAction(saveStationHours);
export const saveStationExceptionAction = adminAction(saveStationException);
export const deleteStationExceptionAction = adminAction(deleteStationException, t.exceptions.deleted);
export const saveStationServicesAction = adminAction(saveStationServices);
export const closeStationTodayAction = adminAction(closeStationToday, t.today.closedDone);
export const reopenStationTodayAction = adminAction(reopenStationToday, t.today.reopened);
export const transitionStationAction = adminAction(transitionStation);
