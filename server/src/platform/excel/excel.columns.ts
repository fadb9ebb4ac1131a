import type { Locale, LocalizedText } from '../i18n.js';

/**
 * RPT-3: one column of an entity's sheet, shared by its template, its import
 * and its export, so the three can never disagree on headers or formats.
 */
export type CellType = 'text' | 'int' | 'money' | 'date' | 'datetime' | 'enum' | 'list';

export interface EnumOption {
  value: string;
  label: LocalizedText;
}

export interface ColumnSpec {
  /** The field name, as the API and the error report call it. */
  key: string;
  header: LocalizedText;
  type: CellType;
  required?: boolean;
  /** Allowed values of an enum column, written and read as their labels in either language. */
  options?: readonly EnumOption[];
  maxLength?: number;
  /** Character width in the sheet. */
  width?: number;
  /** A value for the template's example row (as it would be typed into the cell). */
  example?: string | number;
  /** What the column shows on export when the row field is not named `key`. */
  value?: (row: Record<string, unknown>) => unknown;
  /** A comment on the template header (format hints). */
  note?: LocalizedText;
}

/** A value read from a cell: the type the column declares, or null when the cell is empty. */
export type CellValue = string | number | string[] | null;

export interface CellProblem {
  message: LocalizedText;
}

const messages = {
  required: { 'zh-CN': '必填', en: 'is required' },
  tooLong: (limit: number) => ({ 'zh-CN': `最多 ${limit} 个字符`, en: `must have at most ${limit} characters` }),
  notInteger: { 'zh-CN': '应为整数', en: 'must be a whole number' },
  notMoney: { 'zh-CN': '应为金额（元，最多两位小数）', en: 'must be an amount in yuan with at most two decimals' },
  notDate: { 'zh-CN': '应为日期（YYYY-MM-DD）', en: 'must be a date (YYYY-MM-DD)' },
  notOption: (options: readonly EnumOption[]) => ({
    'zh-CN': `只能是：${options.map((o) => o.label['zh-CN']).join('、')}`,
    en: `must be one of: ${options.map((o) => o.label.en).join(', ')}`,
  }),
} satisfies Record<string, LocalizedText | ((...args: never[]) => LocalizedText)>;

/** What exceljs hands for a cell (string, number, date, rich text, hyperlink, formula result …) as plain text or number. */
export function plainCell(raw: unknown): string | number | Date | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return raw.trim() === '' ? null : raw.trim();
  if (typeof raw === 'number' || raw instanceof Date) return raw;
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  if (typeof raw === 'object') {
    const cell = raw as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (cell.richText) return plainCell(cell.richText.map((part) => part.text).join(''));
    if ('result' in cell) return plainCell(cell.result);
    if ('text' in cell) return plainCell(cell.text);
  }
  return null;
}

const excelEpoch = Date.UTC(1899, 11, 30);

function isoDate(value: string | number | Date): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  // A date typed into a cell without a date format arrives as Excel's serial day number.
  if (typeof value === 'number')
    return value > 0 && value < 2_958_466 ? new Date(excelEpoch + Math.floor(value) * 86_400_000).toISOString().slice(0, 10) : null;
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Yuan as typed (number or text) to integer fen, refusing fractions of a fen rather than rounding them away. */
export function yuanToFen(value: string | number): number | null {
  const text = typeof value === 'number' ? String(value) : value.replace(/[,，¥￥\s]/g, '');
  const match = /^(-?)(\d{1,13})(?:\.(\d{1,2})0*)?$/.exec(text);
  if (!match) return null;
  const fen = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -fen : fen;
}

function optionOf(column: ColumnSpec, text: string): EnumOption | undefined {
  const wanted = text.toLowerCase();
  return column.options?.find((o) => o.value.toLowerCase() === wanted || o.label['zh-CN'] === text || o.label.en.toLowerCase() === wanted);
}

/** Reads one cell as its column's type; a problem names what is wrong in both languages. */
export function parseCell(column: ColumnSpec, raw: unknown): { value: CellValue } | { problem: CellProblem } {
  const cell = plainCell(raw);
  if (cell === null) return column.required ? { problem: { message: messages.required } } : { value: null };
  const text = cell instanceof Date ? cell.toISOString() : String(cell);
  switch (column.type) {
    case 'text': {
      if (column.maxLength && text.length > column.maxLength) return { problem: { message: messages.tooLong(column.maxLength) } };
      return { value: text };
    }
    case 'int': {
      const n = typeof cell === 'number' ? cell : /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
      return Number.isSafeInteger(n) ? { value: n } : { problem: { message: messages.notInteger } };
    }
    case 'money': {
      const fen = cell instanceof Date ? null : yuanToFen(cell);
      return fen === null ? { problem: { message: messages.notMoney } } : { value: fen };
    }
    case 'date':
    case 'datetime': {
      const date = isoDate(cell);
      return date === null ? { problem: { message: messages.notDate } } : { value: date };
    }
    case 'enum': {
      const option = optionOf(column, text);
      return option ? { value: option.value } : { problem: { message: messages.notOption(column.options ?? []) } };
    }
    case 'list': {
      const items = text
        .split(/[,，、;；]/)
        .map((item) => item.trim())
        .filter(Boolean);
      return { value: items };
    }
  }
}

const shanghaiMinute = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** One row field as the sheet shows it: labels in the reader's language, yuan for fen, China time for instants. */
export function formatCell(column: ColumnSpec, row: Record<string, unknown>, locale: Locale): string | number | null {
  const value = column.value ? column.value(row) : row[column.key];
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'money':
      return Number(value) / 100;
    case 'int':
      return Number(value);
    case 'enum': {
      const option = column.options?.find((o) => o.value === value);
      return option ? option.label[locale] : String(value);
    }
    case 'list':
      return Array.isArray(value) ? value.join(locale === 'zh-CN' ? '、' : ', ') : String(value);
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    case 'datetime':
      return shanghaiMinute.format(value instanceof Date ? value : new Date(String(value)));
    case 'text':
      return String(value);
  }
}

/** The header text a column shows in a language. */
export const headerOf = (column: ColumnSpec, locale: Locale) => column.header[locale];

/** The options of an enum column from its values and their labels. */
export function enumOptions<V extends string>(values: readonly V[], labels: Record<V, LocalizedText>): EnumOption[] {
  return values.map((value) => ({ value, label: labels[value] }));
}
