/** Wording of the 机构与场地 admin pages: training providers and the places they teach at. */
import type { PlaceKind } from '@/db/enums';
import type { OrgProblem } from '@/db/validation/admin/org';
import type { InUse, OrgRefusal } from '@/db/admin/orgs/refusals';
import type { EntityWords } from '../field-words';

export const PLACE_KIND_LABELS: Record<PlaceKind, string> = {
  classroom: '教室（理论课）',
  practice_base: '实训基地',
  venue: '招聘会场地',
  landmark: '地标（居民选位置用）',
};

export const PLACE_KIND_HINTS: Record<PlaceKind, string> = {
  classroom: '培训机构上理论课的地方，班期的「上课地点」从这里选。',
  practice_base: '实操课、实训的地方，可以在丰台区以外（例如顺义）。',
  venue: '举办招聘会的场地，招聘会的「举办场地」从这里选。',
  landmark: '居民没有开定位时，可以选一个熟悉的地标来按距离排序。',
};

/** Field names in words, for error summaries and conflict notices. */
export const PROVIDER_FIELD_LABELS: Record<string, string> = {
  name: '机构全称',
  shortName: '简称',
  intro: '机构介绍',
  phone: '联系电话',
  address: '地址',
};

export const PLACE_FIELD_LABELS: Record<string, string> = {
  name: '场地名称',
  kind: '场地类型',
  providerId: '所属培训机构',
  streetId: '所在街镇',
  address: '地址',
  lat: '纬度',
  lng: '经度',
  note: '备注',
};

export const orgText = {
  title: '机构与场地',
  lead: '培训机构和上课、实训、招聘会的场地。这里的改动会立即出现在居民看到的课程和招聘会页面上。',
  tabs: { label: '机构与场地栏目', providers: '培训机构', places: '场地' },
  providers: {
    listTitle: '培训机构',
    create: '新建培训机构',
    count: (n: number) => `共 ${n} 家培训机构`,
    none: '还没有培训机构。先新建一家，才能为它添加课程。',
    courses: (n: number, published: number) => (n === 0 ? '还没有课程' : `${n} 门课程（已发布 ${published} 门）`),
    places: (n: number) => (n === 0 ? '没有场地' : `${n} 个场地`),
    users: (n: number) => (n === 0 ? '没有后台账号' : `${n} 个后台账号`),
    phone: '电话',
    updated: '最后修改',
    usage: '使用情况',
  },
  places: {
    listTitle: '场地',
    create: '新建场地',
    count: (n: number) => `共 ${n} 个场地`,
    none: '没有符合条件的场地。',
    noneHelp: '可以换个关键词，或清除筛选再看。',
    usage: (runs: number, fairs: number) => {
      const parts = [runs ? `${runs} 个班期` : '', fairs ? `${fairs} 场招聘会` : ''].filter(Boolean);
      return parts.length ? `正在用于 ${parts.join('、')}` : '暂未被班期或招聘会使用';
    },
    public: '公共场地（不属于培训机构）',
    outside: '丰台区以外',
    filters: {
      legend: '筛选场地',
      q: '关键词',
      qHint: '场地名称或地址中的字词',
      kind: '场地类型',
      street: '所在街镇',
      provider: '所属培训机构',
      any: '全部',
      publicOnly: '公共场地（无培训机构）',
      outside: '丰台区以外（未选街镇）',
      submit: '筛选',
      clear: '清除筛选',
      invalid: '有些筛选条件看不懂，已忽略。',
    },
    pagination: '翻页',
    prev: '上一页',
    next: '下一页',
    page: (p: number, n: number) => `第 ${p} 页，共 ${n} 页`,
  },
  providerForm: {
    createTitle: '新建培训机构',
    createLead: '填好后保存，就可以在「课程与班期」里为这家机构添加课程，并为它添加教室和实训基地。',
    editTitle: (name: string) => `培训机构：${name}`,
    ownTitle: '本机构信息',
    ownLead: '居民在课程页面上看到的机构电话、地址和介绍。机构名称由区人社局的编辑修改。',
    basics: '机构名称',
    contact: '联系方式与介绍',
    name: '机构全称',
    nameHint: '营业执照或办学许可证上的名称，例如「北京市金匠人职业技能培训丰台学校」。',
    shortName: '简称',
    shortNameHint: '在课程列表等地方显示，例如「金匠人丰台学校」。',
    nameLocked: '机构名称和简称是居民和区人社局认识这家机构的方式，如需修改，请联系区人社局的编辑。',
    intro: '机构介绍',
    introHint: '成立时间、主要培训的工种、实训条件等，居民在课程页面上会看到。',
    phone: '联系电话',
    phoneHint: '居民咨询报名打的电话，例如 010-63812345。',
    address: '地址',
    addressHint: '机构的办公地址，例如「北京市丰台区花乡纪家庙路18号」。',
    createSubmit: '保存并新建',
    liveNote: '本机构有已发布的课程，居民在课程页面上能看到这里的电话、地址和介绍。',
    created: '已新建培训机构。',
    saved: '已保存。课程页面上的机构信息已更新。',
    versionLine: (v: number, at: string) => `第 ${v} 版 · 最后修改 ${at}`,
    backToList: '返回培训机构列表',
    placesHeading: '本机构的场地',
    placesLead: '本机构上课的教室和实训基地。班期的上课地点从这里选。',
    noPlaces: '还没有场地。',
    addPlace: '为本机构新建场地',
    usageHeading: '使用情况',
    coursesLink: '查看本机构的课程',
  },
  placeForm: {
    createTitle: '新建场地',
    createLead: '教室、实训基地、招聘会场地或地标。保存后即可在班期或招聘会里选用。',
    editTitle: (name: string) => `场地：${name}`,
    basics: '场地',
    location: '位置',
    name: '场地名称',
    nameHint: '居民能认出的名字，例如「区职业技能培训学院（南苑教学点）」。',
    kind: '场地类型',
    providerId: '所属培训机构',
    providerHint: '教室必须属于一家培训机构；招聘会场地和地标一般不属于任何机构。',
    providerFixed: '场地属于本机构。',
    noProvider: '不属于培训机构（公共场地）',
    streetId: '所在街镇',
    streetHint: '丰台区以外的实训基地（例如顺义）请选「丰台区以外」。',
    noStreet: '丰台区以外',
    address: '地址',
    addressHint: '完整地址，居民照着就能找到，例如「北京市丰台区丰台北路32号 教学楼3层」。',
    coordinates: '坐标',
    coordinatesHint: '在地图软件里查到的坐标，WGS-84。用于按距离排序和地图。不填时，用所在街镇的中心点。',
    lat: '纬度',
    latHint: '北京一带在 39.4 到 41.1 之间，例如 39.8583',
    lng: '经度',
    lngHint: '北京一带在 115.4 到 117.6 之间，例如 116.2865',
    note: '备注',
    noteHint: '例如交通、入口位置，只在后台显示。',
    createSubmit: '保存并新建',
    liveNote: '这个场地正用于已发布的班期或招聘会，居民能看到它的名称和地址。',
    created: '已新建场地。',
    saved: '已保存。用到这个场地的课程和招聘会页面已更新。',
    atCentre: (street: string) => `坐标目前用的是「${street}」的中心点。在地图软件里查到准确坐标后填上，按距离排序会更准。`,
    centreUsed: (street: string) => `没有填写坐标，已使用「${street}」的中心点作为坐标。`,
    backToList: '返回场地列表',
    backToProvider: '返回本机构信息',
    usageHeading: '哪里用到了这个场地',
    runs: '班期',
    fairs: '招聘会',
    noUsage: '还没有班期或招聘会用到这个场地。',
  },
  delete: {
    heading: '删除',
    providerHelp: '没有课程、场地和后台账号在使用时，才能删除这家机构。删除后不能恢复，操作记录里会保留删除前的内容。',
    placeHelp: '没有班期和招聘会在使用时，才能删除这个场地。删除后不能恢复，操作记录里会保留删除前的内容。',
    providerButton: '删除这家培训机构',
    placeButton: '删除这个场地',
    confirmProvider: (name: string) => `确定要删除培训机构「${name}」吗？删除后不能恢复。`,
    confirmPlace: (name: string) => `确定要删除场地「${name}」吗？删除后不能恢复。`,
    providerDone: '已删除这家培训机构。',
    placeDone: '已删除这个场地。',
    providerInUse: (name: string, parts: string[]) =>
      `「${name}」还在使用中（${parts.join('、')}），不能删除。请先把这些课程、场地或账号改到别的机构或删除，再来删除这家机构。`,
    placeInUse: (name: string, parts: string[]) =>
      `「${name}」还在使用中（${parts.join('、')}），不能删除。请先给这些班期或招聘会换一个场地，再来删除。`,
    courses: (n: number) => `${n} 门课程`,
    places: (n: number) => `${n} 个场地`,
    users: (n: number) => `${n} 个后台账号`,
    runs: (n: number) => `${n} 个班期`,
    fairs: (n: number) => `${n} 场招聘会`,
  },
  validation: {
    latNumber: '纬度请填写数字，例如 39.8583',
    lngNumber: '经度请填写数字，例如 116.2865',
    latRange: '纬度应在 39.4 到 41.1 之间（北京一带）。请核对，是不是把纬度和经度填反了？',
    lngRange: '经度应在 115.4 到 117.6 之间（北京一带）。请核对，是不是把纬度和经度填反了？',
    latMissing: '填了经度，也请填写纬度；或者两项都不填，使用街镇中心点',
    lngMissing: '填了纬度，也请填写经度；或者两项都不填，使用街镇中心点',
    coordsNeeded: '丰台区以外的场地没有街镇中心点可用，请填写坐标（在地图软件里查）',
    classroomProvider: '教室要选择所属培训机构',
  } satisfies Record<OrgProblem, string>,
  errors: {
    nameTaken: '已经有一家同名的培训机构，请检查是否重复添加；如是不同机构，请写全称以示区别。',
    renameForbidden: '机构名称和简称只能由区人社局的编辑修改。其他内容没有保存，请把名称改回原样再保存，或联系编辑。',
    providerMissing: '请从列表中选择培训机构',
    streetMissing: '请从列表中选择街镇',
    providerNotFound: '找不到这家培训机构，可能已被删除。',
    placeNotFound: '找不到这个场地，可能已被删除。',
  } satisfies Record<OrgRefusal, string>,
} as const;

/** Everything a provider's form, actions and conflicts say about its fields (components/admin/field-words.ts). */
export const PROVIDER_WORDS: EntityWords = { labels: PROVIDER_FIELD_LABELS, problems: { ...orgText.validation, ...orgText.errors } };
/** The same for a place: its labels, the coordinate and provider rules, and the writers' refusals worded. */
export const PLACE_WORDS: EntityWords = { labels: PLACE_FIELD_LABELS, problems: { ...orgText.validation, ...orgText.errors } };

/** Why a provider or place cannot be deleted yet, from what the writer counted. */
export function inUseMessage(u: InUse): string {
  const d = orgText.delete;
  if (u.entity === 'provider') {
    const parts = [u.courses ? d.courses(u.courses) : '', u.places ? d.places(u.places) : '', u.users ? d.users(u.users) : ''].filter(Boolean);
    return d.providerInUse(u.name, parts);
  }
  const parts = [u.runs ? d.runs(u.runs) : '', u.fairs ? d.fairs(u.fairs) : ''].filter(Boolean);
  return d.placeInUse(u.name, parts);
}

/** What a saved place says: saved or created, and the street whose centre it took when no coordinates were given. */
export function placeSavedMessage(how: 'created' | 'saved', centreStreet: string | null): string {
  const t = orgText.placeForm;
  return (how === 'created' ? t.created : t.saved) + (centreStreet ? t.centreUsed(centreStreet) : '');
}
