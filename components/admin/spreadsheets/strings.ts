/** Wording of the 导入导出 pages, downloads and upload responses. */
import type { ImportProblem } from '@/db/admin/spreadsheets/gate';
import type { RowError } from '@/db/admin/spreadsheets/import-plan';
import { RUN_COLUMNS, type ImportKind } from '@/db/validation/admin/import';
import { fieldMessage, type EntityWords } from '../field-words';
import { runProblems } from '../courses/strings';

export const sheets = {
  title: '导入导出',
  lead: '把后台的表下载成 Excel 或 CSV；用表格批量新建、修改驿站和课程班期。',
  export: {
    heading: '导出',
    help: 'CSV 用 Excel 直接打开即可显示中文；XLSX 是 Excel 工作簿。日期都写成 2026-12-01。',
    table: '表',
    contents: '内容',
    download: '下载',
    csv: (label: string) => `下载「${label}」CSV`,
    xlsx: (label: string) => `下载「${label}」Excel`,
    csvShort: 'CSV',
    xlsxShort: 'Excel',
  },
  importCard: {
    heading: '导入',
    body: '用表格批量新建或修改驿站（含每周开放时间）和课程班期。先预览，确认没有问题才会写入。',
    link: '去导入',
  },
  refused: {
    unauthenticated: '登录已失效，请重新登录后再下载。',
    forbidden: '您的账号不能导出这张表。',
    forbiddenImport: '您的账号不能导入数据。导入只限管理员和编辑。',
    unknownTable: '没有这张表。',
    badOrigin: '请从后台页面上传文件。',
  },
  import: {
    title: '导入表格',
    lead: '导入驿站（含每周开放时间）或课程班期。上传后先预览，每一行都检查过、没有错误时才能确认导入。',
    back: '返回导入导出',
    kindLegend: '要导入什么',
    kinds: {
      stations: '驿站和每周开放时间',
      runs: '课程班期',
    } as Record<string, string>,
    kindHelp: {
      stations: '一行一个驿站。编号留空是新建（新建的是草稿，由编辑发布）；填了编号就是修改这个驿站，开放时间按表里的整周替换。',
      runs: '一行一个班期。按课程编号或课程名称找到课程，按名称找到上课地点。编号留空是新建草稿；填了编号就是修改这个班期。',
    } as Record<string, string>,
    file: '选择文件',
    fileHelp: '.xlsx 或 .csv，不超过 5 MB、5000 行。',
    submit: '上传并预览',
    uploading: (pct: number) => `正在上传…${pct}%`,
    checking: (done: number, total: number) => `正在检查第 ${done} / ${total} 行…`,
    reading: '正在读取文件…',
    noFile: '请先选择要导入的文件。',
    networkError: '上传没有成功（网络或服务器问题），什么也没有改动。请稍后再试。',
    templates: '下载模板',
    templatesHelp: '模板第一行是列名，请不要改动；Excel 模板里另有“填写说明”工作表。也可以先“导出”现有数据，改好后直接导入。',
    templateCsv: (kind: string) => `${kind}模板（CSV）`,
    templateXlsx: (kind: string) => `${kind}模板（Excel）`,
    formatHeading: '怎么填',
    columnHeader: '列名',
    columnHelp: '填写要求',
    columnExample: '例子',
    tips: [
      '时间写成 09:00-17:00（24 小时制）；有午休写成 09:00-12:00,13:30-17:00；不开放写“休息”或留空。',
      '日期写成 2026-12-01。',
      '是/否 的列可以写：是、否（或 有、无）。',
      '用 Excel 另存 CSV 时选“CSV UTF-8（逗号分隔）”或普通“CSV（逗号分隔）”都可以。',
    ],
  },
  upload: {
    empty: '没有收到文件，请选择文件后再上传。',
    badKind: '请选择要导入的是驿站还是课程班期。',
    tooBig: '文件超过 5 MB。请删去不需要的列或分成几个文件再导入。',
    failed: '读取文件时出了问题，什么也没有改动。请确认文件能用 Excel 打开后再试。',
  },
  preview: {
    title: '导入预览',
    gone: '这份预览已经过期或不存在（预览只保留 30 分钟）。请重新上传文件。',
    again: '重新上传',
    file: '文件',
    kind: '类型',
    rows: '数据行',
    create: '新建',
    update: '修改',
    unchanged: '没有变化',
    errors: '错误',
    errorsHeading: (n: number) => `有 ${n} 处需要改正`,
    errorsHelp: '有错误时不能导入，什么也不会写入。请在 Excel 里改好这些行，再重新上传。',
    rowLabel: (line: number) => `第 ${line} 行`,
    errorLine: (line: number, column: string, message: string) => (column ? `第 ${line} 行「${column}」：${message}` : `第 ${line} 行：${message}`),
    itemsHeading: '将要写入的内容',
    changes: '改动',
    actionCreate: '新建草稿',
    actionUpdate: (id: number) => `修改（编号 ${id}）`,
    liveNote: '已发布，导入后立即对公众生效',
    noChanges: '文件里的内容和现有数据完全一样，没有需要导入的。',
    notes: '请注意',
    confirmHeading: '确认导入',
    confirmHelp: (create: number, update: number) => `将新建 ${create} 条（草稿）、修改 ${update} 条，全部一次写入并记入操作记录。`,
    confirmLive: (n: number) => `其中 ${n} 条已发布的记录，修改将立即对公众生效。`,
    confirm: '确认导入',
    confirming: '正在导入…',
    discard: '放弃这次导入',
    discarded: '已放弃，什么也没有写入。',
    alreadyImported: '这个文件已经导入过了，不会重复导入。',
    more: (n: number) => `还有 ${n} 条未列出。`,
  },
  result: {
    title: '导入完成',
    summary: (created: number, updated: number, unchanged: number) => `新建 ${created} 条，修改 ${updated} 条，${unchanged} 条没有变化。`,
    draftsNote: '新建的记录是草稿，居民还看不到；请到列表里检查后发布。',
    toStations: '去驿站列表',
    toCourses: '去课程列表',
    another: '再导入一个文件',
    audit: '查看操作记录',
  },
} as const;

/** What the confirm and discard actions say when the import gate refuses (db/admin/spreadsheets/gate.ts). */
export const IMPORT_WORDS: EntityWords = {
  labels: {},
  problems: {
    importForbidden: sheets.refused.forbiddenImport,
    previewGone: sheets.preview.gone,
    alreadyImported: sheets.preview.alreadyImported,
    tokenMissing: '缺少预览编号，请重新上传文件',
  } satisfies Record<ImportProblem, string>,
};

/**
 * A run row's fields are checked with the run form's own schema and rules, so they answer in the
 * same codes; worded with the same sentences as the form (components/admin/courses/strings.ts),
 * each field named by its column's header, so the form and the import refuse a row alike.
 */
const RUN_SHEET_WORDS: EntityWords = {
  labels: Object.fromEntries(RUN_COLUMNS.map((c) => [c.key, c.header])),
  problems: runProblems,
};

/** One row error of a plan in words: a sentence passes through; a code of the shared rules is worded. */
export function importErrorMessage(kind: ImportKind, e: RowError): string {
  return kind === 'runs' ? fieldMessage(e.message, e.field ?? '', RUN_SHEET_WORDS) : e.message;
}
