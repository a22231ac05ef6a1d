/** Every word the 医保服务驿站 pages show, in one place for review. */
import {
  FACILITY_LABELS,
  HOST_TYPE_LABELS,
  SERVICE_MODE_LABELS,
  SERVICE_MODE_MARKS,
  stationSearchLabels,
  type FacilityKey,
} from '@/db/domain/labels-stations';
import type { HostType, ServiceMode } from '@/db/enums';
import type { StationChip } from '@/db/queries/stations/types';
import { common } from '@/components/ui/strings';

export { stationSearchLabels };

/** The station reads return codes; these say them. */
export const hostTypeLabel = (h: HostType): string => HOST_TYPE_LABELS[h];
export const serviceModeLabel = (m: ServiceMode): string => SERVICE_MODE_LABELS[m];
export const serviceModeMark = (m: ServiceMode): string => SERVICE_MODE_MARKS[m];
export const facilityLabel = (k: FacilityKey): string => FACILITY_LABELS[k];
export const facilityLabels = (keys: readonly FacilityKey[]): string[] => keys.map(facilityLabel);

/** Where results are sorted from: a picked place's name, or the device. */
export function originLabel(origin: { kind: 'device' | 'near'; name: string | null }): string {
  return origin.kind === 'device' ? stationSearchLabels.myLocation : (origin.name ?? '');
}

/** The words of an active filter's chip. */
export function stationChipLabel(c: StationChip): string {
  const L = stationSearchLabels;
  switch (c.key) {
    case 'q':
      return L.keyword(c.value ?? '');
    case 'street':
      return c.name ?? c.value ?? '';
    case 'host':
      return c.value && c.value in HOST_TYPE_LABELS ? HOST_TYPE_LABELS[c.value as HostType] : (c.value ?? '');
    case 'service':
      return L.service(c.name ?? c.value ?? '');
    case 'open':
      return L.open;
    case 'evening':
      return L.evening;
    case 'weekend':
      return L.weekend;
    case 'near':
      return L.origin(c.name ?? '');
    case 'lat':
      return L.origin(L.myLocation);
    default:
      return c.value ?? c.key;
  }
}

/** Chips as the shared controls show them (single-valued keys: no value, so removing drops the key). */
export function stationChips(chips: readonly StationChip[]): { key: string; label: string }[] {
  return chips.map((c) => ({ key: c.key, label: stationChipLabel(c) }));
}

/** The notice for a URL with unreadable parts. */
export const stationNotice = (code: 'invalid-params' | null): string | null => (code ? common.invalidParams : null);

export const stationStrings = {
  title: '医保服务驿站',
  metaDescription: '查找丰台区就近的医保服务驿站：现在是否营业、能办哪些医保业务、怎么走。',
  lead: '就近办理医保业务：查信息、打印就医记录、异地就医备案……看看哪个驿站离您近、现在开着门。',
  formLabel: '查找医保服务驿站',
  filtersHeading: '查找条件',
  resultsHeading: '查找结果',
  skipToResults: (n: number) => `直接看查找结果（共 ${n} 条）`,
  keywordLabel: '关键词',
  keywordHint: '可输入驿站名称、银行或医院名称、地址、要办的事，也可以输入拼音首字母',
  keywordPlaceholder: '例如：异地就医',
  street: '所在街镇',
  host: '驿站类型',
  service: '要办的事',
  serviceAny: '不限（全部事项）',
  timeLegend: '开放时间',
  moreFilters: '更多条件：街镇、驿站类型、晚上和周末',
  openNow: stationSearchLabels.open,
  openNowHint: (clock: string) => `按北京时间 ${clock}，已考虑节假日、调休和临时闭站`,
  evening: stationSearchLabels.evening,
  eveningHint: '周一至周五 18:00 以后还开门',
  weekend: stationSearchLabels.weekend,
  weekendHint: '周六或周日开门',
  apply: '查看结果',
  loadError: '暂时没能更新结果，请稍后再试，或刷新页面。',

  // "Near me"
  locationLegend: '离我近的驿站',
  useMyLocation: '使用我的位置',
  locating: '正在获取您的位置…',
  locationDenied: '没能获取您的位置（可能没有允许定位）。请在下面“我在哪里”里选一个离您近的地方。',
  locationUnavailable: '这台设备不能定位。请在下面“我在哪里”里选一个离您近的地方。',
  locationOutside: '您的位置不在北京市范围内，无法按距离排序。请在下面“我在哪里”里选一个地方。',
  locationPrivacy: '位置只用来排序，不会保存。',
  whereAmI: '我在哪里',
  whereAmIAny: '不选（按街镇排列）',
  usingMyLocation: '正在按“我的位置”排序',
  sortedBy: (origin: string) => `按离“${origin}”的距离从近到远排列（尚未启用的驿站排在最后）。`,
  sortedByStreet: '按街镇排列（尚未启用的驿站排在最后）。选择“我在哪里”可以按距离排序。',
  within15: (n: number) => `其中 ${n} 个驿站约 15 分钟步行可到。`,

  // «最早开门»: where to go first when nothing is open (night, holidays)
  sortLabel: '排列顺序',
  sortDefault: '按街镇或离我远近',
  sortOpens: '最早开门',
  sortedByOpens: '按最早开门排列：正在营业的在前，其余按下次开门的时间先后（北京时间，已考虑节假日和调休）。',
  noneOpen: (clock: string) => `现在（${clock}）没有营业的驿站。`,
  noneOpenAction: '按最早开门排列，看哪个驿站先开门',

  // Result rows
  walking: (minutes: number) => `约 ${minutes} 分钟步行（直线距离估算）`,
  /** Beyond LONG_WALK_MINUTES a walking time is no help: say how far, and suggest transit. */
  farAway: (distance: string) => `约 ${distance}，建议乘公交或地铁`,
  farAwayHint: '直线距离估算',
  fifteenMinutes: '15分钟可达',
  distance: (text: string) => `直线距离 ${text}`,
  counterPrefix: '人工窗口：',
  hostLabel: '承办单位',
  addressLabel: '地址',
  streetLabel: '街镇',
  phoneLabel: '电话',
  call: (phone: string) => `拨打 ${phone}`,
  callStation: (name: string, phone: string) => `拨打${name}电话 ${phone}`,
  serviceHere: (service: string, mode: string) => `“${service}”在这里：${mode}`,
  facilitiesLabel: '设施',
  details: (name: string) => `查看${name}的开放时间和可办事项`,
  detailsShort: '开放时间和可办事项',
  plannedMark: '尚未启用',
  plannedTitle: (monthDay: string) => `将于 ${monthDay} 启用`,

  // Zero results
  emptyTitle: '没有找到符合条件的驿站',
  emptyIntro: '可以试试放宽条件：',
  emptyDrop: (label: string, n: number) => `去掉“${label}”（有 ${n} 个驿站）`,
  emptyClear: '清除全部条件，看全部驿站',
  emptyCall: '也可以直接打电话问：',
  hotline: '12393',
  hotlineLabel: '医保服务热线',

  // Station page
  backToList: '返回驿站列表',
  notFoundTitle: '没有找到这个驿站',
  todayHeading: '今天',
  counterToday: '人工窗口',
  weekHeading: '今天起7天开放时间',
  weekCaption: '从今天起7天每天的开放时间（已按节假日和临时安排调整）',
  counterColumn: '人工窗口',
  counterWeekIntro: '人工窗口（工作人员办理）的时间比营业时间短；窗口下班后，可以用自助终端办理标有“自助”的事项。',
  dayColumn: '日期',
  hoursColumn: '开放时间',
  todayMark: '今天',
  changesHeading: '近期时间调整（30天内）',
  noChanges: '未来 30 天没有节假日或临时调整，按上面的时间开放。',
  weekNoteLabel: '说明：',
  regularHeading: '启用后的开放时间',
  regularCaption: '启用后每周的开放时间（遇节假日会另行调整）',
  noRegularHours: '暂无开放时间，请致电咨询。',
  servicesHeading: '可办事项',
  servicesIntro: '“窗口”是在人工窗口由工作人员办理，“自助”是在自助终端上自己办理。',
  noServices: '暂无事项信息，请致电咨询。',
  onlineMark: '手机可办',
  materialsLabel: '办理需带',
  /** Where on the phone, under a service marked 手机可办. */
  onlineWhere: (note: string) => `也可以在手机上办：${note}`,
  searchedHeading: (name: string) => `您要办的事：${name}`,
  searchedIntro: '出发前请备齐下面的材料：',
  searchedOnline: '这件事也可以在手机上办，不用跑腿：',
  facilitiesHeading: '设施',
  contactHeading: '地址和电话',
  directionsLabel: '怎么走',
  navigate: '步行导航（高德、百度、腾讯地图）',
  verified: (date: string) => `信息核实于 ${date}`,
  verifiedHint: '时间可能临时调整，出发前可以先打电话确认。',
  verifiedStale: '这些信息已有三个多月没有核实，可能已经变化，出发前请先打电话确认。',
  helpHeading: '还有疑问？',
  helpHotline: '医保政策和业务问题，可以拨打医保服务热线',
  helpOnline: (n: number) =>
    `标有“手机可办”的 ${n} 项事项，也可以在手机上办理（北京医保公共服务平台、国家医保服务平台App），驿站工作人员和“蒲公英”志愿者可以教您操作：`,
  plannedNotice: (date: string) => `这个驿站还没有开放，计划 ${date} 启用。现在请到附近其他驿站办理。`,
  plannedNoDate: '这个驿站还没有开放。现在请到附近其他驿站办理。',
  suspendedNotice: (reason: string) => (reason ? `这个驿站暂停服务：${reason}` : '这个驿站暂停服务。'),
} as const;
