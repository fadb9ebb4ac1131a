import ExcelJS from 'exceljs';
import type { Locale, LocalizedText } from '../i18n.js';
import type { ColumnSpec } from './excel.columns.js';

const listsSheet = 'lists';

/** exceljs accepts a whole range here (one rule for the column) but its typings only know per-cell rules. */
interface RangeValidations {
  dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void };
}

const words = {
  guide: { 'zh-CN': '填写说明', en: 'How to fill in' },
  column: { 'zh-CN': '列', en: 'Column' },
  required: { 'zh-CN': '必填', en: 'Required' },
  yes: { 'zh-CN': '是', en: 'yes' },
  format: { 'zh-CN': '格式 / 可选值', en: 'Format / allowed values' },
  example: { 'zh-CN': '示例', en: 'Example' },
  exampleRow: {
    'zh-CN': '示例行（请在第一个工作表中填写数据，从第 2 行开始）',
    en: 'Example row (enter data on the first sheet, from row 2)',
  },
  types: {
    text: { 'zh-CN': '文本', en: 'text' },
    int: { 'zh-CN': '整数', en: 'whole number' },
    money: { 'zh-CN': '金额（元，最多两位小数）', en: 'amount in yuan, at most two decimals' },
    date: { 'zh-CN': '日期 YYYY-MM-DD', en: 'date YYYY-MM-DD' },
    datetime: { 'zh-CN': '日期 YYYY-MM-DD', en: 'date YYYY-MM-DD' },
    enum: { 'zh-CN': '下拉选择', en: 'pick from the list' },
    list: { 'zh-CN': '多个值用逗号分隔', en: 'several values separated by commas' },
  },
} satisfies Record<string, LocalizedText | Record<string, LocalizedText>>;

function formatOf(column: ColumnSpec, locale: Locale): string {
  const base = words.types[column.type][locale];
  const extra = column.note ? `；${column.note[locale]}` : '';
  if (column.type !== 'enum') return `${base}${extra}`;
  const labels = (column.options ?? []).map((o) => o.label[locale]).join(locale === 'zh-CN' ? '、' : ', ');
  return `${base}：${labels}${extra}`;
}

/**
 * RPT-3 import template: the data sheet with the headers in the user's
 * language (required ones starred), drop-down lists on enum columns fed by a
 * hidden sheet, and a guide sheet with each column's format and an example
 * row (kept off the data sheet so an untouched template imports nothing).
 */
export async function templateXlsx(
  columns: readonly ColumnSpec[],
  locale: Locale,
  sheetName: LocalizedText,
  maxRows: number,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const data = workbook.addWorksheet(sheetName[locale], { views: [{ state: 'frozen', ySplit: 1 }] });
  const guide = workbook.addWorksheet(words.guide[locale]);
  const lists = workbook.addWorksheet(listsSheet, { state: 'veryHidden' });

  data.columns = columns.map((column) => ({
    header: `${column.required ? '*' : ''}${column.header[locale]}`,
    key: column.key,
    width: column.width ?? 16,
    // Mobile numbers and credit codes stay text, so Excel keeps every digit.
    style: column.type === 'text' ? { numFmt: '@' } : column.type === 'money' ? { numFmt: '0.00' } : {},
  }));
  data.getRow(1).font = { bold: true };

  let listColumn = 0;
  columns.forEach((column, index) => {
    if (column.type !== 'enum' || !column.options?.length) return;
    listColumn += 1;
    const letter = lists.getColumn(listColumn).letter;
    column.options.forEach((option, row) => {
      lists.getCell(row + 1, listColumn).value = option.label[locale];
    });
    const target = data.getColumn(index + 1).letter;
    (data as unknown as RangeValidations).dataValidations.add(`${target}2:${target}${maxRows + 1}`, {
      type: 'list',
      allowBlank: !column.required,
      formulae: [`${listsSheet}!$${letter}$1:$${letter}$${column.options.length}`],
      showErrorMessage: true,
    });
  });

  guide.columns = [{ width: 22 }, { width: 8 }, { width: 60 }, { width: 30 }];
  guide.addRow([words.column[locale], words.required[locale], words.format[locale], words.example[locale]]).font = { bold: true };
  for (const column of columns) {
    guide.addRow([column.header[locale], column.required ? words.yes[locale] : '', formatOf(column, locale), column.example ?? '']);
  }
  guide.addRow([]);
  guide.addRow([words.exampleRow[locale]]).font = { italic: true };
  guide.addRow(columns.map((column) => column.header[locale])).font = { bold: true };
  guide.addRow(columns.map((column) => column.example ?? ''));

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
