import { Type } from 'typebox';

/** The validation report of an import (dry run, or a refused commit's error details). */
export const ImportReportSchema = Type.Object(
  {
    rows: Type.Integer({ description: 'Data rows read' }),
    valid: Type.Integer({ description: 'Rows without any problem' }),
    errorCount: Type.Integer({ description: 'Problems found in all' }),
    truncated: Type.Boolean({ description: 'True when `errors` lists only the first problems' }),
    errors: Type.Array(
      Type.Object({
        row: Type.Integer({ description: 'Excel row number' }),
        field: Type.String(),
        column: Type.String({ description: "The column header in the caller's language" }),
        message: Type.String(),
      }),
    ),
  },
  { $id: 'ImportReport' },
);

export const ImportResultSchema = Type.Object(
  {
    imported: Type.Integer(),
    firstId: Type.Union([Type.Integer(), Type.Null()]),
    lastId: Type.Union([Type.Integer(), Type.Null()]),
    report: ImportReportSchema,
  },
  { $id: 'ImportResult' },
);

/** A binary .xlsx answer, for OpenAPI. */
export const XlsxFile = Type.Unsafe<unknown>({ type: 'string', format: 'binary', description: '.xlsx workbook' });
