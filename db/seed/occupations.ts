/**
 * 工种 with the levels each can certify, and the groups courses are aimed at.
 * Level numbers follow the national scheme: 5 = 五级/初级工 … 1 = 一级/高级技师.
 */

export type OccupationSeed = {
  name: string;
  category: string;
  description: string;
  levels: readonly number[];
};

export const ALL_LEVELS = [5, 4, 3, 2, 1] as const;

export const OCCUPATIONS: readonly OccupationSeed[] = [
  {
    name: '园林绿化工',
    category: '园林花卉',
    description: '种植和养护树木、花卉、草坪，修剪绿植，维护公园、小区和道路绿地。花展布展、节日花卉布置用工量大。',
    levels: ALL_LEVELS,
  },
  {
    name: '林草种苗工',
    category: '园林花卉',
    description: '采种、育苗、嫁接和苗木出圃，在苗圃和种植基地工作。原称林木种苗工。',
    levels: ALL_LEVELS,
  },
  {
    name: '插花花艺师',
    category: '园林花卉',
    description: '用鲜花和绿植做插花、花束、花艺布置，可在花店、酒店、婚庆和活动公司工作，也适合开店创业。',
    levels: [5, 4, 3],
  },
  {
    name: '林业有害生物防治员',
    category: '园林花卉',
    description: '识别和防治危害树木花草的病虫害，做好古树和绿地的日常监测，学会安全、环保地用药。',
    levels: [5, 4, 3],
  },
  {
    name: '电工',
    category: '电气与设备',
    description: '安装和维修照明、配电和电机线路，在工厂、物业、商场等单位做设备维护。上岗还需低压电工特种作业操作证。',
    levels: ALL_LEVELS,
  },
  {
    name: '叉车司机',
    category: '电气与设备',
    description: '驾驶叉车在仓库、物流园和工厂装卸、搬运货物。上岗需特种设备作业人员证（叉车）。',
    levels: [5, 4, 3],
  },
  {
    name: '装配钳工',
    category: '制造与装配',
    description: '按图纸装配、调试机械设备和零部件，航天、轨道交通等制造企业需求多。',
    levels: ALL_LEVELS,
  },
  {
    name: '砌筑工',
    category: '建筑施工',
    description: '砌砖、砌块，做墙体、基础和一般构筑物施工。',
    levels: [5, 4, 3],
  },
  {
    name: '钢筋工',
    category: '建筑施工',
    description: '钢筋下料、加工、绑扎和安装，在建筑工地工作。',
    levels: [5, 4, 3],
  },
  {
    name: '保安员',
    category: '安保服务',
    description: '在小区、写字楼、商场、医院等做门岗、巡逻和安全防范。上岗需公安机关核发的保安员证。',
    levels: ALL_LEVELS,
  },
  {
    name: '中式烹调师',
    category: '餐饮服务',
    description: '做中式热菜、凉菜，懂刀工、火候和食品安全，在饭店、单位食堂、社区餐厅工作。',
    levels: ALL_LEVELS,
  },
  {
    name: '中式面点师',
    category: '餐饮服务',
    description: '做包子、饺子、面条、糕点等中式面食点心。',
    levels: ALL_LEVELS,
  },
  {
    name: '养老护理员',
    category: '养老与家庭服务',
    description: '照料老年人的饮食、起居、清洁和康复活动，在养老院、社区养老驿站或居家上门服务。',
    levels: ALL_LEVELS,
  },
  {
    name: '育婴员',
    category: '养老与家庭服务',
    description: '照料0到3岁婴幼儿的生活、保健和早期发展，在家庭、托育机构工作。',
    levels: [5, 4, 3],
  },
  {
    name: '家政服务员',
    category: '养老与家庭服务',
    description: '做家庭保洁、烹饪、衣物收纳和照料老人孩子等家务服务。',
    levels: [5, 4, 3],
  },
  {
    name: '网约配送员',
    category: '新就业形态',
    description: '通过网络平台接单，配送外卖、生鲜和同城物品。学交通安全、服务规范和自我保护。',
    levels: [5, 4, 3],
  },
];

/** How residents read a level ('四级/中级工'): the same words the pages use. */
export { levelLabel } from '../domain/labels-courses';

export type TargetGroupCode =
  | 'employed'
  | 'unemployed'
  | 'rural'
  | 'graduate'
  | 'new_forms'
  | 'disabled'
  | 'veteran'
  | 'hardship';

export const TARGET_GROUPS: readonly { code: TargetGroupCode; name: string }[] = [
  { code: 'employed', name: '在职职工' },
  { code: 'unemployed', name: '失业人员' },
  { code: 'rural', name: '农村劳动力' },
  { code: 'graduate', name: '高校毕业生' },
  { code: 'new_forms', name: '新就业形态劳动者' },
  { code: 'disabled', name: '残疾人' },
  { code: 'veteran', name: '退役军人' },
  { code: 'hardship', name: '就业困难人员' },
];
