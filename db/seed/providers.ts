/**
 * Training providers. 金匠人丰台学校 and the bureau's 区职业技能培训学院 are real (DOMAIN.md);
 * the other schools are invented for the sample and their phones are fictitious (010-5555-…).
 */

export type ProviderKey = 'jjr' | 'xy' | 'ft' | 'kx' | 'ny';

export type ProviderSeed = {
  key: ProviderKey;
  name: string;
  shortName: string;
  intro: string;
  phone: string;
  address: string;
  /** Who issues the skill-level certificate (a 社会培训评价组织 registered with the city). */
  skillIssuer: string;
  /** Fictitious course contacts, picked per run. */
  contacts: readonly string[];
};

export const PROVIDERS: readonly ProviderSeed[] = [
  {
    key: 'jjr',
    name: '北京市金匠人职业技能培训丰台学校',
    shortName: '金匠人丰台学校',
    intro:
      '成立于2021年，隶属北京花乡花木集团有限公司。集团是北京市人力资源和社会保障局备案的社会培训评价组织，也是首都工匠学院。学校每年培训园林绿化工、插花花艺师等约1000人，可认定园林绿化工、林草种苗工5个等级和插花花艺师3个等级，证书在人社部官网可查、全国通用。实操课程在北京世界花卉大观园、中国插花艺术博物馆、北京花卉交易中心等实训基地进行。',
    phone: '010-5555-1001',
    address: '北京市丰台区花乡纪家庙路18号',
    skillIssuer: '北京花乡花木集团有限公司（社会培训评价组织）',
    contacts: ['陈老师', '何老师', '卢老师'],
  },
  {
    key: 'xy',
    name: '丰台区职业技能培训学院',
    shortName: '区职业技能培训学院',
    intro:
      '由丰台区人力资源和社会保障局统筹建设，汇集全区优质培训资源，面向社会公开发布课程，并在“丰台区职业技能培训地图”上标出每个教学点。符合条件的失业人员、农村劳动力、就业困难人员等可免费参加政府补贴性培训。',
    phone: '010-5555-1002',
    address: '北京市丰台区丰台北路32号',
    skillIssuer: '丰台区职业技能培训学院（社会培训评价组织）',
    contacts: ['王老师', '刘老师', '孙老师'],
  },
  {
    key: 'ft',
    name: '北京丰泰电工职业技能培训学校',
    shortName: '丰泰电工学校',
    intro:
      '专做电工、叉车司机等需要持证上岗的工种培训，开设“一培双证”班：一次培训同时考取职业技能等级证书和特种作业（特种设备）操作证，省去再报一次班的费用。校内有电工实训车间和叉车实操场。（示例机构）',
    phone: '010-5555-1003',
    address: '北京市丰台区新华街56号',
    skillIssuer: '北京丰泰电工职业技能培训学校（社会培训评价组织）',
    contacts: ['张老师', '赵老师'],
  },
  {
    key: 'kx',
    name: '北京康馨养老护理职业技能培训学校',
    shortName: '康馨养老护理学校',
    intro:
      '培训养老护理员、育婴员、家政服务员，实操课在合作的养老照料中心进行，结业后可推荐到区内养老机构、社区养老驿站和家政企业。（示例机构）',
    phone: '010-5555-1004',
    address: '北京市丰台区方庄路9号',
    skillIssuer: '北京康馨养老护理职业技能培训学校（社会培训评价组织）',
    contacts: ['周老师', '吴老师'],
  },
  {
    key: 'ny',
    name: '北京南苑烹饪职业技能培训学校',
    shortName: '南苑烹饪学校',
    intro:
      '开设中式烹调师、中式面点师培训，教学楼内有标准实训厨房，每人一个灶位。适合想进餐饮企业、单位食堂工作或想开小饭馆的学员。（示例机构）',
    phone: '010-5555-1005',
    address: '北京市丰台区南苑路128号',
    skillIssuer: '北京南苑烹饪职业技能培训学校（社会培训评价组织）',
    contacts: ['郑老师', '冯老师'],
  },
];

export function providerSeed(key: ProviderKey): ProviderSeed {
  const p = PROVIDERS.find((x) => x.key === key);
  if (!p) throw new Error(`seed: unknown provider ${key}`);
  return p;
}
