/** Every word the 15分钟服务圈 view and its public summary show, in one place for review. */
import type { CoverageLevel, CoverageSet } from '@/db/domain/coverage';

export const coverageText = {
  title: '15分钟服务圈',
  lead: '各街镇有多大比例的地方，步行15分钟内能到一个医保服务驿站——全部驿站、此刻开门的驿站和周末开门的驿站分开看。',
  badParam: '地址里的查看方式无法识别，已显示“全部运营中”。',
  setLegend: '地图显示',
  sets: {
    all: '全部运营中',
    now: '此刻营业',
    saturday: '周六',
    sunday: '周日',
  } satisfies Record<CoverageSet, string>,
  setLong: (set: CoverageSet, day: string) =>
    ({
      all: '全部运营中的驿站（已发布、运营中）',
      now: `此刻（${day}）开门的驿站`,
      saturday: `周六（${day}）有营业时间的驿站`,
      sunday: `周日（${day}）有营业时间的驿站`,
    })[set],
  district: '全区',
  districtLine: (all: number, now: number, sat: number, sun: number) =>
    `全区 ${all}% 的地方步行15分钟内有运营中的驿站；此刻开门的驿站覆盖 ${now}%，周六 ${sat}%，周日 ${sun}%。`,
  tableCaption: '各街镇覆盖比例（覆盖最少的排在前面）',
  columns: { street: '街镇', stations: '驿站数' },
  approximate: '近似',
  approximateHint: '没有导入街镇边界，按离街镇中心最近的原则近似划分',
  levels: {
    good: '较好',
    fair: '有缺口',
    poor: '缺口大',
    none: '无数据',
  } satisfies Record<CoverageLevel, string>,
  levelIcon: { good: '●', fair: '◐', poor: '○', none: '–' } satisfies Record<CoverageLevel, string>,
  legendLevels: '判断：80% 及以上为“较好”，50%–79% 为“有缺口”，不到 50% 为“缺口大”。',
  mapTitle: (set: string) => `地图：${set}的步行15分钟覆盖范围`,
  mapDesc: '每个小方格代表约 250 米见方的一块地方。实心方格在驿站步行15分钟范围内，带斜线的方格不在范围内。圆点是驿站。',
  mapScrollLabel: '覆盖地图（可左右滚动）',
  legendCovered: '步行15分钟内有驿站',
  legendUncovered: '步行15分钟内没有驿站',
  legendStationIn: '此项中的驿站',
  legendStationOut: '运营中、但此项不计（未开门）',
  howTitle: '怎么算的',
  how: (spacing: number, radius: number, approxRadius: number) => [
    `把全区铺成每格 ${spacing} 米的网格，看每个格点到最近驿站的直线距离是否在 ${radius / 1000} 公里以内（按每分钟走 80 米算15分钟；实际道路会绕一些，所以这是偏乐观的估计）。`,
    `格点归哪个街镇：导入了街镇边界的按边界算；没有边界的，归离它最近的街镇中心，离所有中心都超过 ${approxRadius / 1000} 公里的格点不计——这种结果是近似的，表中标“近似”。`,
    '“此刻营业”按北京时间，已考虑节假日、调休和各驿站的临时调整；“周六”“周日”指即将到来的周六、周日当天有营业时间（调休上班的周末按上班日的时间算）。未到开业日期的驿站不计。',
  ],
  importHint: '导入真实街镇边界：npm run boundaries:import -- 文件.geojson',
  computedAt: (when: string) => `计算时间：北京时间 ${when}（每分钟最多重新计算一次）`,
  percent: (n: number) => `${n}%`,

  // The public summary on /stations
  summaryTitle: '15分钟医保服务圈',
  summary: (all: number, sat: number, sun: number) =>
    `全区约 ${all}% 的地方步行15分钟内有医保驿站；周六约 ${sat}%，周日约 ${sun}%。`,
  summaryLeast: (names: string) => `覆盖最少的是${names}。`,
  summaryApprox: '（按直线距离和近似街镇范围估算）',
  listJoin: '和',
};
