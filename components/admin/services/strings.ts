/** Every word of the admin 事项目录 (the service catalogue: what to bring, whether a phone will do). */
import type { EntityWords } from '@/components/admin/field-words';
import { MATERIAL_MAX_LENGTH, MATERIALS_MAX, type ServiceProblem } from '@/db/validation/admin/service';

export const serviceAdmin = {
  listTitle: '事项目录',
  listLead: '每个医保事项办理时要带的材料，以及能不能在手机上办。这里改了，所有驿站页面、办事卡和开放数据都会跟着变。',
  readOnly: '您可以查看事项目录，但没有修改权限。',
  stations: (n: number) => `${n} 个驿站可办`,
  noMaterials: '还没有填写办理材料',
  edit: (name: string) => `修改“${name}”`,
  editTitle: (name: string) => `修改事项：${name}`,
  backToList: '返回事项目录',
  category: '类别',
  versionLine: (v: number) => `第 ${v} 版`,
  materialsHeading: '办理需带',
  materials: '办理需带的材料',
  materialsHint: `每行写一样，按居民出门前清点的顺序排列，最多 ${MATERIALS_MAX} 样，每样不超过 ${MATERIAL_MAX_LENGTH} 个字。例如：本人身份证`,
  onlineHeading: '手机办理',
  online: '这件事也可以在手机上办',
  onlineNote: '在手机上哪里办',
  onlineNoteHint: '一句话说清楚，例如：国家医保服务平台App。不能在手机上办的，这里不会显示。',
  preview: '居民看到的样子',
  saved: '已保存，驿站页面和办事卡已更新',
  onlineMark: '手机可办',
  fieldLabels: { materials: '办理需带的材料', online: '手机可办', onlineNote: '在手机上哪里办' } as Record<string, string>,
  validation: {
    materialsTooMany: `办理需带的材料最多写 ${MATERIALS_MAX} 样，请合并或删去不常用的`,
    materialTooLong: `每样材料不能超过 ${MATERIAL_MAX_LENGTH} 个字，请写得简短些`,
    serviceMissing: '没有找到这个事项，可能已被删除，请返回事项目录',
  } satisfies Record<ServiceProblem, string>,
} as const;

export const SERVICE_WORDS: EntityWords = { labels: serviceAdmin.fieldLabels, problems: serviceAdmin.validation };
