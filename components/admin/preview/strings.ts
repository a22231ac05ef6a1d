/** Wording of the admin previews (course and fair): the width switch and what the links inside do. */
export const previewText = {
  widthNav: '预览宽度',
  desktop: '电脑宽度',
  phone: '手机宽度（390 像素）',
  phoneFrameTitle: (title: string) => `手机宽度预览：${title}`,
  phoneNote: '下面是居民在手机上看到的样子（390 像素宽）。框里的链接会在整个窗口打开，仍在管理后台内。',
  linksNote: '预览里的“添加到日历”和“打印办事卡”用的是管理后台的预览版本，只有登录后能打开；办事卡上的二维码指向发布后的公开页面，发布前扫码打不开。',
  cardDraftFootnote: '草稿预览：尚未发布，二维码指向的页面发布后才能打开。',
  cardBack: '返回预览',
  refusedUnauthenticated: '登录已失效，请重新登录后再打开预览。',
  refusedForbidden: '您没有权限查看这条记录的预览。',
  notFound: '找不到这条记录或这个班期，可能已被删除。',
  icsFailed: '暂时无法生成日历文件，请稍后再试。',
  icsPostponed: '这场招聘会已延期，新日期确定前没有日历文件。',
} as const;
