// RPT-3: .xlsx templates, validated all-or-nothing imports and streaming exports for any entity.
export type { CellValue, ColumnSpec, EnumOption } from './excel.columns.js';
export { enumOptions } from './excel.columns.js';
export { ExcelErrors } from './excel.errors.js';
export { exportXlsx, sendXlsxFile, streamXlsx, type XlsxExport, xlsxContentType } from './excel.export.js';
export { type ImportIssue, type ImportOutcome, type ImportPlan, type ImportReport, type ImportRow, importSheet } from './excel.import.js';
export { ImportReportSchema, ImportResultSchema, XlsxFile } from './excel.schemas.js';
export { templateXlsx } from './excel.template.js';
export { acceptXlsxUploads, type SpooledUpload, spoolXlsx, xlsxUploadBody } from './excel.upload.js';
