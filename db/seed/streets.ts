/**
 * The 26 街镇 of Fengtai, as in docs DOMAIN.md (centres approximate, WGS-84). `roads` are
 * streets nearby used to compose sample addresses; they read plausibly but are not surveyed.
 */

export type StreetSeed = {
  name: string;
  kind: '街道' | '镇';
  lat: number;
  lng: number;
  roads: readonly string[];
};

/** Order here is the display order (sort = index + 1): the table order of DOMAIN.md. */
export const STREETS: readonly StreetSeed[] = [
  { name: '右安门街道', kind: '街道', lat: 39.867, lng: 116.363, roads: ['右安门外大街', '玉林西路', '翠林路'] },
  { name: '太平桥街道', kind: '街道', lat: 39.873, lng: 116.325, roads: ['太平桥路', '丽泽路', '万泉寺东路'] },
  { name: '西罗园街道', kind: '街道', lat: 39.856, lng: 116.383, roads: ['西罗园路', '洋桥北路', '马家堡东路'] },
  { name: '大红门街道', kind: '街道', lat: 39.845, lng: 116.405, roads: ['大红门路', '南顶路', '海户西里北路'] },
  { name: '南苑街道', kind: '街道', lat: 39.8, lng: 116.39, roads: ['南苑路', '警备东路', '南苑镇北路'] },
  { name: '东高地街道', kind: '街道', lat: 39.812, lng: 116.42, roads: ['东高地街', '万源路', '梅源路'] },
  { name: '东铁匠营街道', kind: '街道', lat: 39.86, lng: 116.42, roads: ['蒲黄榆路', '宋家庄路', '刘家窑路'] },
  { name: '六里桥街道', kind: '街道', lat: 39.885, lng: 116.31, roads: ['六里桥东路', '莲花池西路', '西三环南路'] },
  { name: '丰台街道', kind: '街道', lat: 39.855, lng: 116.285, roads: ['丰台北路', '东安街', '丰台南路'] },
  { name: '新村街道', kind: '街道', lat: 39.845, lng: 116.3, roads: ['新华街', '丰台东大街', '郭公庄路'] },
  { name: '长辛店街道', kind: '街道', lat: 39.835, lng: 116.2, roads: ['长辛店大街', '朱家坟路', '长辛店东街'] },
  { name: '云岗街道', kind: '街道', lat: 39.82, lng: 116.15, roads: ['云岗路', '镇岗南路', '云岗北里路'] },
  { name: '方庄街道', kind: '街道', lat: 39.865, lng: 116.435, roads: ['方庄路', '芳城园路', '蒲方路'] },
  { name: '宛平街道', kind: '街道', lat: 39.85, lng: 116.225, roads: ['宛平城内街', '卢沟桥路', '晓月路'] },
  { name: '马家堡街道', kind: '街道', lat: 39.845, lng: 116.375, roads: ['马家堡西路', '角门路', '嘉园路'] },
  { name: '和义街道', kind: '街道', lat: 39.815, lng: 116.405, roads: ['和义东里路', '南苑西路', '和义西街'] },
  { name: '卢沟桥街道', kind: '街道', lat: 39.87, lng: 116.27, roads: ['小屯路', '丰台西路', '卢沟桥南路'] },
  { name: '花乡街道', kind: '街道', lat: 39.835, lng: 116.31, roads: ['花乡四合庄路', '纪家庙路', '草桥东路'] },
  { name: '成寿寺街道', kind: '街道', lat: 39.852, lng: 116.445, roads: ['成寿寺路', '方庄南路', '石榴园路'] },
  { name: '石榴庄街道', kind: '街道', lat: 39.845, lng: 116.42, roads: ['石榴庄路', '宋庄路', '榴乡路'] },
  { name: '玉泉营街道', kind: '街道', lat: 39.85, lng: 116.345, roads: ['玉泉营路', '万柳园路', '南三环西路'] },
  { name: '看丹街道', kind: '街道', lat: 39.835, lng: 116.28, roads: ['看丹路', '科学城路', '富丰路'] },
  { name: '五里店街道', kind: '街道', lat: 39.875, lng: 116.25, roads: ['五里店路', '大井路', '西四环南路'] },
  { name: '青塔街道', kind: '街道', lat: 39.89, lng: 116.27, roads: ['青塔西路', '青塔东里路', '春园路'] },
  { name: '北宫镇', kind: '镇', lat: 39.87, lng: 116.12, roads: ['北宫路', '大灰厂东路', '张家坟路'] },
  { name: '王佐镇', kind: '镇', lat: 39.8, lng: 116.13, roads: ['王佐路', '京良路', '西庄店路'] },
];

export function streetSeed(name: string): StreetSeed {
  const s = STREETS.find((x) => x.name === name);
  if (!s) throw new Error(`seed: unknown 街镇 ${name}`);
  return s;
}
