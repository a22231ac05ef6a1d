/**
 * Places: providers' classrooms, practice bases (实训基地), fair venues and landmarks residents
 * can pick as "where I am". Well-known sites carry their own approximate coordinates; the rest
 * are scattered (≤ 800 m) around their 街镇's centre, which is all the distance sort needs.
 */
import type { PlaceKind } from '../schema';
import type { ProviderKey } from './providers';

export type PlaceSeed = {
  key: string;
  name: string;
  kind: PlaceKind;
  provider?: ProviderKey;
  /** null: outside Fengtai (顺义杨镇). */
  street: string | null;
  address: string;
  /** Approximate real position; otherwise jittered around the street centre. */
  at?: { lat: number; lng: number };
  note?: string;
};

export const PLACE_JITTER_METRES = 800;

export const PLACES: readonly PlaceSeed[] = [
  // --- Classrooms -------------------------------------------------------------------------
  {
    key: 'jjr-class',
    name: '金匠人丰台学校教学楼',
    kind: 'classroom',
    provider: 'jjr',
    street: '花乡街道',
    address: '北京市丰台区花乡纪家庙路18号 2层教室',
  },
  {
    key: 'xy-main',
    name: '区职业技能培训学院（丰台北路校区）',
    kind: 'classroom',
    provider: 'xy',
    street: '丰台街道',
    address: '北京市丰台区丰台北路32号 教学楼3层',
  },
  {
    key: 'xy-south',
    name: '区职业技能培训学院（南苑教学点）',
    kind: 'classroom',
    provider: 'xy',
    street: '南苑街道',
    address: '北京市丰台区警备东路6号院 1号楼',
  },
  {
    key: 'xy-west',
    name: '区职业技能培训学院（长辛店教学点）',
    kind: 'classroom',
    provider: 'xy',
    street: '长辛店街道',
    address: '北京市丰台区朱家坟路21号',
  },
  {
    key: 'ft-class',
    name: '丰泰电工学校教学楼',
    kind: 'classroom',
    provider: 'ft',
    street: '新村街道',
    address: '北京市丰台区新华街56号',
  },
  {
    key: 'kx-fangzhuang',
    name: '康馨养老护理学校（方庄教学点）',
    kind: 'classroom',
    provider: 'kx',
    street: '方庄街道',
    address: '北京市丰台区方庄路9号 4层',
  },
  {
    key: 'kx-xiluoyuan',
    name: '康馨养老护理学校（西罗园教学点）',
    kind: 'classroom',
    provider: 'kx',
    street: '西罗园街道',
    address: '北京市丰台区洋桥北路15号',
  },
  {
    key: 'ny-class',
    name: '南苑烹饪学校教学楼（含实训厨房）',
    kind: 'classroom',
    provider: 'ny',
    street: '南苑街道',
    address: '北京市丰台区南苑路128号',
  },

  // --- Practice bases (实训基地) ---------------------------------------------------------------
  {
    key: 'base-dgy',
    name: '北京世界花卉大观园',
    kind: 'practice_base',
    provider: 'jjr',
    street: '花乡街道',
    address: '北京市丰台区南四环中路235号',
    at: { lat: 39.8285, lng: 116.3425 },
    note: '北京花乡花木集团所属。园林绿化工的植物识别、栽植和养护实操在园内温室和室外展区进行。',
  },
  {
    key: 'base-museum',
    name: '中国插花艺术博物馆',
    kind: 'practice_base',
    provider: 'jjr',
    street: '花乡街道',
    address: '北京市丰台区花乡草桥东路（北京花乡花木集团内）',
    note: '插花花艺师课程的作品赏析和实操教室。',
  },
  {
    key: 'base-market',
    name: '北京花卉交易中心',
    kind: 'practice_base',
    provider: 'jjr',
    street: '花乡街道',
    address: '北京市丰台区花乡草桥东路',
    note: '全国首个销地鲜花拍卖中心所在地，学员在这里学习花材挑选、打包和运输。',
  },
  {
    key: 'base-institute',
    name: '北京花乡花木集团花卉研究所',
    kind: 'practice_base',
    provider: 'jjr',
    street: '花乡街道',
    address: '北京市丰台区花乡纪家庙路18号 研究所实验室',
    note: '林业有害生物识别和防治的实验课在这里上。',
  },
  {
    key: 'base-yangzhen',
    name: '顺义杨镇花木种植基地',
    kind: 'practice_base',
    provider: 'jjr',
    street: null,
    address: '北京市顺义区杨镇',
    at: { lat: 40.1285, lng: 116.8242 },
    note: '在丰台区外（顺义区）。林草种苗工的育苗实操在这里，学校统一安排大巴往返。',
  },
  {
    key: 'ft-workshop',
    name: '丰泰电工学校电工实训车间',
    kind: 'practice_base',
    provider: 'ft',
    street: '新村街道',
    address: '北京市丰台区新华街56号 院内东侧车间',
    note: '低压配电柜、照明和电机控制线路实训台，考试也在这里进行。',
  },
  {
    key: 'ft-forklift',
    name: '丰泰叉车实操场',
    kind: 'practice_base',
    provider: 'ft',
    street: '卢沟桥街道',
    address: '北京市丰台区丰台西路88号 仓储园区内',
    note: '叉车场地驾驶和装卸实操场地。',
  },
  {
    key: 'xy-build',
    name: '区职业技能培训学院建筑工种实训场',
    kind: 'practice_base',
    provider: 'xy',
    street: '长辛店街道',
    address: '北京市丰台区朱家坟路21号 院内实训场',
    note: '砌筑、钢筋绑扎实操场地，请穿劳保鞋。',
  },
  {
    key: 'xy-fitter',
    name: '丰台区高技能人才实训基地（总部基地）',
    kind: 'practice_base',
    provider: 'xy',
    street: '看丹街道',
    address: '北京市丰台区科学城路12号',
    note: '装配钳工、机械加工实训车间，技能大师工作室在此带教。',
  },
  {
    key: 'kx-care',
    name: '方庄养老照料中心（实训点）',
    kind: 'practice_base',
    provider: 'kx',
    street: '方庄街道',
    address: '北京市丰台区芳城园路3号',
    note: '养老护理员实操在照料中心的护理实训室进行。',
  },

  // --- Fair venues --------------------------------------------------------------------------
  {
    key: 'venue-hrc',
    name: '丰台区人力资源公共服务中心',
    kind: 'venue',
    street: '丰台街道',
    address: '北京市丰台区丰台南路甲1号 1层大厅',
    note: '乘地铁9号线或16号线到丰台站，步行约10分钟；公交到“丰台南路”站下车。',
  },
  {
    key: 'venue-stadium',
    name: '丰台体育中心',
    kind: 'venue',
    street: '丰台街道',
    address: '北京市丰台区西四环南路55号 综合馆',
    at: { lat: 39.8615, lng: 116.2905 },
    note: '乘公交到“丰台体育中心”站下车即到；场馆北门入场，有免费停车位。',
  },
  {
    key: 'venue-gig-lgq',
    name: '丰台区零工市场（卢沟桥）',
    kind: 'venue',
    street: '卢沟桥街道',
    address: '北京市丰台区小屯路66号',
    note: '乘公交到“小屯路口”站下车，向北步行约5分钟。室内有等候区和饮水机。',
  },
  {
    key: 'venue-gig-ny',
    name: '南苑零工驿站',
    kind: 'venue',
    street: '南苑街道',
    address: '北京市丰台区南苑路210号',
    note: '乘公交到“南苑路口”站下车，步行约3分钟。',
  },
  {
    key: 'venue-lize',
    name: '丽泽商务区人才服务中心',
    kind: 'venue',
    street: '太平桥街道',
    address: '北京市丰台区丽泽路18号院 1号楼2层',
    note: '乘地铁14号线或16号线到丽泽商务区站，从C口出步行约5分钟。',
  },
  {
    key: 'venue-hq',
    name: '总部基地会展中心',
    kind: 'venue',
    street: '看丹街道',
    address: '北京市丰台区南四环西路188号 会展中心1层',
    at: { lat: 39.8295, lng: 116.2885 },
    note: '乘地铁9号线到科怡路站，步行约12分钟；园区内有停车场。',
  },
  {
    key: 'venue-cueb',
    name: '首都经济贸易大学（丰台校区）学生活动中心',
    kind: 'venue',
    street: '花乡街道',
    address: '北京市丰台区张家路口121号',
    at: { lat: 39.8425, lng: 116.3195 },
    note: '乘公交到“首经贸”站下车，从学校东门进入，凭身份证登记。',
  },
  {
    key: 'venue-disabled',
    name: '丰台区残疾人综合服务中心',
    kind: 'venue',
    street: '新村街道',
    address: '北京市丰台区郭公庄路9号',
    note: '一层无台阶入口在东侧，设有无障碍卫生间和轮椅借用；有手语翻译。',
  },
  {
    key: 'venue-fangzhuang',
    name: '方庄街道社区服务中心多功能厅',
    kind: 'venue',
    street: '方庄街道',
    address: '北京市丰台区蒲方路16号 2层',
    note: '乘地铁5号线到蒲黄榆站，步行约8分钟。有电梯。',
  },

  // --- Landmarks ("where I am") -------------------------------------------------------------
  { key: 'lm-fengtai-station', name: '丰台站', kind: 'landmark', street: '新村街道', address: '北京市丰台区丰台东大街', at: { lat: 39.8468, lng: 116.3015 } },
  { key: 'lm-west-station', name: '北京西站南广场', kind: 'landmark', street: '六里桥街道', address: '北京市丰台区莲花池东路北京西站南广场', at: { lat: 39.8915, lng: 116.3215 } },
  { key: 'lm-south-station', name: '北京南站', kind: 'landmark', street: '右安门街道', address: '北京市丰台区永外车站路', at: { lat: 39.8652, lng: 116.3786 } },
  { key: 'lm-lize', name: '丽泽商务区', kind: 'landmark', street: '太平桥街道', address: '北京市丰台区丽泽路', at: { lat: 39.8648, lng: 116.315 } },
  { key: 'lm-hq', name: '总部基地', kind: 'landmark', street: '看丹街道', address: '北京市丰台区南四环西路', at: { lat: 39.8285, lng: 116.2895 } },
  { key: 'lm-fangzhuang', name: '方庄环岛', kind: 'landmark', street: '方庄街道', address: '北京市丰台区方庄桥', at: { lat: 39.866, lng: 116.429 } },
  { key: 'lm-wanping', name: '宛平城', kind: 'landmark', street: '宛平街道', address: '北京市丰台区宛平城', at: { lat: 39.851, lng: 116.221 } },
  { key: 'lm-changxindian', name: '长辛店老街', kind: 'landmark', street: '长辛店街道', address: '北京市丰台区长辛店大街', at: { lat: 39.833, lng: 116.203 } },
  { key: 'lm-qingta', name: '青塔', kind: 'landmark', street: '青塔街道', address: '北京市丰台区青塔西路', at: { lat: 39.89, lng: 116.27 } },
  { key: 'lm-dahongmen', name: '大红门', kind: 'landmark', street: '大红门街道', address: '北京市丰台区南苑路大红门桥', at: { lat: 39.846, lng: 116.404 } },
  { key: 'lm-songjiazhuang', name: '宋家庄地铁站', kind: 'landmark', street: '石榴庄街道', address: '北京市丰台区宋庄路', at: { lat: 39.8458, lng: 116.4285 } },
];
