/**
 * Station reads: the resident finder (list.ts), the admin list (admin-list.ts), the station
 * page (detail.ts) and the opening-hours inputs they share (schedules.ts). Words are the
 * components' (components/stations/strings.ts).
 */
export { searchStations, STATION_PAGE_SIZE } from './list';
export { listStationsForAdmin, ADMIN_STATION_PAGE_SIZE, STALE_AFTER_DAYS } from './admin-list';
export { getStationDetail, type RegularRowView, type StationDetail, type StationServiceView, type WeekRowView } from './detail';
export { clockAt } from './schedules';
export { loadCalendar, loadSchedules } from '../station-schedules';
export type * from './types';
