/** Site-wide wording (header, footer, shared widgets). Feature pages keep theirs beside them. */
export const site = {
  name: '丰台就业医保服务',
  fullName: '丰台区公共就业与医保服务门户',
  description: '在丰台找技能培训课程、医保服务驿站和招聘会：免费课程、就近驿站、最新招聘会，一站查清。',
  skipToContent: '跳到主要内容',
  nav: { home: '首页', courses: '培训课程', stations: '医保驿站', fairs: '招聘会', jobs: '找工作' },
  navLabel: '主要栏目',
  sampleData: '本站当前展示的是示例数据，机构、电话和人名均为虚构，仅供演示。',
  footerBureaus: '丰台区人力资源和社会保障局 · 丰台区医疗保障局',
  hotlines: {
    title: '咨询电话',
    hr: { number: '12333', label: '人社服务热线（就业、培训、社保）' },
    ins: { number: '12393', label: '医保服务热线（参保、报销、异地就医）' },
  },
} as const;

export const common = {
  search: '搜索',
  clearAll: '清除全部条件',
  remove: (what: string) => `去掉条件：${what}`,
  results: (n: number) => `共 ${n} 条`,
  loading: '正在更新结果…',
  prev: '上一页',
  next: '下一页',
  page: (n: number, total: number) => `第 ${n} / ${total} 页`,
  pagination: '分页',
  filters: '筛选条件',
  activeFilters: '已选条件',
  applyFilters: '查看结果',
  invalidParams: '网址里有些条件无法识别，已按默认条件显示。',
  call: (n: string) => `拨打 ${n}`,
  back: '返回',
  all: '全部',
  any: '不限',
} as const;
