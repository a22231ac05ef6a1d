/**
 * Admin writes and reads for 医保服务驿站. Each write is gated by writer() (../write.ts): load the
 * station, authorise on it (a 驿站 account only its own station, and only hours, exceptions,
 * services and 今日临时闭站), then validate; the write itself checks the STATION's version
 * (hours, exceptions and services count as part of the station, so two people editing the same
 * station conflict), writes, audits with before and after, and reindexes — all in one transaction.
 *
 * shared.ts: the gate, version check and change wrapper; details.ts: details and publication;
 * schedule.ts: hours, exceptions, 今日临时闭站, services; reads.ts: the station pages' reads.
 */
export { checkPublishable, stationResource, type StationRow } from './shared';
export { createStation, markVerifiedToday, transitionStation, updateStationDetails } from './details';
export {
  closeStationToday,
  deleteStationException,
  reopenStationToday,
  saveStationException,
  saveStationHours,
  saveStationServices,
  todayClosureOf,
} from './schedule';
export { listStreetsForForm, loadStationForAdmin, serviceCatalogue, splitExceptions, type StationEditData } from './reads';
