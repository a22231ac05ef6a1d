/**
 * 办理需带 and 手机怎么办, per service of the sample catalogue (./services.ts). The seed articles
 * name no material lists, so these are the plain, generic ones a station asks for (身份证, 社保卡
 * or 医保电子凭证, and the papers the service is about); admins correct them in the console
 * (/admin/services). `onlineNote` says where on the phone, for services marked `online`.
 */

export type ServiceMaterialsSeed = { materials: readonly string[]; onlineNote?: string };

const ID = '本人身份证';
const CARD = '社保卡（医保卡）或医保电子凭证';
const AGENT = '代办的，带上代办人身份证';
const NATIONAL_APP = '国家医保服务平台App';
const BEIJING_PLATFORM = '北京医保公共服务平台（网站或“北京通”App）';

export const SERVICE_MATERIALS: Readonly<Record<string, ServiceMaterialsSeed>> = {
  // 信息查询
  医保信息查询: { materials: [ID, CARD], onlineNote: NATIONAL_APP },
  核对个人账户明细: { materials: [ID, CARD], onlineNote: NATIONAL_APP },
  个人账户余额查询: { materials: [CARD], onlineNote: NATIONAL_APP },
  参保缴费记录查询: { materials: [ID, CARD], onlineNote: BEIJING_PLATFORM },
  医保结算记录查询: { materials: [ID, CARD], onlineNote: NATIONAL_APP },
  定点医疗机构查询: { materials: [CARD], onlineNote: NATIONAL_APP },
  医保药品目录查询: { materials: ['药品名称（药盒或处方）'], onlineNote: NATIONAL_APP },
  待遇享受资格查询: { materials: [ID, CARD], onlineNote: BEIJING_PLATFORM },
  // 证照打印
  打印就医记录: { materials: [ID, CARD, AGENT] },
  参保证明打印: { materials: [ID], onlineNote: BEIJING_PLATFORM },
  缴费凭证打印: { materials: [ID], onlineNote: BEIJING_PLATFORM },
  个人账户明细打印: { materials: [ID, CARD] },
  医疗费用结算单打印: { materials: [ID, CARD, '就诊医院和日期'] },
  // 参保登记
  城乡居民基本医疗保险参保登记: { materials: [ID, '户口簿或北京市居住证', '近期一寸白底照片（办卡用）'], onlineNote: BEIJING_PLATFORM },
  城乡居民医保参保信息变更: { materials: [ID, CARD, '能证明新信息的材料（如新户口簿）'], onlineNote: BEIJING_PLATFORM },
  新生儿参保登记: { materials: ['出生医学证明', '户口簿（已落户的）', '父母一方的身份证'], onlineNote: BEIJING_PLATFORM },
  在校学生参保登记: { materials: ['学生身份证或户口簿', '学生证或学校开具的在校证明'] },
  灵活就业人员参保登记: { materials: [ID, '银行卡（用于扣缴医保费）'], onlineNote: BEIJING_PLATFORM },
  职工医保参保信息变更: { materials: [ID, CARD], onlineNote: BEIJING_PLATFORM },
  城乡居民医保停保登记: { materials: [ID, CARD, '已参加职工医保或迁出的证明'] },
  医保关系转移接续: { materials: [ID, CARD, '原参保地开具的参保凭证（如有）'], onlineNote: NATIONAL_APP },
  // 参保缴费
  城乡居民医保缴费: { materials: [ID, '银行卡或手机支付'], onlineNote: BEIJING_PLATFORM },
  灵活就业人员医保缴费: { materials: [ID, '银行卡'], onlineNote: BEIJING_PLATFORM },
  缴费基数咨询: { materials: [ID] },
  // 医保卡与电子凭证
  医保电子凭证激活: { materials: [ID, '本人手机（装有微信、支付宝或国家医保服务平台App）'], onlineNote: NATIONAL_APP },
  '社保卡（医保卡）挂失': { materials: [ID], onlineNote: BEIJING_PLATFORM },
  '社保卡（医保卡）补换卡申请': { materials: [ID, '近期一寸白底照片', '损坏的旧卡（换卡时）'] },
  '社保卡（医保卡）信息修改': { materials: [ID, '社保卡（医保卡）'] },
  // 待遇报销
  门诊费用手工报销申请: { materials: [ID, CARD, '医疗费用发票原件', '费用明细清单', '门诊病历'] },
  住院费用手工报销申请: { materials: [ID, CARD, '住院费用发票原件', '费用明细清单', '出院诊断证明', '本人银行卡'] },
  报销进度查询: { materials: [ID], onlineNote: BEIJING_PLATFORM },
  门诊慢特病待遇认定申请: { materials: [ID, CARD, '医院开具的诊断证明', '近期病历和检查报告'] },
  生育医疗费用报销: { materials: [ID, CARD, '医疗费用发票原件', '出生医学证明或相关病历'] },
  生育津贴申领: { materials: [ID, '出生医学证明', '单位填写的申领表（单位代办的由单位提交）'], onlineNote: BEIJING_PLATFORM },
  医疗救助申请: { materials: [ID, CARD, '低保、特困等身份证明', '医疗费用发票和结算单'] },
  大病保险待遇咨询: { materials: [ID, CARD] },
  // 异地就医
  异地就医备案: { materials: [ID, CARD, '要去的城市和医院（如已确定）'], onlineNote: NATIONAL_APP },
  异地长期居住人员备案: { materials: [ID, CARD, '居住证明或个人承诺书'], onlineNote: NATIONAL_APP },
  异地安置退休人员备案: { materials: [ID, CARD, '户口簿或个人承诺书'], onlineNote: NATIONAL_APP },
  异地转诊人员备案: { materials: [ID, CARD, '医院开具的转诊意见'] },
  临时外出就医人员备案: { materials: [ID, CARD], onlineNote: NATIONAL_APP },
  异地就医备案查询与取消: { materials: [ID, CARD], onlineNote: NATIONAL_APP },
  异地就医费用手工报销: { materials: [ID, CARD, '医疗费用发票原件', '费用明细清单', '病历或出院小结'] },
  // 定点变更
  定点医疗机构变更: { materials: [ID, CARD, '想改成的医院名称'], onlineNote: BEIJING_PLATFORM },
  定点医疗机构选择: { materials: [ID, CARD, '想选的医院名称'], onlineNote: BEIJING_PLATFORM },
  门诊慢特病定点医院变更: { materials: [ID, CARD, '慢特病认定材料'] },
  // 个人账户
  个人账户家庭共济绑定: { materials: [ID, CARD, '家人的身份证', '户口簿或结婚证等关系证明'], onlineNote: NATIONAL_APP },
  个人账户一次性支取: { materials: [ID, CARD, '出国定居等证明', '本人银行卡'] },
  // 政策咨询
  政策解读: { materials: ['想问的问题（可以先写在纸上）'] },
  城乡居民医保待遇咨询: { materials: [ID] },
  长期护理保险政策咨询: { materials: [ID] },
  医保基金监管举报受理: { materials: [ID, '相关线索（票据、照片等）'] },
  // 帮办代办
  帮办代办: { materials: [ID, CARD, AGENT] },
  老年人一对一帮办: { materials: [ID, CARD, '本人手机（要学手机办理的）'] },
  医保手机App操作指导: { materials: ['本人手机', ID] },
  上门帮办预约: { materials: [ID, '联系电话和住址'] },
};

/** A service's materials and phone note; unknown names get none. */
export function materialsOf(name: string): { materials: string[]; onlineNote: string } {
  const m = SERVICE_MATERIALS[name];
  return { materials: m ? [...m.materials] : [], onlineNote: m?.onlineNote ?? '' };
}
