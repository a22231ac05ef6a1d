/** Wording of 发给家人 (the share block on detail pages) and of the share poster. */
export const shareText = {
  heading: '发给家人',
  /** The button when the browser has a share sheet (most phones). */
  share: '发给家人',
  shareHint: '用微信、短信等发送这个页面',
  /** The button when it does not: the link goes to the clipboard. */
  copy: '复制链接',
  copied: '链接已复制',
  copiedHint: '可以粘贴到微信或短信里发给家人',
  copyFailed: '没能自动复制，请长按下面的链接复制',
  /** Without JavaScript: the link itself, to select and copy. */
  linkLabel: '本页链接（长按或选中后复制）',
  poster: '生成分享海报',
  posterHint: '一张带二维码的图片，保存后可发给家人或打印',
} as const;

/** What the poster (a PNG drawn on the server) says around the record's own text. */
export const posterText = {
  courseKind: '职业技能培训',
  scan: '扫码查看详情',
  site: '丰台公共就业与医保服务门户',
  when: '时间',
  hours: '开放时间',
  /** Every station keeps the district's holiday calendar (db/domain/hours-day.ts). */
  holidays: '法定节假日休息，调休上班日照常开放',
  where: '地点',
  address: '地址',
  online: '线上举办',
  nextRun: '最近班期',
  noRun: '暂无报名中的班期，扫码查看全部班期',
  phone: '电话',
} as const;
