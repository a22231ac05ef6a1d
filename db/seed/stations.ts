/**
 * 医保服务驿站: Fengtai's first batch of 47 (26 街镇便民服务中心, 12 bank branches, 6 定点医疗机构
 * — 大红门社区卫生服务中心 is one of them, as the district reported — 1 社区卫生服务中心 and
 * 2 enterprise parks), the 5 planned ones (华夏银行, 民生银行 …) and one
 * draft still being entered. Hours, services and exceptions follow the host type.
 */
import type { HostType, HoursScope, Publication, ServiceMode, Session, StationStatus } from '../schema';
import { addDays } from '../domain/time';
import { beijingInstant, jitter, rngFor, type Rng } from './random';
import { streetSeed, STREETS } from './streets';

export const STATION_JITTER_METRES = 900;

type StationDef = {
  name: string;
  hostType: HostType;
  hostName: string;
  street: string;
  status: StationStatus;
  publication: Publication;
  /** Bank branches that stay open until 19:00 on weekdays. */
  evening?: boolean;
};

const BANKS: readonly { short: string; hostName: string; street: string; evening?: boolean }[] = [
  { short: '北京银行丰台支行', hostName: '北京银行丰台支行', street: '丰台街道', evening: true },
  { short: '工商银行幸福街支行', hostName: '中国工商银行北京幸福街支行', street: '东高地街道' },
  { short: '农业银行方庄支行', hostName: '中国农业银行北京方庄支行', street: '方庄街道', evening: true },
  { short: '中国银行丽泽支行', hostName: '中国银行北京丽泽支行', street: '太平桥街道', evening: true },
  { short: '建设银行马家堡支行', hostName: '中国建设银行北京马家堡支行', street: '马家堡街道' },
  { short: '交通银行总部基地支行', hostName: '交通银行北京总部基地支行', street: '看丹街道', evening: true },
  { short: '邮储银行长辛店支行', hostName: '中国邮政储蓄银行北京长辛店支行', street: '长辛店街道' },
  { short: '北京农商银行宛平支行', hostName: '北京农村商业银行宛平支行', street: '宛平街道' },
  { short: '招商银行六里桥支行', hostName: '招商银行北京六里桥支行', street: '六里桥街道', evening: true },
  { short: '中信银行右安门支行', hostName: '中信银行北京右安门支行', street: '右安门街道' },
  { short: '光大银行青塔支行', hostName: '中国光大银行北京青塔支行', street: '青塔街道' },
  { short: '北京农商银行王佐支行', hostName: '北京农村商业银行王佐支行', street: '王佐镇' },
];

const OPERATING: readonly StationDef[] = [
  ...STREETS.map(
    (s): StationDef => ({
      name: `${s.name}便民服务中心医保服务驿站`,
      hostType: 'street_centre',
      hostName: `丰台区${s.name}便民服务中心`,
      street: s.name,
      status: 'operating',
      publication: 'published',
    }),
  ),
  ...BANKS.map(
    (b): StationDef => ({
      name: `${b.short}医保服务驿站`,
      hostType: 'bank',
      hostName: b.hostName,
      street: b.street,
      evening: b.evening,
      status: 'operating',
      publication: 'published',
    }),
  ),
  ...(
    [
      ['北京通用航天医院', '东高地街道'],
      ['北京丰台医院', '丰台街道'],
      ['北京博爱医院', '马家堡街道'],
      ['北京市丰台中西医结合医院', '长辛店街道'],
      ['大红门社区卫生服务中心', '大红门街道'],
      ['北京市丰台区南苑医院', '南苑街道'],
    ] as const
  ).map(
    ([host, street]): StationDef => ({
      name: `${host}医保服务驿站`,
      hostType: 'hospital',
      hostName: host,
      street,
      status: 'operating',
      publication: 'published',
    }),
  ),
  ...(
    [
      ['方庄社区卫生服务中心', '方庄街道'],
    ] as const
  ).map(
    ([host, street]): StationDef => ({
      name: `${host}医保服务驿站`,
      hostType: 'community_health',
      hostName: `丰台区${host}`,
      street,
      status: 'operating',
      publication: 'published',
    }),
  ),
  {
    name: '丰台南中轴地区医保服务驿站',
    hostType: 'park',
    hostName: '丰台南中轴地区管委会',
    street: '南苑街道',
    status: 'operating',
    publication: 'published',
  },
  {
    name: '丰台科技园医保服务驿站',
    hostType: 'park',
    hostName: '中关村科技园丰台园管理委员会',
    street: '看丹街道',
    status: 'operating',
    publication: 'published',
  },
];

/** Due to open soon (the article's "6月底还有华夏银行、民生银行等5家"). */
const PLANNED: readonly StationDef[] = [
  { name: '华夏银行丰台支行医保服务驿站', hostType: 'bank', hostName: '华夏银行北京丰台支行', street: '新村街道', status: 'planned', publication: 'published', evening: true },
  { name: '民生银行丽泽商务区支行医保服务驿站', hostType: 'bank', hostName: '中国民生银行北京丽泽商务区支行', street: '太平桥街道', status: 'planned', publication: 'published', evening: true },
  { name: '北京农商银行北宫支行医保服务驿站', hostType: 'bank', hostName: '北京农村商业银行北宫支行', street: '北宫镇', status: 'planned', publication: 'published' },
  { name: '云岗社区卫生服务中心医保服务驿站', hostType: 'community_health', hostName: '丰台区云岗社区卫生服务中心', street: '云岗街道', status: 'planned', publication: 'published' },
  { name: '石榴庄社区卫生服务中心医保服务驿站', hostType: 'community_health', hostName: '丰台区石榴庄社区卫生服务中心', street: '石榴庄街道', status: 'planned', publication: 'published' },
];

/** Being entered by staff; not public yet. */
const DRAFTS: readonly StationDef[] = [
  { name: '邮储银行花乡支行医保服务驿站', hostType: 'bank', hostName: '中国邮政储蓄银行北京花乡支行', street: '花乡街道', status: 'operating', publication: 'draft' },
];

export const STATION_DEFS: readonly StationDef[] = [...OPERATING, ...PLANNED, ...DRAFTS];

// ---------------------------------------------------------------------------------------------
// Hours
// ---------------------------------------------------------------------------------------------

export type HoursRow = { scope: HoursScope; weekday: number; opens: string; closes: string };

function weekly(scope: HoursScope, weekdays: readonly number[], sessions: readonly Session[]): HoursRow[] {
  return weekdays.flatMap((weekday) => sessions.map((s) => ({ scope, weekday, opens: s.opens, closes: s.closes })));
}

const MON_FRI = [1, 2, 3, 4, 5] as const;

function hoursFor(d: StationDef): HoursRow[] {
  switch (d.hostType) {
    case 'street_centre':
      // Government service centres keep a lunch break.
      return weekly('station', MON_FRI, [
        { opens: '09:00', closes: '12:00' },
        { opens: '13:30', closes: '17:00' },
      ]);
    case 'community_health':
      return weekly('station', [1, 2, 3, 4, 5, 6], [{ opens: '08:00', closes: '11:30' }]);
    case 'bank':
      // The self-service area follows the branch; the staffed insurance window keeps shorter,
      // weekday-only hours.
      return [
        ...weekly('station', MON_FRI, [{ opens: '09:00', closes: d.evening ? '19:00' : '17:30' }]),
        ...weekly('station', [6, 7], [{ opens: '09:00', closes: '16:00' }]),
        ...weekly('counter', MON_FRI, [{ opens: '09:00', closes: '16:30' }]),
      ];
    case 'hospital':
      return [...weekly('station', MON_FRI, [{ opens: '08:00', closes: '17:00' }]), ...weekly('station', [6], [{ opens: '08:00', closes: '12:00' }])];
    case 'park':
      return weekly('station', MON_FRI, [{ opens: '09:00', closes: '17:30' }]);
  }
}

// ---------------------------------------------------------------------------------------------
// Services
// ---------------------------------------------------------------------------------------------

type Offer = readonly [name: string, mode: ServiceMode];

const CENTRE_CORE = [
  '医保信息查询',
  '核对个人账户明细',
  '打印就医记录',
  '参保缴费记录查询',
  '城乡居民基本医疗保险参保登记',
  '城乡居民医保参保信息变更',
  '新生儿参保登记',
  '城乡居民医保缴费',
  '异地就医备案',
  '定点医疗机构变更',
  '政策解读',
  '帮办代办',
  '老年人一对一帮办',
  '医保手机App操作指导',
  '参保证明打印',
  '报销进度查询',
] as const;

const CENTRE_EXTRA = [
  '在校学生参保登记',
  '灵活就业人员参保登记',
  '城乡居民医保停保登记',
  '个人账户余额查询',
  '医保电子凭证激活',
  '社保卡（医保卡）挂失',
  '门诊费用手工报销申请',
  '医疗救助申请',
  '城乡居民医保待遇咨询',
  '长期护理保险政策咨询',
  '上门帮办预约',
  '异地长期居住人员备案',
  '异地安置退休人员备案',
  '个人账户家庭共济绑定',
  '缴费凭证打印',
] as const;

const BANK_CORE: readonly Offer[] = [
  ['医保信息查询', 'both'],
  ['核对个人账户明细', 'both'],
  ['个人账户余额查询', 'self'],
  ['参保缴费记录查询', 'both'],
  ['打印就医记录', 'self'],
  ['参保证明打印', 'self'],
  ['个人账户明细打印', 'self'],
  ['医保电子凭证激活', 'both'],
  ['社保卡（医保卡）挂失', 'both'],
  ['社保卡（医保卡）补换卡申请', 'counter'],
  ['异地就医备案', 'both'],
  ['定点医疗机构变更', 'both'],
];

const BANK_EXTRA: readonly Offer[] = [
  ['缴费凭证打印', 'self'],
  ['社保卡（医保卡）信息修改', 'counter'],
  ['城乡居民医保缴费', 'both'],
  ['灵活就业人员医保缴费', 'both'],
  ['政策解读', 'counter'],
  ['个人账户家庭共济绑定', 'both'],
  ['灵活就业人员参保登记', 'counter'],
  ['临时外出就医人员备案', 'both'],
];

const HOSPITAL_CORE: readonly Offer[] = [
  ['医保信息查询', 'both'],
  ['异地就医备案', 'both'],
  ['异地转诊人员备案', 'counter'],
  ['临时外出就医人员备案', 'both'],
  ['定点医疗机构变更', 'both'],
  ['门诊慢特病待遇认定申请', 'counter'],
  ['报销进度查询', 'both'],
  ['医疗费用结算单打印', 'self'],
  ['打印就医记录', 'self'],
];

const HOSPITAL_EXTRA: readonly Offer[] = [
  ['门诊慢特病定点医院变更', 'counter'],
  ['医保结算记录查询', 'both'],
  ['政策解读', 'counter'],
  ['医保药品目录查询', 'self'],
  ['异地就医费用手工报销', 'counter'],
];

const HEALTH_CORE = [
  '打印就医记录',
  '核对个人账户明细',
  '医保信息查询',
  '定点医疗机构变更',
  '门诊慢特病待遇认定申请',
  '异地就医备案',
  '政策解读',
  '帮办代办',
  '老年人一对一帮办',
  '医保手机App操作指导',
] as const;

const HEALTH_EXTRA = ['医保结算记录查询', '医保药品目录查询', '上门帮办预约', '长期护理保险政策咨询', '门诊慢特病定点医院变更'] as const;

const PARK_CORE: readonly Offer[] = [
  ['职工医保参保信息变更', 'counter'],
  ['医保信息查询', 'both'],
  ['核对个人账户明细', 'both'],
  ['生育津贴申领', 'counter'],
  ['生育医疗费用报销', 'counter'],
  ['异地就医备案', 'both'],
  ['定点医疗机构变更', 'both'],
  ['医保关系转移接续', 'counter'],
  ['参保证明打印', 'self'],
  ['政策解读', 'counter'],
  ['帮办代办', 'counter'],
  ['个人账户家庭共济绑定', 'both'],
];

function servicesFor(d: StationDef, rng: Rng): Offer[] {
  const counterOnly = (names: readonly string[]): Offer[] => names.map((n) => [n, 'counter'] as const);
  switch (d.hostType) {
    case 'street_centre':
      return [...counterOnly(CENTRE_CORE), ...counterOnly(rng.sample(CENTRE_EXTRA, rng.int(3, 6)))];
    case 'bank':
      return [...BANK_CORE, ...rng.sample(BANK_EXTRA, rng.int(2, 5))];
    case 'hospital':
      return [...HOSPITAL_CORE, ...rng.sample(HOSPITAL_EXTRA, rng.int(1, 3))];
    case 'community_health':
      return [...counterOnly(HEALTH_CORE), ...counterOnly(rng.sample(HEALTH_EXTRA, rng.int(1, 3)))];
    case 'park':
      return [...PARK_CORE];
  }
}

// ---------------------------------------------------------------------------------------------
// Facilities, directions
// ---------------------------------------------------------------------------------------------

function facilitiesFor(t: HostType) {
  switch (t) {
    case 'bank':
      return { hasWindow: true, hasSelfService: true, hasAiAvatar: true, isAccessible: true };
    case 'hospital':
    case 'park':
      return { hasWindow: true, hasSelfService: true, hasAiAvatar: false, isAccessible: true };
    case 'street_centre':
    case 'community_health':
      return { hasWindow: true, hasSelfService: false, hasAiAvatar: false, isAccessible: true };
  }
}

function directionsFor(d: StationDef, road: string, rng: Rng): string {
  const walk = `乘公交到“${road}”附近站点下车，步行约${rng.int(3, 10)}分钟。`;
  switch (d.hostType) {
    case 'street_centre':
      return `${walk}在便民服务中心${rng.pick(['一层大厅', '一层东侧', '二层（有电梯）'])}，进门后找“医保服务”窗口。正门有无障碍坡道。`;
    case 'bank':
      return `${walk}进入营业厅后${rng.pick(['左手边', '右手边', '正对大门'])}是医保服务专区，有自助机和AI数字人，人工窗口按窗口时间办理。营业厅门口有少量临时停车位。`;
    case 'hospital':
      return `${walk}在门诊楼一层${rng.pick(['收费处旁', '入院处对面', '自助机区域'])}的医保服务专区，看病间隙就能办。`;
    case 'community_health':
      return `${walk}在中心一层${rng.pick(['挂号处旁', '药房对面'])}，有工作人员一对一帮办，来开药时顺手就能办。`;
    case 'park':
      return `${walk}在管委会政务服务大厅${rng.pick(['一层', '二层'])}，园区企业职工凭工牌或身份证登记进门。`;
  }
}

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------

export type ExceptionSeed = { startDate: string; endDate: string; closed: boolean; sessions: Session[]; reason: string };

export type StationSeed = StationDef & {
  address: string;
  lat: number;
  lng: number;
  phone: string;
  hasWindow: boolean;
  hasSelfService: boolean;
  hasAiAvatar: boolean;
  isAccessible: boolean;
  openingDate: string | null;
  lastVerifiedOn: string;
  directions: string;
  createdAt: Date;
  updatedAt: Date;
  hours: HoursRow[];
  services: { name: string; mode: ServiceMode }[];
  exceptions: ExceptionSeed[];
};

function exceptionsFor(name: string, today: string): ExceptionSeed[] {
  switch (name) {
    // Banks open every day, so these exceptions change the hours whatever weekday today is.
    case '工商银行幸福街支行医保服务驿站':
      return [
        {
          startDate: addDays(today, 1),
          endDate: addDays(today, 2),
          closed: true,
          sessions: [],
          reason: '医保信息系统升级，暂停服务两天。急办的业务请到就近的其他驿站，或用手机在“北京医保公共服务平台”办理。',
        },
      ];
    case '农业银行方庄支行医保服务驿站':
      return [
        {
          startDate: addDays(today, 3),
          endDate: addDays(today, 3),
          closed: false,
          sessions: [{ opens: '09:00', closes: '12:00' }],
          reason: '下午医保专区工作人员参加“医保学堂”政策培训，当天只上午办理。',
        },
      ];
    case '建设银行马家堡支行医保服务驿站':
      // Already over: pages must not show it any more.
      return [
        {
          startDate: addDays(today, -12),
          endDate: addDays(today, -11),
          closed: true,
          sessions: [],
          reason: '营业厅装修，暂停服务。',
        },
      ];
    default:
      return [];
  }
}

export function buildStations(today: string): StationSeed[] {
  const rng = rngFor('stations');
  return STATION_DEFS.map((d, i) => {
    const street = streetSeed(d.street);
    const road = rng.pick(street.roads);
    const at = jitter(rng, street, STATION_JITTER_METRES);
    const facilities = facilitiesFor(d.hostType);
    // Every sixth record has gone unchecked for over 90 days, so the "信息可能已过时" hint shows.
    const verifiedAgo = d.status === 'planned' ? rng.int(2, 10) : i % 6 === 5 ? rng.int(95, 210) : rng.int(3, 80);
    const offers = servicesFor(d, rng);
    const created = d.status === 'planned' ? addDays(today, -rng.int(15, 30)) : addDays(today, -rng.int(220, 260));
    const lastVerifiedOn = addDays(today, -verifiedAgo);
    return {
      ...d,
      address: `北京市丰台区${road}${rng.int(1, 199)}号`,
      lat: at.lat,
      lng: at.lng,
      phone: `010-5555-${2001 + i}`,
      ...facilities,
      openingDate: d.status === 'planned' ? addDays(today, rng.int(20, 40)) : null,
      lastVerifiedOn,
      directions: directionsFor(d, road, rng),
      createdAt: beijingInstant(created, '10:00'),
      updatedAt: beijingInstant(lastVerifiedOn < created ? created : lastVerifiedOn, '15:00'),
      hours: hoursFor(d),
      // Without self-service machines everything goes through the window.
      services: offers.map(([name, mode]) => ({ name, mode: facilities.hasSelfService ? mode : 'counter' })),
      exceptions: exceptionsFor(d.name, today),
    };
  });
}
