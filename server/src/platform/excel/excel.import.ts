import type { Executor } from '../db/database.js';
import type { Locale, LocalizedText } from '../i18n.js';
import { type CellValue, type ColumnSpec, parseCell } from './excel.columns.js';
import { readSheet } from './excel.reader.js';

/** A problem with one field of one row of the sheet. */
export interface ImportIssue {
  row: number;
  field: string;
  message: LocalizedText;
}

export interface ImportRow<T> {
  row: number;
  record: T;
}

/**
 * What an entity's import supplies (RPT-3): its columns, how a row of
 * parsed cells becomes a record, which fields must be unique within the file,
 * and the two bulk steps run per chunk of rows: checks against the database
 * (duplicates, references; they may complete the record, e.g. resolve a code
 * to an id) and a multi-row insert.
 */
export interface ImportPlan<T> {
  columns: readonly ColumnSpec[];
  /** Builds the record from the cells that parsed (bad cells are absent); reports cross-field problems. */
  build(cells: Record<string, CellValue>, problem: (field: string, message: LocalizedText) => void): T;
  unique: readonly { field: string; key: (record: T) => string | null }[];
  check(db: Executor, rows: ImportRow<T>[]): Promise<ImportIssue[]>;
  insert(tx: Executor, rows: ImportRow<T>[]): Promise<number[]>;
}

export interface ImportReportError {
  row: number;
  field: string;
  column: string;
  message: string;
}

export interface ImportReport {
  rows: number;
  valid: number;
  /** Every problem found; `errors` lists the first `maxErrors` of them in row order. */
  errorCount: number;
  truncated: boolean;
  errors: ImportReportError[];
}

export interface ImportOutcome {
  report: ImportReport;
  inserted: { count: number; firstId: number | null; lastId: number | null };
}

export interface ImportOptions {
  /** Insert the valid rows while reading, as long as no problem has been found; the caller rolls back otherwise. */
  commit: boolean;
  locale: Locale;
  maxRows?: number;
  maxErrors?: number;
  chunkSize?: number;
}

const duplicateInFile = (first: number): LocalizedText => ({
  'zh-CN': `与第 ${first} 行重复`,
  en: `duplicates row ${first}`,
});

/**
 * Reads, checks and (when committing) inserts a sheet in chunks, keeping only
 * the current chunk and the unique keys in memory. A dry run and a commit
 * find exactly the same problems: rows already in error (including duplicates
 * within the file) never reach the database checks, and nothing is inserted
 * after the first problem. The caller runs a commit inside one transaction
 * and rolls it back when the report has errors, so nothing is half-imported.
 */
export async function importSheet<T>(db: Executor, plan: ImportPlan<T>, file: string, options: ImportOptions): Promise<ImportOutcome> {
  const maxErrors = options.maxErrors ?? 10_000;
  const chunkSize = options.chunkSize ?? 1000;
  const seen = new Map<string, Map<string, number>>(plan.unique.map((u) => [u.field, new Map()]));
  const kept: ImportIssue[] = [];
  const badRows = new Set<number>();
  let errorCount = 0;
  let rows = 0;
  let pending: ImportRow<T>[] = [];
  const inserted = { count: 0, firstId: null as number | null, lastId: null as number | null };

  const record = (issue: ImportIssue) => {
    errorCount += 1;
    badRows.add(issue.row);
    if (kept.length < maxErrors) kept.push(issue);
  };

  const flush = async () => {
    if (pending.length === 0) return;
    const chunk = pending;
    pending = [];
    const issues = await plan.check(db, chunk);
    for (const issue of issues) record(issue);
    if (!options.commit || errorCount > 0) return;
    const ids = await plan.insert(db, chunk);
    for (const id of ids) {
      inserted.firstId = inserted.firstId === null ? id : Math.min(inserted.firstId, id);
      inserted.lastId = inserted.lastId === null ? id : Math.max(inserted.lastId, id);
    }
    inserted.count += ids.length;
  };

  for await (const sheetRow of readSheet(file, plan.columns, options.maxRows ?? 200_000)) {
    rows += 1;
    let rowHasProblem = false;
    const problem = (field: string, message: LocalizedText) => {
      rowHasProblem = true;
      record({ row: sheetRow.row, field, message });
    };
    const cells: Record<string, CellValue> = {};
    for (const column of plan.columns) {
      const parsed = parseCell(column, sheetRow.cells.get(column.key));
      if ('problem' in parsed) problem(column.key, parsed.problem.message);
      else cells[column.key] = parsed.value;
    }
    const built = plan.build(cells, problem);
    for (const { field, key } of plan.unique) {
      const value = key(built);
      if (value === null) continue;
      const keys = seen.get(field) as Map<string, number>;
      const first = keys.get(value);
      if (first === undefined) keys.set(value, sheetRow.row);
      else problem(field, duplicateInFile(first));
    }
    if (rowHasProblem) continue;
    pending.push({ row: sheetRow.row, record: built });
    if (pending.length >= chunkSize) await flush();
  }
  await flush();
  return { report: reportOf(plan.columns, kept, { rows, errorCount, badRows: badRows.size }, options.locale), inserted };
}

function reportOf(
  columns: readonly ColumnSpec[],
  issues: ImportIssue[],
  totals: { rows: number; errorCount: number; badRows: number },
  locale: Locale,
): ImportReport {
  const order = new Map(columns.map((c, index) => [c.key, index]));
  const headers = new Map(columns.map((c) => [c.key, c.header[locale]]));
  const errors = issues
    .sort((a, b) => a.row - b.row || (order.get(a.field) ?? 99) - (order.get(b.field) ?? 99))
    .map((issue) => ({
      row: issue.row,
      field: issue.field,
      column: headers.get(issue.field) ?? issue.field,
      message: issue.message[locale],
    }));
  return {
    rows: totals.rows,
    valid: totals.rows - totals.badRows,
    errorCount: totals.errorCount,
    truncated: totals.errorCount > errors.length,
    errors,
  };
}
