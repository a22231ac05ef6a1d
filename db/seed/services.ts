/**
 * 医保经办事项: the common part of Fengtai's catalogue of 79 services moved down to stations.
 * `online`: also doable on the phone (北京医保公共服务平台 / 国家医保服务平台 app), which the
 * 蒲公英 volunteers teach residents to use.
 */

export type ServiceSeed = { name: string; description: string; online: boolean };

export type ServiceCategorySeed = { category: string; items: readonly ServiceSeed[] };

export const SERVICE_CATEGORIES: readonly ServiceCategorySeed[] = [
  {
    category: '信息查询',
    items: [
      { name: '医保信息查询', description: '查参保状态、参保险种、定点医院等基本信息。', online: true },
      { name: '核对个人账户明细', description: '逐笔核对个人账户的划入和支出，有疑问当场帮您查。', online: true },
      { name: '个人账户余额查询', description: '查个人账户还剩多少钱。', online: true },
      { name: '参保缴费记录查询', description: '查每个月的医保缴费记录和缴费基数。', online: true },
      { name: '医保结算记录查询', description: '查看病、买药时医保报了多少、自己付了多少。', online: true },
      { name: '定点医疗机构查询', description: '查哪些医院、药店可以用医保。', online: true },
      { name: '医保药品目录查询', description: '查某种药能不能报、属于甲类还是乙类。', online: true },
      { name: '待遇享受资格查询', description: '查能不能享受医保待遇、从哪天开始享受。', online: true },
    ],
  },
  {
    category: '证照打印',
    items: [
      { name: '打印就医记录', description: '打印门诊、住院的就医和结算记录，老人不用再跑医保大厅。', online: false },
      { name: '参保证明打印', description: '打印盖章的参保证明，办入学、落户、出国等用。', online: true },
      { name: '缴费凭证打印', description: '打印医保缴费凭证。', online: true },
      { name: '个人账户明细打印', description: '打印个人账户一段时间内的收支明细。', online: false },
      { name: '医疗费用结算单打印', description: '补打医院的医保结算单。', online: false },
    ],
  },
  {
    category: '参保登记',
    items: [
      { name: '城乡居民基本医疗保险参保登记', description: '老人、学生、儿童和无业居民参加城乡居民医保。', online: true },
      { name: '城乡居民医保参保信息变更', description: '改姓名、证件号、联系电话、地址等信息。', online: true },
      { name: '新生儿参保登记', description: '宝宝出生后办理参保，出生当年就能享受待遇。', online: true },
      { name: '在校学生参保登记', description: '大中小学生参加城乡居民医保。', online: false },
      { name: '灵活就业人员参保登记', description: '个体户、自由职业者、外卖员等以灵活就业身份参保。', online: true },
      { name: '职工医保参保信息变更', description: '职工改联系方式、地址等个人信息。', online: true },
      { name: '城乡居民医保停保登记', description: '参加职工医保或迁出后停止城乡居民医保。', online: false },
      { name: '医保关系转移接续', description: '换城市工作时把医保关系转过来或转出去。', online: true },
    ],
  },
  {
    category: '参保缴费',
    items: [
      { name: '城乡居民医保缴费', description: '每年集中缴费期内缴纳下一年的城乡居民医保费。', online: true },
      { name: '灵活就业人员医保缴费', description: '灵活就业人员按月或按年缴费。', online: true },
      { name: '缴费基数咨询', description: '了解缴费基数怎么定、每月交多少。', online: false },
    ],
  },
  {
    category: '医保卡与电子凭证',
    items: [
      { name: '医保电子凭证激活', description: '在手机上激活医保电子凭证，看病买药扫码就能用。', online: true },
      { name: '社保卡（医保卡）挂失', description: '卡丢了先挂失，防止被冒用。', online: true },
      { name: '社保卡（医保卡）补换卡申请', description: '卡丢失、损坏后申请补卡或换卡。', online: false },
      { name: '社保卡（医保卡）信息修改', description: '卡面信息或密码出问题时办理修改、重置。', online: false },
    ],
  },
  {
    category: '待遇报销',
    items: [
      { name: '门诊费用手工报销申请', description: '没有实时结算的门诊费用，带票据来申请报销。', online: false },
      { name: '住院费用手工报销申请', description: '没有实时结算的住院费用申请报销。', online: false },
      { name: '报销进度查询', description: '查手工报销办到哪一步、什么时候到账。', online: true },
      { name: '门诊慢特病待遇认定申请', description: '糖尿病、高血压等慢特病申请门诊待遇认定。', online: false },
      { name: '生育医疗费用报销', description: '产检、分娩等生育医疗费用报销。', online: false },
      { name: '生育津贴申领', description: '符合条件的职工申领生育津贴。', online: true },
      { name: '医疗救助申请', description: '困难群众申请医疗救助，减轻看病负担。', online: false },
      { name: '大病保险待遇咨询', description: '了解大病保险报销范围和比例。', online: false },
    ],
  },
  {
    category: '异地就医',
    items: [
      { name: '异地就医备案', description: '到外地看病前先备案，看病时可以直接结算。', online: true },
      { name: '异地长期居住人员备案', description: '长期在外地居住的人员办理备案。', online: true },
      { name: '异地安置退休人员备案', description: '退休后到外地定居的人员办理备案。', online: true },
      { name: '异地转诊人员备案', description: '医院开具转诊意见后办理转外地就医备案。', online: false },
      { name: '临时外出就医人员备案', description: '临时出差、旅游期间在外地就医的备案。', online: true },
      { name: '异地就医备案查询与取消', description: '查已有的备案，或者取消、变更备案。', online: true },
      { name: '异地就医费用手工报销', description: '外地看病没能直接结算的费用回来报销。', online: false },
    ],
  },
  {
    category: '定点变更',
    items: [
      { name: '定点医疗机构变更', description: '更换自己选的定点医院，改后第二天起生效。', online: true },
      { name: '定点医疗机构选择', description: '首次参保或定点医院关停后重新选择定点医院。', online: true },
      { name: '门诊慢特病定点医院变更', description: '更换慢特病的定点就医医院。', online: false },
    ],
  },
  {
    category: '个人账户',
    items: [
      { name: '个人账户家庭共济绑定', description: '用自己的个人账户给家人看病买药付钱，办理绑定或解绑。', online: true },
      { name: '个人账户一次性支取', description: '出国定居等情况下支取个人账户余额。', online: false },
    ],
  },
  {
    category: '政策咨询',
    items: [
      { name: '政策解读', description: '工作人员一对一讲解医保政策，讲清楚能报什么、报多少。', online: false },
      { name: '城乡居民医保待遇咨询', description: '了解城乡居民医保门诊、住院的报销待遇。', online: false },
      { name: '长期护理保险政策咨询', description: '了解长期护理保险的申请条件和待遇。', online: false },
      { name: '医保基金监管举报受理', description: '发现骗保线索可以在这里反映。', online: false },
    ],
  },
  {
    category: '帮办代办',
    items: [
      { name: '帮办代办', description: '行动不便或不会用手机的，工作人员帮您办、替您跑。', online: false },
      { name: '老年人一对一帮办', description: '为老年人提供一对一指导和帮办，耐心讲到明白为止。', online: false },
      { name: '医保手机App操作指导', description: '“蒲公英”小分队志愿者教您在手机上查明细、改定点、备案。', online: false },
      { name: '上门帮办预约', description: '失能、高龄老人可以预约工作人员上门办理。', online: false },
    ],
  },
];

export const SERVICES: readonly (ServiceSeed & { category: string; sort: number })[] = SERVICE_CATEGORIES.flatMap((cat, ci) =>
  cat.items.map((s, si) => ({ ...s, category: cat.category, sort: (ci + 1) * 100 + si + 1 })),
);
