/**
 * Words residents read for station enums. Safe on both sides (no server-only): the data layer
 * builds chips and facets with them and components show them.
 */
import type { HostType, ServiceMode, StationStatus } from '../schema';

export const HOST_TYPE_LABELS: Record<HostType, string> = {
  street_centre: '街镇便民服务中心',
  community_health: '社区卫生服务中心',
  bank: '银行网点',
  hospital: '定点医疗机构',
  park: '园区',
};

/** How a service is done at a station. */
export const SERVICE_MODE_LABELS: Record<ServiceMode, string> = {
  counter: '窗口办理',
  self: '自助办理',
  both: '窗口办理、自助办理均可',
};

/** Short marks for service lists on the station page. */
export const SERVICE_MODE_MARKS: Record<ServiceMode, string> = {
  counter: '窗口',
  self: '自助',
  both: '窗口／自助',
};

export const FACILITY_KEYS = ['window', 'self', 'ai', 'accessible'] as const;
export type FacilityKey = (typeof FACILITY_KEYS)[number];

export const FACILITY_LABELS: Record<FacilityKey, string> = {
  window: '人工窗口',
  self: '自助终端',
  ai: 'AI数字人',
  accessible: '无障碍设施',
};

export const STATION_STATUS_LABELS: Record<StationStatus, string> = {
  operating: '正常运行',
  planned: '尚未启用',
  suspended: '暂停服务',
};

/** Chip and toggle wording that the data layer needs (the rest lives in components/stations/strings). */
export const stationSearchLabels = {
  keyword: (q: string) => `关键词：${q}`,
  open: '现在营业',
  evening: '工作日晚上开放',
  weekend: '周末开放',
  myLocation: '我的位置',
  origin: (name: string) => `位置：${name}`,
  service: (name: string) => `办理：${name}`,
  originStreetGroup: '街镇',
  originPlaceGroup: '常用地点',
} as const;
