/** User-facing wording for requests the server refuses before any page or action runs. */
export const hostileInputText = {
  /** A server-action call whose body is not what a browser sends (broken, cut short, not a list). */
  badActionBody: '请求内容无法读取，操作没有执行。请刷新页面后再试一次。',
  /** A server-action call larger than Next accepts (1 MB). */
  actionBodyTooBig: '提交的内容太大，操作没有执行。请减少内容后再试一次。',
};
