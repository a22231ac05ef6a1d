/**
 * Job fairs relative to today: a standing 零工市场, fairs today and tomorrow and through the
 * coming week, a postponed and a cancelled one, past fairs, and a 春风行动 on the real season
 * (March) rather than at a fixed offset. Employers are invented (北京花乡花木集团 apart) and
 * positions point at the course that qualifies for them where one exists (短训快聘).
 */
import type { FairStatus, FairType, PayUnit, Publication, Recurrence } from '../schema';
import { addDays, weekdayOf } from '../domain/time';
import { beijingInstant } from './random';

export type PositionSeed = {
  title: string;
  headcount: number;
  pay: readonly [number, number] | null;
  unit?: PayUnit;
  requirements: string;
  /** Key of the course in courses.ts that qualifies for the job. */
  course?: string;
};

export type EmployerSeed = { name: string; industry: string; intro: string; positions: readonly PositionSeed[] };

const p = (
  title: string,
  headcount: number,
  pay: readonly [number, number] | null,
  requirements: string,
  course?: string,
  unit: PayUnit = 'month',
): PositionSeed => ({ title, headcount, pay, requirements, course, unit });

/** Keyed so fairs can list them; each fair gets its own fair_employers rows. */
export const EMPLOYERS = {
  huaxiang: {
    name: '北京花乡花木集团有限公司',
    industry: '园林花卉',
    intro: '集花卉研发、生产、销售、观光、服务于一体，承担北京国际花展丰台园和区内节日花卉布置，长期用工近百人，年季节性用工超500人次。',
    positions: [
      p('绿化养护工', 20, [5500, 7000], '有园林绿化工证书优先，没有的可先参加短训快聘培训；能适应户外工作。', 'garden5'),
      p('花展布展施工员', 15, [6000, 8000], '能吃苦，服从安排；布展高峰期需加班，加班另计。', 'garden5'),
      p('花艺师', 5, [5000, 7000], '有插花花艺师证书优先，会做花束、桌花。', 'flower5'),
      p('园林植保员', 3, [6000, 7500], '会识别常见病虫害，持林业有害生物防治员证书优先。', 'pest4'),
    ],
  },
  lvjing: {
    name: '北京绿景园林工程有限公司',
    industry: '园林绿化',
    intro: '承接公园、道路和小区绿化的施工与养护。（示例单位）',
    positions: [
      p('园林养护工', 10, [5500, 6800], '55岁以下，身体健康；培训合格即可上岗。', 'garden5'),
      p('园林机械操作员', 3, [6000, 7000], '会使用割草机、绿篱机，有经验者优先。'),
    ],
  },
  jinghe: {
    name: '北京京禾物业服务有限公司',
    industry: '物业服务',
    intro: '为区内30多个住宅小区和写字楼提供物业服务。（示例单位）',
    positions: [
      p('物业电工', 4, [6000, 7500], '持低压电工特种作业操作证，能值夜班。', 'elec5'),
      p('小区保安员', 10, [5000, 6000], '持保安员证，退役军人优先。', 'security5'),
      p('保洁员', 8, [4200, 4800], '60岁以下，身体健康，勤快。'),
      p('小区绿化工', 3, [4800, 5800], '会浇水、修剪，有园林绿化工证书优先。', 'garden5'),
    ],
  },
  fengze: {
    name: '北京丰泽精密机械有限公司',
    industry: '装备制造',
    intro: '生产轨道交通和航天配套零部件的制造企业，提供食宿。（示例单位）',
    positions: [
      p('工厂电工', 3, [6200, 7500], '持电工职业技能等级证书和低压电工特种作业操作证，“一培双证”学员优先；能倒班。', 'elec4'),
      p('装配钳工', 6, [7000, 9000], '会看图装配，有装配钳工中级工证书优先。', 'fitter4'),
      p('数控车工', 4, [6500, 8500], '会操作数控车床，有经验者优先。'),
      p('质检员', 2, [5500, 6500], '中专及以上学历，细心，会使用常用量具。'),
    ],
  },
  yunlu: {
    name: '北京云路通达物流有限公司',
    industry: '仓储物流',
    intro: '在卢沟桥、花乡有两座仓库，为商超和电商做仓配服务。（示例单位）',
    positions: [
      p('叉车司机', 8, [6500, 8000], '持特种设备作业人员证（叉车），可参加“一培双证”培训后上岗。', 'forklift5'),
      p('仓库理货员', 10, [5000, 6000], '初中及以上学历，会用手机扫码。'),
      p('分拣员', 15, [4800, 5800], '能上夜班，夜班有补贴。'),
    ],
  },
  kangyi: {
    name: '北京康颐养老服务有限公司',
    industry: '养老服务',
    intro: '运营3家养老照料中心和12个社区养老驿站。（示例单位）',
    positions: [
      p('养老护理员', 12, [5500, 7000], '有爱心、有耐心，持养老护理员证书优先，没有的可先参加培训。', 'care5'),
      p('护理组长', 2, [7000, 8500], '持养老护理员中级工证书，有3年以上护理经验。', 'care4'),
      p('社区养老驿站助老员', 4, [4800, 5500], '会用电脑和手机，能帮老人办事。'),
    ],
  },
  xiaoya: {
    name: '北京小芽托育服务有限公司',
    industry: '托育服务',
    intro: '在丰台有4家普惠托育园。（示例单位）',
    positions: [
      p('育婴员', 6, [5500, 7000], '持育婴员证书，喜欢孩子。', 'nanny5'),
      p('保育员', 4, [5000, 6000], '身体健康，有健康证。'),
    ],
  },
  fengxin: {
    name: '北京丰馨家政服务有限公司',
    industry: '家政服务',
    intro: '提供保洁、育儿、居家养老等家政服务，员工制管理，缴纳社保。（示例单位）',
    positions: [
      p('家政服务员', 10, [5500, 7500], '60岁以下，身体健康，有家政经验优先。'),
      p('育儿嫂', 5, [8000, 12000], '持育婴员证书，能住家。', 'nanny5'),
      p('居家养老护理员', 6, [6000, 7500], '持养老护理员证书，上门服务。', 'care5'),
    ],
  },
  weiwei: {
    name: '北京味味香餐饮管理有限公司',
    industry: '餐饮',
    intro: '经营8家京味家常菜餐厅。（示例单位）',
    positions: [
      p('中式厨师', 6, [6000, 8000], '持中式烹调师证书，会做京味家常菜。', 'cook5'),
      p('面点师', 4, [5500, 7000], '会做包子、饺子、面条，持中式面点师证书优先。', 'pastry5'),
      p('后厨帮厨', 6, [4500, 5200], '有健康证，能早起。'),
    ],
  },
  shanyuan: {
    name: '北京膳园团餐服务有限公司',
    industry: '团餐',
    intro: '为学校、医院和企业食堂供餐，双休。（示例单位）',
    positions: [
      p('食堂厨师', 5, [5800, 7000], '持中式烹调师证书，会做大锅菜。', 'cook5'),
      p('早点面点师', 3, [5000, 6000], '会做早点，持中式面点师证书优先。', 'pastry5'),
    ],
  },
  jisong: {
    name: '北京即送同城配送服务有限公司',
    industry: '即时配送',
    intro: '外卖和同城配送平台的区域服务商，在丰台有16个站点。（示例单位）',
    positions: [
      p('网约配送员（全职）', 50, [7000, 12000], '18至55岁，会骑电动自行车，多劳多得；站点代缴职业伤害保障。', 'delivery5'),
      p('配送站站长', 2, [8000, 11000], '有配送经验，持网约配送员证书优先。', 'delivery5'),
    ],
  },
  kuaiyun: {
    name: '北京快运通快递服务有限公司',
    industry: '快递',
    intro: '快递网点加盟商，负责丰台南部片区的揽收和派送。（示例单位）',
    positions: [
      p('快递员', 20, [6500, 10000], '会骑电动三轮车，熟悉丰台路况优先。'),
      p('快递分拣员', 10, [5000, 6500], '能上夜班。'),
    ],
  },
  anxing: {
    name: '北京安行出行服务有限公司',
    industry: '网约车',
    intro: '网约车平台合作运力公司，可提供租车。（示例单位）',
    positions: [p('网约车司机', 30, [6000, 10000], '驾龄3年以上，持网络预约出租汽车驾驶员证或愿意考取。')],
  },
  jianfeng: {
    name: '北京建丰建筑劳务有限公司',
    industry: '建筑施工',
    intro: '为区内保障房和市政项目提供建筑劳务。（示例单位）',
    positions: [
      p('砌筑工', 15, [7000, 9000], '持砌筑工证书优先，包住宿。', 'mason5'),
      p('钢筋工', 20, [7500, 9500], '持钢筋工证书优先，包住宿。', 'rebar5'),
      p('施工安全员', 2, [6000, 7500], '持安全员证，有工地经验。'),
    ],
  },
  hangxing: {
    name: '北京航星精工科技有限公司',
    industry: '航天配套制造',
    intro: '为航天院所配套生产精密结构件，设有技能大师工作室。（示例单位）',
    positions: [
      p('装配钳工', 5, [8000, 11000], '持装配钳工中级工及以上证书。', 'fitter4'),
      p('设备电工', 2, [7000, 8500], '持电工中级工证书和低压电工操作证。', 'elec4'),
      p('技术学徒', 6, [4500, 5500], '大专及以上学历，机械、电气类专业，公司安排师傅带教。'),
    ],
  },
  guian: {
    name: '北京轨安轨道交通设备有限公司',
    industry: '轨道交通',
    intro: '从事轨道交通车辆和设备的检修维护。（示例单位）',
    positions: [
      p('设备维修电工', 4, [7000, 9000], '持电工证书和低压电工特种作业操作证，能倒班。', 'elec4'),
      p('轨道设备检修工', 6, [6500, 8500], '中专及以上学历，机电类专业优先。'),
    ],
  },
  lizeTech: {
    name: '北京丽泽数智科技有限公司',
    industry: '信息技术',
    intro: '位于丽泽商务区的数据服务企业，无障碍办公环境。（示例单位）',
    positions: [
      p('软件测试工程师', 4, [9000, 14000], '本科及以上学历，计算机相关专业。'),
      p('数据标注员', 10, [5500, 7000], '会用电脑，细心；欢迎残疾人朋友应聘，可居家办公。'),
      p('客服专员', 8, [5500, 7000], '普通话流利，会打字。'),
    ],
  },
  fengan: {
    name: '北京丰安保安服务有限公司',
    industry: '保安服务',
    intro: '为医院、学校和写字楼派驻保安。（示例单位）',
    positions: [
      p('保安员', 20, [5200, 6500], '持保安员证，没有的可参加“一培双证”培训后上岗；退役军人优先。', 'security5'),
      p('监控室值班员', 4, [5500, 6500], '持保安员证，会用电脑。', 'security5'),
    ],
  },
  fuqiao: {
    name: '北京福桥科技服务有限公司',
    industry: '残疾人就业基地',
    intro: '区级残疾人就业基地，岗位按残疾类别适配，提供无障碍设施和上下班班车。（示例单位）',
    positions: [
      p('电话客服', 6, [4500, 5500], '听力和语言表达正常，肢体残疾人优先。'),
      p('手工艺制作', 8, [3800, 4500], '手部灵活即可，听障朋友可应聘。'),
      p('数据录入员', 6, [4200, 5000], '会用电脑打字。'),
    ],
  },
  huiyuan: {
    name: '北京惠源连锁超市有限公司',
    industry: '商贸零售',
    intro: '在丰台有20多家社区超市。（示例单位）',
    positions: [
      p('理货员', 10, [4800, 5600], '50岁以下，身体健康。'),
      p('收银员', 6, [4600, 5400], '会用电脑收银系统，可培训。'),
      p('生鲜加工员', 4, [5000, 6000], '有健康证。'),
      p('门店储备店长', 2, null, '有零售门店管理经验，薪资面议，可从店长助理做起。'),
    ],
  },
  xingke: {
    name: '北京星科教育科技有限公司',
    industry: '教育科技',
    intro: '做职业教育在线课程的科技企业。（示例单位）',
    positions: [
      p('课程顾问', 6, [6000, 9000], '大专及以上学历，2026届、2027届毕业生均可。'),
      p('新媒体运营', 3, [6500, 9000], '本科及以上学历，会写短文案、剪视频。'),
    ],
  },
  hekang: {
    name: '北京和康医药连锁有限公司',
    industry: '医药零售',
    intro: '医保定点连锁药店，在丰台有15家门店。（示例单位）',
    positions: [
      p('药店营业员', 8, [5000, 6500], '中专及以上学历，医药相关专业优先。'),
      p('执业药师', 2, [8000, 10000], '持执业药师资格证。'),
    ],
  },
  // --- 零工 (pay by the day or hour) ---------------------------------------------------------
  gigMove: {
    name: '北京顺心搬家服务部',
    industry: '搬家搬运',
    intro: '个体搬家服务，活多时天天有活。（示例单位）',
    positions: [p('搬家搬运工', 10, [250, 350], '身体强壮，能搬重物，日结。', undefined, 'day')],
  },
  gigLoad: {
    name: '北京云路通达物流有限公司',
    industry: '仓储物流',
    intro: '仓库装卸临时用工。（示例单位）',
    positions: [p('装卸工', 15, [240, 320], '能干重活，当天结算。', undefined, 'day')],
  },
  gigClean: {
    name: '北京洁亮保洁服务有限公司',
    industry: '保洁',
    intro: '新房开荒和家庭保洁。（示例单位）',
    positions: [
      p('开荒保洁', 12, [200, 260], '工具公司提供，日结。', undefined, 'day'),
      p('钟点保洁', 10, [35, 45], '按小时计费，就近派单。', undefined, 'hour'),
    ],
  },
  gigDecor: {
    name: '北京匠心装饰工程有限公司',
    industry: '装修',
    intro: '家庭装修和局部改造。（示例单位）',
    positions: [
      p('装修小工', 8, [260, 320], '搬运、清理、打下手，日结。', undefined, 'day'),
      p('瓦工', 4, [400, 500], '会砌墙、贴砖，有砌筑工证书优先。', 'mason5', 'day'),
    ],
  },
  gigFlower: {
    name: '北京花乡花木集团有限公司',
    industry: '园林花卉',
    intro: '花展布展和节日花卉摆放的季节性用工。',
    positions: [p('花展布展临时工', 30, [220, 300], '布展期间按天结算，做得好的可转长期绿化养护工。', 'garden5', 'day')],
  },
  gigKitchen: {
    name: '北京味味香餐饮管理有限公司',
    industry: '餐饮',
    intro: '餐厅高峰期临时帮厨。（示例单位）',
    positions: [p('帮厨（日结）', 6, [180, 220], '有健康证，中午高峰时段。', undefined, 'day')],
  },
} satisfies Record<string, EmployerSeed>;

export type EmployerKey = keyof typeof EMPLOYERS;

const ORGANISER_BUREAU = '丰台区人力资源和社会保障局';
const ORGANISER_CENTRE = '丰台区就业服务中心';

export type FairSeed = {
  title: string;
  type: FairType;
  organiser: string;
  /** Key of a place in places.ts; null for online fairs. */
  place: string | null;
  onlineUrl: string | null;
  startsAt: string;
  endsAt: string;
  recurrence: Recurrence | null;
  status: FairStatus;
  statusNote: string | null;
  description: string;
  howToAttend: string;
  contactPhone: string;
  publication: Publication;
  createdAt: Date;
  employers: { key: EmployerKey; booth: string | null }[];
};

type FairDef = Omit<FairSeed, 'contactPhone' | 'createdAt' | 'employers' | 'onlineUrl' | 'recurrence' | 'status' | 'statusNote' | 'publication'> & {
  employers: readonly EmployerKey[];
  onlineUrl?: string;
  recurrence?: Recurrence;
  status?: FairStatus;
  statusNote?: string;
  publication?: Publication;
  /** Booth prefix: 'A' gives A01, A02 … */
  boothPrefix?: string;
};

const at = (date: string, time: string) => `${date}T${time}`;

const BRING = '携带身份证和几份简历，免费入场，不用提前报名。';
const ONLINE_HOW =
  '用手机或电脑打开直播链接观看，看中的岗位点“投递简历”即可。不会操作的可以拨打咨询电话，工作人员一步一步教您；也可以到就近的街镇便民服务中心请工作人员帮忙。';

/** The 春风行动 is held after 春节, in March: the first Friday on or after March 6. */
function springBreezeDate(year: number): string {
  let d = `${year}-03-06`;
  while (weekdayOf(d) !== 5) d = addDays(d, 1);
  return d;
}

function fairDefs(today: string, venueNotes: Record<string, string>): FairDef[] {
  const d = (n: number) => addDays(today, n);
  const year = Number(today.slice(0, 4));
  const thisSpring = springBreezeDate(year);
  const pastSpring = thisSpring < today ? thisSpring : springBreezeDate(year - 1);
  const nextSpring = thisSpring >= today ? thisSpring : springBreezeDate(year + 1);
  const venue = (key: string) => venueNotes[key] ?? '';
  return [
    {
      title: '丰台区零工市场（卢沟桥）每日用工对接',
      type: 'gig_market',
      organiser: ORGANISER_CENTRE,
      place: 'venue-gig-lgq',
      startsAt: at(d(-240), '07:00'),
      endsAt: at(d(365), '11:00'),
      recurrence: { weekdays: [1, 2, 3, 4, 5, 6], opens: '07:00', closes: '11:00' },
      description: '常设零工市场，每天早上发布搬运、装卸、保洁、装修、布展等零工岗位，现场对接、当天上岗，工钱按天结算。',
      howToAttend: `周一到周六早上7点到11点，带上身份证到现场登记即可，不收任何费用。用工单位和零工签订简易协议，工钱当天结清。${venue('venue-gig-lgq')}`,
      employers: ['gigMove', 'gigLoad', 'gigClean', 'gigDecor', 'gigFlower'],
      boothPrefix: '对接台',
    },
    {
      title: '南苑零工驿站早市',
      type: 'gig_market',
      organiser: ORGANISER_CENTRE,
      place: 'venue-gig-ny',
      startsAt: at(d(-120), '07:30'),
      endsAt: at(d(365), '10:30'),
      recurrence: { weekdays: [1, 2, 3, 4, 5], opens: '07:30', closes: '10:30' },
      description: '家门口的零工驿站，工作日早上发布附近的保洁、帮厨、搬运零活。',
      howToAttend: `工作日早上7点半到10点半，带身份证到驿站登记。${venue('venue-gig-ny')}`,
      employers: ['gigClean', 'gigKitchen', 'gigMove'],
      boothPrefix: '对接台',
    },
    {
      title: '园林绿化工“短训快聘”专场招聘会',
      type: 'short_training',
      organiser: ORGANISER_BUREAU,
      place: 'base-dgy',
      startsAt: at(d(0), '09:00'),
      endsAt: at(d(0), '15:30'),
      description:
        '花卉园林企业现场招聘，配套园林绿化工短期培训：先面试、再培训，培训合格拿证后直接到岗。北京花乡花木集团带来花展布展和绿化养护岗位。',
      howToAttend: `${BRING}想参加配套培训的，可在现场登记报名，符合条件的免费培训。乘公交到“世界花卉大观园”站下车，从南门入园。`,
      employers: ['huaxiang', 'lvjing', 'jinghe'],
      boothPrefix: 'A',
    },
    {
      title: '“职”播丰台·线上直播带岗周',
      type: 'online',
      organiser: ORGANISER_CENTRE,
      place: null,
      onlineUrl: 'https://example.org/live/fengtai-jobs-week',
      startsAt: at(d(-2), '09:00'),
      endsAt: at(d(5), '18:00'),
      description: '连续一周，每天上午10点、下午3点由企业负责人在直播间讲岗位、答疑，其余时间可在线浏览岗位和投递简历。',
      howToAttend: ONLINE_HOW,
      employers: ['lizeTech', 'hangxing', 'yunlu', 'huiyuan', 'kangyi'],
    },
    {
      title: '丰台区综合招聘会',
      type: 'general',
      organiser: ORGANISER_BUREAU,
      place: 'venue-stadium',
      startsAt: at(d(1), '09:00'),
      endsAt: at(d(1), '12:00'),
      description: '物业、物流、餐饮、零售、制造等行业的企业现场招聘，岗位多、门槛低，适合各类求职者。',
      howToAttend: `${BRING}${venue('venue-stadium')}`,
      employers: ['jinghe', 'yunlu', 'weiwei', 'huiyuan', 'fengze', 'fengan'],
      boothPrefix: 'B',
    },
    {
      title: '新就业形态劳动者专场招聘会',
      type: 'new_forms',
      organiser: ORGANISER_CENTRE,
      place: 'venue-lize',
      startsAt: at(d(2), '14:00'),
      endsAt: at(d(2), '17:00'),
      description: '外卖、快递、网约车、家政等平台和服务商现场招聘，同时讲解职业伤害保障、灵活就业人员参保和网约配送员免费培训。',
      howToAttend: `${BRING}下午场，跑完早高峰再来也来得及。${venue('venue-lize')}`,
      employers: ['jisong', 'kuaiyun', 'anxing', 'fengxin'],
      boothPrefix: 'C',
    },
    {
      title: '电工、叉车司机、保安员“短训快聘”专场招聘会',
      type: 'short_training',
      organiser: ORGANISER_BUREAU,
      place: 'venue-hrc',
      startsAt: at(d(3), '09:00'),
      endsAt: at(d(3), '12:00'),
      description:
        '企业急缺的持证岗位现场招聘，配套“一培双证”短期培训：一次培训拿到职业技能等级证书和上岗证，合格后直接到岗。',
      howToAttend: `${BRING}已有证书的带上证书原件。想参加配套培训的，现场登记，培训学校老师现场答疑。${venue('venue-hrc')}`,
      employers: ['fengze', 'yunlu', 'guian', 'jinghe', 'fengan'],
      boothPrefix: 'A',
    },
    {
      title: '商贸物流行业专场招聘会',
      type: 'special',
      organiser: ORGANISER_CENTRE,
      place: 'venue-hq',
      startsAt: at(d(4), '09:00'),
      endsAt: at(d(4), '12:00'),
      status: 'cancelled',
      statusNote: '因场馆临时检修，本场取消。原定参会单位的岗位已转到“线上直播带岗周”发布，可以在线投递。',
      description: '仓储物流、商超零售企业专场。',
      howToAttend: `${BRING}${venue('venue-hq')}`,
      employers: ['yunlu', 'huiyuan', 'kuaiyun'],
      boothPrefix: 'D',
    },
    {
      title: '餐饮服务业专场招聘会',
      type: 'special',
      organiser: ORGANISER_CENTRE,
      place: 'venue-hrc',
      startsAt: at(d(5), '09:00'),
      endsAt: at(d(5), '12:00'),
      description: '餐厅、团餐、超市生鲜岗位专场，有厨师证、面点师证的优先面试，没有证的可报名免费烹饪培训。',
      howToAttend: `${BRING}有健康证的带上健康证。${venue('venue-hrc')}`,
      employers: ['weiwei', 'shanyuan', 'huiyuan'],
      boothPrefix: 'E',
    },
    {
      title: '残疾人就业专场招聘会',
      type: 'disability',
      organiser: '丰台区残疾人联合会、丰台区就业服务中心',
      place: 'venue-disabled',
      startsAt: at(d(6), '09:30'),
      endsAt: at(d(6), '11:30'),
      description: '适合残疾人的岗位专场，岗位都经过适配评估，部分可居家办公。现场有手语翻译，可一对一推荐岗位。',
      howToAttend: `携带身份证、残疾人证和简历（没有简历的现场帮您填），免费入场。家属可以陪同。${venue('venue-disabled')}`,
      employers: ['fuqiao', 'lizeTech', 'huiyuan'],
      boothPrefix: 'F',
    },
    {
      title: '高校毕业生专场招聘会',
      type: 'graduates',
      organiser: ORGANISER_BUREAU,
      place: 'venue-cueb',
      startsAt: at(d(9), '13:30'),
      endsAt: at(d(9), '16:30'),
      description: '面向应届和往届高校毕业生，含航天制造、轨道交通、信息技术、医药零售等岗位，现场有就业指导和简历门诊。',
      howToAttend: `携带身份证、学生证或毕业证、简历，免费入场。${venue('venue-cueb')}`,
      employers: ['hangxing', 'lizeTech', 'xingke', 'hekang', 'guian'],
      boothPrefix: 'G',
    },
    {
      title: '养老护理员、育婴员“短训快聘”专场招聘会',
      type: 'short_training',
      organiser: ORGANISER_BUREAU,
      place: 'venue-fangzhuang',
      startsAt: at(d(10), '09:00'),
      endsAt: at(d(10), '12:00'),
      description: '养老机构、托育园和家政企业现场招聘，配套养老护理员、育婴员免费培训，培训合格后直接上岗。',
      howToAttend: `${BRING}想参加配套培训的现场登记，康馨养老护理学校老师现场答疑。${venue('venue-fangzhuang')}`,
      employers: ['kangyi', 'xiaoya', 'fengxin'],
      boothPrefix: 'A',
    },
    {
      title: '航天与轨道交通制造业专场招聘会',
      type: 'special',
      organiser: ORGANISER_BUREAU,
      place: 'venue-hq',
      startsAt: at(d(12), '09:00'),
      endsAt: at(d(12), '12:00'),
      status: 'postponed',
      statusNote: '因场地安排调整延期举办，新的日期确定后会在本页公布。已投递的简历继续有效。',
      description: '区内航天、轨道交通、高端制造企业专场，招装配钳工、电工、检修工和技术学徒。',
      howToAttend: `${BRING}${venue('venue-hq')}`,
      employers: ['hangxing', 'guian', 'fengze'],
      boothPrefix: 'H',
    },
    {
      title: '丽泽商务区综合招聘会',
      type: 'general',
      organiser: ORGANISER_CENTRE,
      place: 'venue-lize',
      startsAt: at(d(25), '09:30'),
      endsAt: at(d(25), '12:00'),
      description: '丽泽商务区和周边企业的办公室、客服、零售、物业岗位。',
      howToAttend: `${BRING}${venue('venue-lize')}`,
      employers: ['lizeTech', 'xingke', 'huiyuan', 'jinghe', 'hekang'],
      boothPrefix: 'B',
    },
    {
      title: '就业服务进街道·丰台街道综合招聘会',
      type: 'general',
      organiser: '丰台区就业服务中心、丰台街道办事处',
      place: 'venue-hrc',
      startsAt: at(d(-14), '09:00'),
      endsAt: at(d(-14), '12:00'),
      description: '把招聘会开到家门口，建筑、物业、餐饮、物流企业现场招聘。',
      howToAttend: `${BRING}${venue('venue-hrc')}`,
      employers: ['jinghe', 'jianfeng', 'weiwei', 'yunlu'],
      boothPrefix: 'A',
    },
    {
      title: '高校毕业生就业服务专场',
      type: 'graduates',
      organiser: ORGANISER_BUREAU,
      place: 'venue-cueb',
      startsAt: at(d(-30), '13:30'),
      endsAt: at(d(-30), '16:30'),
      description: '面向高校毕业生的招聘和就业指导专场。',
      howToAttend: `携带身份证、学生证或毕业证、简历，免费入场。${venue('venue-cueb')}`,
      employers: ['xingke', 'hangxing', 'hekang'],
      boothPrefix: 'G',
    },
    {
      title: '新就业形态岗位线上直播招聘',
      type: 'online',
      organiser: ORGANISER_CENTRE,
      place: null,
      onlineUrl: 'https://example.org/live/fengtai-new-forms',
      startsAt: at(d(-21), '10:00'),
      endsAt: at(d(-19), '18:00'),
      description: '配送、快递、网约车岗位直播带岗，主播现场讲收入、保障和入职流程。',
      howToAttend: ONLINE_HOW,
      employers: ['jisong', 'kuaiyun', 'anxing'],
    },
    {
      title: '春风行动专场招聘会',
      type: 'spring_breeze',
      organiser: ORGANISER_BUREAU,
      place: 'venue-stadium',
      startsAt: at(pastSpring, '09:00'),
      endsAt: at(pastSpring, '12:00'),
      description:
        '节后返岗求职高峰的大型专场，重点招聘持证技术工人。本场一位持电工“双证”（职业技能等级证书和低压电工操作证）的求职者当场拿到几份录用意向，如今在工厂做电工，月薪6200元。',
      howToAttend: `${BRING}有职业技能等级证书、上岗证的带上原件。${venue('venue-stadium')}`,
      employers: ['fengze', 'jianfeng', 'yunlu', 'huaxiang', 'kangyi', 'guian'],
      boothPrefix: 'A',
    },
    {
      title: '春风行动大型招聘会',
      type: 'spring_breeze',
      organiser: ORGANISER_BUREAU,
      place: 'venue-stadium',
      startsAt: at(nextSpring, '09:00'),
      endsAt: at(nextSpring, '12:00'),
      description: '新一年的春风行动大型招聘会，面向节后返岗务工人员、农村劳动力和失业人员，现场同时报名“短训快聘”培训。',
      howToAttend: `${BRING}${venue('venue-stadium')}`,
      employers: ['huaxiang', 'fengze', 'jianfeng', 'kangyi'],
      boothPrefix: 'A',
    },
    {
      title: '建筑施工行业专场招聘会',
      type: 'special',
      organiser: ORGANISER_CENTRE,
      place: 'xy-build',
      startsAt: at(d(30), '09:00'),
      endsAt: at(d(30), '11:30'),
      publication: 'draft',
      description: '（筹备中）建筑劳务企业专场，现场展示砌筑、钢筋实操。',
      howToAttend: BRING,
      employers: ['jianfeng'],
      boothPrefix: 'A',
    },
  ];
}

export function buildFairs(today: string, venueNotes: Record<string, string>): FairSeed[] {
  return fairDefs(today, venueNotes).map((f, i) => {
    const { employers, boothPrefix, onlineUrl, recurrence, status, statusNote, publication, ...rest } = f;
    const startDate = f.startsAt.slice(0, 10);
    const created = f.type === 'gig_market' ? addDays(startDate, -10) : addDays(startDate, -20) < today ? addDays(startDate, -20) : addDays(today, -1);
    return {
      ...rest,
      onlineUrl: onlineUrl ?? null,
      recurrence: recurrence ?? null,
      status: status ?? 'scheduled',
      statusNote: statusNote ?? null,
      publication: publication ?? 'published',
      contactPhone: `010-5555-${3001 + i}`,
      createdAt: beijingInstant(created, '10:00'),
      employers: employers.map((key, j) => ({
        key,
        booth: boothPrefix === undefined ? null : boothPrefix.length > 1 ? `${j + 1}号${boothPrefix}` : `${boothPrefix}${String(j + 1).padStart(2, '0')}`,
      })),
    };
  });
}
