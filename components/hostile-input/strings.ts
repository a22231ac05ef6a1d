/** User-facing wording for requests the server refuses before any page or action runs. */
export const hostileInputText = {
  /** A server-action call whose body is not what a browser sends (broken, cut short, not a list). */
  badActionBody: '请求内容无法读取，操作没有执行。请刷新页面后再试一次。',
  /** A server-action call larger than Next accepts (1 MB). */
  actionBodyTooBig: '提交的内容太大，操作没有执行。请减少内容后再试一次。',
  /** A method this address does not answer (PUT, DELETE, TRACE, PROPFIND …); the Allow header lists what it does. */
  methodNotAllowed: (allow: string) => `此地址不支持这种请求方式，只接受 ${allow}。`,
  /** A server-action call or form post from another site: never run, whatever it carries. */
  crossSiteAction: '请求来自其他网站，操作没有执行。请在本站页面上重新操作。',
  /** A server-action call naming an action this version of the site does not have (a page open across an update). */
  unknownAction: '页面已更新，这个操作已不存在。请刷新页面后再试一次。',
  /** A form post to a page that is not one of this site's forms. */
  notAForm: '请求内容不是本站表单提交的内容，没有处理。请回到页面重新操作。',
  /** A request line the server cannot read at all (a method name with lower-case letters, overlong headers …). */
  badRequest: '请求格式无法识别，没有处理。',
};
