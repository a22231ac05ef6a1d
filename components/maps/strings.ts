/** Every word of the map view and the navigation buttons, in one place for review. */
export const mapStrings = {
  // Navigation buttons
  navigateHeading: '导航到这里',
  apps: { amap: '高德地图', baidu: '百度地图', tencent: '腾讯地图' },
  appLabel: (app: string, name: string) => `用${app}步行导航到${name}（新窗口打开）`,
  navigateHint: '点一下会打开地图App（手机上装了的话），没装就打开地图网页。',

  // List / map switch
  viewLabel: '查看方式',
  listView: '列表',
  mapView: '地图',

  // Map
  mapLabel: (what: string) => `${what}地图，标记上的数字和下方列表的序号一致`,
  noScript: '地图需要开启 JavaScript 才能显示。下面的列表可以照常使用。',
  loadFailed: '地图暂时无法显示，请使用下方列表。',
  tilesFailed: '底图暂时无法加载，标记和下方列表仍可使用。',
  tilesOff: '这张地图不显示街道底图，只标出各地点的相对位置；地址请看列表。',
  markerLabel: (numbers: string, names: string) => `第 ${numbers} 项：${names}`,
  clusterLabel: (count: number, numbers: string) => `这里挨得很近的 ${count} 项（第 ${numbers} 项），按一下放大地图分开看`,
  originLabel: (name: string) => `起点：${name}`,
  /** The origin's name when it is the device's position. */
  myLocation: '我的位置',
  popupDetails: '查看详情',
  showOnMap: '在地图上看',
  showOnMapWhich: (name: string) => `：${name}`,
  noMarker: '没有地图位置',
  closePopup: '关闭',
  zoomIn: '放大',
  zoomOut: '缩小',
  numberLabel: (n: number) => `序号 ${n}`,
  onlineNoMarker: '线上招聘会，没有现场，地图上不显示。',
  nothingOnMap: '本页的结果都没有现场地点（例如线上招聘会），地图上没有标记，请看下方列表。',
} as const;
