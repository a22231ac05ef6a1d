/** The CSV download of job positions: the API's rows (every upcoming position), Chinese headers. */
import { buildSheet, toCsv, type Column } from '@/db/admin/spreadsheets/sheet';
import { listApiJobs, type ApiJob } from './jobs';

export async function jobsCsv(base: string, now = new Date()): Promise<string> {
  const { items } = await listApiJobs({ q: '', pay: null, street: null, date: null, near: null, dist: null, fair: null, page: 1, per_page: 1 }, 'all', base, now);
  const cols: Column<ApiJob>[] = [
    { header: '岗位编号', value: (r) => r.id },
    { header: '岗位', value: (r) => r.title },
    { header: '招聘人数', value: (r) => r.headcount },
    { header: '工资', value: (r) => r.pay_label },
    { header: '工资下限', value: (r) => r.pay_min ?? '' },
    { header: '工资上限', value: (r) => r.pay_max ?? '' },
    { header: '计薪单位', value: (r) => r.pay_unit_label },
    { header: '要求', value: (r) => r.requirements },
    { header: '招聘单位', value: (r) => r.employer.name },
    { header: '行业', value: (r) => r.employer.industry },
    { header: '招聘会编号', value: (r) => r.fair.id },
    { header: '招聘会', value: (r) => r.fair.title },
    { header: '招聘会状态', value: (r) => r.fair.status_label },
    { header: '开始时间', value: (r) => r.fair.starts_at },
    { header: '结束时间', value: (r) => r.fair.ends_at },
    { header: '地点', value: (r) => r.fair.venue?.name ?? '' },
    { header: '街镇', value: (r) => r.fair.venue?.street ?? '' },
    { header: '对应培训课程', value: (r) => r.course?.title ?? '' },
    { header: '招聘会网址', value: (r) => r.fair.url },
  ];
  return toCsv(buildSheet(cols, items));
}
