/** Wording of the home page and the search across all three services. */
export const home = {
  title: '丰台就业医保服务',
  lead: '找免费技能培训、就近的医保服务驿站和最新招聘会，一站查清。',
  searchLabel: '搜索课程、医保驿站和招聘会',
  searchHint: '例如：电工、花艺、异地就医、银行、招聘会',
  searchPlaceholder: '输入想找的内容',
  entries: {
    heading: '我想…',
    courses: { title: '学技能、考证书', text: '免费和补贴的技能培训，报名中的班期一目了然', cta: '找培训课程' },
    stations: { title: '办医保', text: '家门口的医保服务驿站，看哪里现在开门、能办什么', cta: '找医保驿站' },
    jobs: { title: '找工作', text: '近期招聘会、零工市场和线上直播带岗的岗位，按工资和离家远近找', cta: '找岗位' },
  },
  fairs: { heading: '近期招聘会', all: '查看全部招聘会', none: '近期暂无招聘会，请留意本站更新或拨打 12333 咨询。' },
  stations: {
    heading: '医保驿站',
    openNow: (n: number) => `现在有 ${n} 个驿站正在营业`,
    allOpen: (n: number) => `查看全部 ${n} 个正在营业的驿站`,
    noneOpen: '现在是非营业时间，下面是各驿站下次开门的时间。',
    noStations: '驿站信息正在整理中，办理医保业务请拨打 12393 咨询。',
    all: '查看全部驿站',
  },
  courses: { heading: '正在报名的免费课程', all: '查看更多免费课程' },
} as const;

export const searchAll = {
  title: (q: string) => (q ? `“${q}”的搜索结果` : '搜索'),
  metaTitle: '搜索',
  lead: '在培训课程、医保驿站和招聘会中查找。',
  emptyQuery: '请输入想找的内容，例如“电工”“异地就医”“招聘会”。',
  sections: {
    courses: { heading: '培训课程', path: '/courses', all: (n: number) => `查看全部 ${n} 门课程` },
    stations: { heading: '医保驿站', path: '/stations', all: (n: number) => `查看全部 ${n} 个驿站` },
    fairs: { heading: '招聘会', path: '/fairs', all: (n: number) => `查看全部 ${n} 场招聘会` },
  },
  count: (n: number) => `${n} 条`,
  noneInSection: '没有找到相关内容。',
  nothing: (q: string) => `没有找到与“${q}”相关的课程、驿站或招聘会`,
  tips: ['换一个更短的词试试，例如“电工”而不是“低压电工证培训”。', '也可以直接浏览：'],
  callUs: '或者打电话问问：',
} as const;
