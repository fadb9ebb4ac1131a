import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { AppError } from '../errors/app-error.js';
import { type ColumnSpec, plainCell } from './excel.columns.js';
import { ExcelErrors } from './excel.errors.js';

/** One data row of an uploaded sheet: its Excel row number and the raw cell of each known column. */
export interface SheetRow {
  row: number;
  cells: Map<string, unknown>;
}

/** The header row may sit below a title or an export's watermark line. */
const headerSearchRows = 5;

function normalizedHeader(value: unknown): string {
  const cell = plainCell(value);
  return cell === null
    ? ''
    : String(cell)
        .replace(/[\s*＊]/g, '')
        .toLowerCase();
}

function headerIndex(columns: readonly ColumnSpec[]): Map<string, ColumnSpec> {
  const index = new Map<string, ColumnSpec>();
  for (const column of columns) {
    for (const name of [column.key, column.header['zh-CN'], column.header.en]) index.set(normalizedHeader(name), column);
  }
  return index;
}

/** The header row found: refused at once when a required column is absent, before any row is read. */
function withRequired(found: Map<number, ColumnSpec>, columns: readonly ColumnSpec[]): Map<number, ColumnSpec> {
  const present = new Set([...found.values()].map((c) => c.key));
  const missing = columns.filter((c) => c.required && !present.has(c.key));
  if (missing.length > 0) {
    const names = { 'zh-CN': missing.map((c) => c.header['zh-CN']).join('、'), en: missing.map((c) => c.header.en).join(', ') };
    throw new AppError(ExcelErrors.missingColumns, { columns: names }, { field: 'file', columns: missing.map((c) => c.key) });
  }
  return found;
}

interface ReaderInternals {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Iterable<unknown>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncIterable<unknown>;
}

/** Decodes UTF-8 across chunk boundaries: a character split between two chunks stays one character. */
async function* utf8Chunks(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.write(chunk);
  const rest = decoder.end();
  if (rest) yield rest;
}

/**
 * exceljs's streaming reader decodes every zip chunk on its own, so a Chinese
 * character cut by a chunk boundary turns into U+FFFD (exceljs issues #2063,
 * #2084, still open). Its parser passes strings through untouched, so the
 * sheet and the shared strings are handed to it already decoded.
 */
function decodingUtf8(reader: ExcelJS.stream.xlsx.WorkbookReader): ExcelJS.stream.xlsx.WorkbookReader {
  const internals = reader as unknown as ReaderInternals;
  const parseWorksheet = internals._parseWorksheet.bind(reader);
  const parseSharedStrings = internals._parseSharedStrings.bind(reader);
  internals._parseWorksheet = (iterator, sheetNo) => parseWorksheet(utf8Chunks(iterator), sheetNo);
  internals._parseSharedStrings = (entry) => {
    entry.setEncoding('utf8');
    return parseSharedStrings(entry);
  };
  return reader;
}

type Row = { number: number; values: unknown[] | Record<string, unknown> };

function cellsOf(row: Row): unknown[] {
  return Array.isArray(row.values) ? row.values : [];
}

/**
 * Streams the first worksheet of an .xlsx file: finds the header row (headers
 * in either language, or the field keys), then yields each non-empty row.
 * Reading a file from disk, never a whole workbook in memory (RPT-3).
 */
export async function* readSheet(file: string, columns: readonly ColumnSpec[], maxRows: number): AsyncGenerator<SheetRow> {
  const known = headerIndex(columns);
  const input = fs.createReadStream(file);
  const reader = decodingUtf8(
    new ExcelJS.stream.xlsx.WorkbookReader(input, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      entries: 'ignore',
    }),
  );
  let positions: Map<number, ColumnSpec> | null = null;
  let rows = 0;
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<Row>) {
        const cells = cellsOf(row);
        if (!positions) {
          if (row.number > headerSearchRows) break;
          const found = new Map<number, ColumnSpec>();
          cells.forEach((value, index) => {
            const column = known.get(normalizedHeader(value));
            if (column) found.set(index, column);
          });
          if (found.size > 0) positions = withRequired(found, columns);
          continue;
        }
        const values = new Map<string, unknown>();
        let empty = true;
        for (const [index, column] of positions) {
          const value = cells[index];
          if (plainCell(value) !== null) empty = false;
          values.set(column.key, value);
        }
        if (empty) continue;
        rows += 1;
        if (rows > maxRows) throw new AppError(ExcelErrors.tooManyRows, { limit: maxRows });
        yield { row: row.number, cells: values };
      }
      // Only the first sheet holds data; the template's second sheet lists the allowed values.
      break;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(ExcelErrors.unreadable, { field: 'file' }, { field: 'file' });
  } finally {
    input.destroy();
  }
  if (!positions) throw new AppError(ExcelErrors.noHeader, { field: 'file' }, { field: 'file' });
}
