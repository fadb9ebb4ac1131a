import { defineErrors } from '../errors/app-error.js';

export const ExcelErrors = defineErrors('excel', {
  fileMissing: { status: 400, 'zh-CN': '请上传 .xlsx 文件（字段 {field}）', en: 'Upload an .xlsx file (field {field})' },
  tooLarge: { status: 413, 'zh-CN': '文件过大（上限 {limit} MB）', en: 'The file is too large (limit {limit} MB)' },
  unreadable: {
    status: 400,
    'zh-CN': '无法读取文件，请上传 Excel 2007 及以上版本的 .xlsx 文件',
    en: 'The file cannot be read; upload an .xlsx workbook (Excel 2007 or later)',
  },
  noHeader: {
    status: 400,
    'zh-CN': '前 5 行中没有找到表头，请使用下载的模板',
    en: 'No header row in the first 5 rows; use the downloaded template',
  },
  missingColumns: { status: 400, 'zh-CN': '缺少必填列：{columns}', en: 'Required columns are missing: {columns}' },
  tooManyRows: { status: 413, 'zh-CN': '一次最多导入 {limit} 行', en: 'At most {limit} rows can be imported at once' },
  rejected: {
    status: 400,
    'zh-CN': '导入未执行：{errors} 处错误（共 {rows} 行），请按校验报告修改后重新导入',
    en: 'Nothing was imported: {errors} problems in {rows} rows; fix them as the report says and import again',
  },
});
