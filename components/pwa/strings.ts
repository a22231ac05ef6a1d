/** Wording of 添加到主屏幕 (the web app manifest) and of the offline page. */
export const appText = {
  name: '丰台公共就业与医保服务门户',
  shortName: '丰台就业医保',
  description: '在丰台找技能培训课程、医保服务驿站和招聘会。',
  offline: {
    title: '网络没有连上',
    lead: '现在打不开这个页面，可能是手机没有网络。请检查网络后再试一次。',
    retry: '再试一次',
    callHeading: '着急的话，可以直接打电话问：',
    home: '回到首页',
  },
} as const;

/** The colours the home-screen app starts with (the site's brand blue under white text: 8.0:1; ink on white 17.4:1). */
export const appColours = { theme: '#0b4ea2', background: '#ffffff' } as const;
